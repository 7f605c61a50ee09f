import type { Library, ProtocolDocument } from '../compose/document.ts';
import { documentArticles } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import type { ProtocolInput } from '../schema/protocol.ts';

/** Something missing or odd in a composition, for the review step. */
export interface Warning {
  /** Stable id: `no-measures`, `no-reporting`, `no-image-rule`, `empty-variable`, `contradicting-variants`, `invalid`. */
  id: string;
  /** What is wrong and what to do, in Dutch. */
  message: string;
}

const MEASURE_SECTIONS = ['measures/', 'measures-pupils/', 'measures-staff/'];

/**
 * What the review step lists as missing or odd: no measures section, no reporting route, no rule on images of
 * pupils, an empty variable, two contradicting variants, and any other problem `checkProtocol` found.
 *
 * @param input the composition (as exported).
 * @param doc the composed document, when there is one.
 * @param problems the problems of the composition (schema and `checkProtocol`).
 * @param library the clause library.
 */
export function reviewWarnings(input: ProtocolInput, doc: ProtocolDocument | undefined, problems: Problem[], library: Library): Warning[] {
  const warnings: Warning[] = [];
  const clauses = doc ? documentArticles(doc).flatMap((a) => (a.clause ? [a.clause] : [])) : [];
  if (!clauses.some((c) => MEASURE_SECTIONS.some((s) => c.startsWith(s)))) {
    warnings.push({ id: 'no-measures', message: 'Er staan geen maatregelen in het protocol: wat gebeurt er als iemand zich niet aan de afspraken houdt? Zet een bepaling uit “Gevolgen en maatregelen” aan.' });
  }
  const reportingContact = (input.school.contacts ?? []).some((c) => c.reporting);
  const reportingClause = clauses.some((c) => c.startsWith('reporting/'));
  if (!reportingContact || !reportingClause) {
    warnings.push({
      id: 'no-reporting',
      message: reportingContact
        ? 'Er staat geen artikel over melden in het protocol. Zet een bepaling uit “Melden” aan.'
        : 'Er is geen meldroute: geef bij Contactpersonen aan bij wie men een probleem kan melden (vink “meldpunt” aan).',
    });
  }
  if (!clauses.some((c) => library.clauses.get(c)?.choicePoint === 'image-consent')) {
    warnings.push({ id: 'no-image-rule', message: 'Er is geen regel over foto’s en filmpjes van leerlingen. Kies een variant bij het keuzepunt “toestemming voor beeldmateriaal”.' });
  }
  for (const p of problems) {
    const id = /\.values\./.test(p.field ?? '') || /vraagt om/.test(p.message)
      ? 'empty-variable'
      : /keuzepunt/.test(p.message)
        ? 'contradicting-variants'
        : 'invalid';
    warnings.push({ id, message: `${p.field ? `${p.field}: ` : ''}${p.message}` });
  }
  return warnings;
}
