import type { Problem } from '../errors/content-error.ts';
import type { LocatedYaml } from '../yaml/parse-yaml.ts';

/**
 * What is odd but not wrong in a valid protocol, as warnings (severity `warning`; they never stop a build or an
 * export). Found: a consent of the participation council dated after the adoption (rule `consent-after-adoption`):
 * the council is asked before the board adopts, so a later date is usually a typing error.
 *
 * @param protocol a schema-valid protocol, or the wizard's composition (dates that are not yet complete are skipped).
 * @param file path for messages; `located` gives line numbers when the protocol came from a file.
 * @returns the warnings, in file order; empty when there are none.
 */
export function protocolWarnings(
  protocol: { adoption?: { date: unknown; consent?: readonly { body: string; date: unknown }[] } },
  file: string,
  located?: LocatedYaml,
): Problem[] {
  const warnings: Problem[] = [];
  const adoption = protocol.adoption;
  if (adoption) {
    (adoption.consent ?? []).forEach((consent, i) => {
      const iso = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
      if (iso(consent.date) && iso(adoption.date) && String(consent.date) > String(adoption.date)) {
        const path = ['adoption', 'consent', i, 'date'];
        warnings.push({
          rule: 'consent-after-adoption',
          severity: 'warning',
          file,
          line: located?.lineOf(path),
          field: path.join('.'),
          message: `de ${consent.body || 'raad'} is op ${String(consent.date)} om instemming gevraagd, na de vaststelling op ${String(adoption.date)}. Meestal komt de instemming eerst: controleer beide datums.`,
        });
      }
    });
  }
  return warnings;
}
