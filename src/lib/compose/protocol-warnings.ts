import type { Problem } from '../errors/content-error.ts';
import type { LocatedYaml } from '../yaml/parse-yaml.ts';
import type { Protocol } from '../schema/protocol.ts';

/**
 * What is odd but not wrong in a valid protocol, as warnings (severity `warning`; they never stop a build or an
 * export). Found: a consent of the participation council dated after the adoption (rule `consent-after-adoption`):
 * the council is asked before the board adopts, so a later date is usually a typing error.
 *
 * @param protocol a schema-valid protocol.
 * @param file path for messages; `located` gives line numbers when the protocol came from a file.
 * @returns the warnings, in file order; empty when there are none.
 */
export function protocolWarnings(protocol: Protocol, file: string, located?: LocatedYaml): Problem[] {
  const warnings: Problem[] = [];
  const adoption = protocol.adoption;
  if (adoption) {
    adoption.consent.forEach((consent, i) => {
      if (consent.date > adoption.date) {
        const path = ['adoption', 'consent', i, 'date'];
        warnings.push({
          rule: 'consent-after-adoption',
          severity: 'warning',
          file,
          line: located?.lineOf(path),
          field: path.join('.'),
          message: `de ${consent.body} is op ${consent.date} om instemming gevraagd, na de vaststelling op ${adoption.date}. Meestal komt de instemming eerst: controleer beide datums.`,
        });
      }
    });
  }
  return warnings;
}
