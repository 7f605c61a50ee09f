import type { Library, ProtocolDocument } from '../compose/document.ts';
import { documentArticles } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import type { ProtocolInput } from '../schema/protocol.ts';
import { protocolWarnings } from '../compose/protocol-warnings.ts';
import { labelTable } from '../../i18n/t.ts';
import { SECTOR_NAMES } from './sector-default.ts';

/** Something missing or odd in a composition, for the review step. */
export interface Warning {
  /**
   * Stable id: `no-measures`, `no-reporting`, `no-image-rule`, `historic-clause` (a variant no longer offered),
   * `sector-mismatch` (a clause not meant for the school's sector), `empty-variable`, `contradicting-variants`,
   * `requires-missing`, `requires-after` (a clause without the clause it leans on), `consent-after-adoption`,
   * `pictograph-in-pdf`, `invalid`.
   */
  id: string;
  /** What is wrong and what to do, in Dutch. */
  message: string;
}

const MEASURE_SECTIONS = ['measures/', 'measures-pupils/', 'measures-staff/'];

/**
 * What the review step lists as missing or odd: no measures section, no reporting route, no rule on images of
 * pupils, a `historic` clause or one not meant for the school's sector (shared/LAW.md), an empty variable, two
 * contradicting variants, a consent dated after the adoption, an emoji the PDF cannot show, and any other problem
 * `checkProtocol` found.
 *
 * @param input the composition (as exported).
 * @param doc the composed document, when there is one.
 * @param problems the problems of the composition (schema and `checkProtocol`), warnings included.
 * @param library the clause library.
 */
export function reviewWarnings(
  input: ProtocolInput,
  doc: ProtocolDocument | undefined,
  problems: Problem[],
  library: Library,
): Warning[] {
  const warnings: Warning[] = [];
  const clauses = doc ? documentArticles(doc).flatMap((a) => (a.clause ? [a.clause] : [])) : [];
  if (!clauses.some((c) => MEASURE_SECTIONS.some((s) => c.startsWith(s)))) {
    warnings.push({
      id: 'no-measures',
      message:
        'Er staan geen maatregelen in het protocol: wat gebeurt er als iemand zich niet aan de afspraken houdt? Zet een bepaling uit “Gevolgen en maatregelen” aan.',
    });
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
    warnings.push({
      id: 'no-image-rule',
      message:
        'Er is geen regel over foto’s en filmpjes van leerlingen. Kies een variant bij het keuzepunt “toestemming voor beeldmateriaal”.',
    });
  }
  for (const w of protocolWarnings(input, 'protocol.yaml')) {
    warnings.push({ id: w.rule!, message: `${w.field ? `${describeField(w.field, input)}: ` : ''}${w.message}` });
  }
  for (const id of clauses) {
    const clause = library.clauses.get(id);
    if (!clause) continue;
    if (clause.historic) {
      warnings.push({
        id: 'historic-clause',
        message: `“${clause.title}” wordt niet meer aangeboden: ${clause.historic} Kies een andere variant.`,
      });
    } else if (!clause.sectors.includes(input.school.sector)) {
      warnings.push({
        id: 'sector-mismatch',
        message: `“${clause.title}” past niet bij de sector van de school (${SECTOR_NAMES[input.school.sector]}); het is bedoeld voor ${clause.sectors.map((x) => SECTOR_NAMES[x]).join(', ')}. Kies een andere variant of zet het artikel uit.`,
      });
    }
  }
  for (const p of problems) {
    // By rule id (checkProtocol gives every problem one); the schema's problems and older ones by their field.
    const id =
      p.rule === 'missing-value' || p.rule === 'wrong-value' || (!p.rule && /\.values\./.test(p.field ?? ''))
        ? 'empty-variable'
        : p.rule === 'two-variants'
          ? 'contradicting-variants'
          : p.rule === 'requires-missing' || p.rule === 'requires-after'
            ? p.rule
            : 'invalid';
    warnings.push({ id, message: `${p.field ? `${describeField(p.field, input)}: ` : ''}${p.message}` });
  }
  return warnings;
}

/** A field's name as a school leader reads it (`field.*` in nl.json). */
const FIELD_NAMES: Readonly<Record<string, string>> = labelTable('field', [
  'title',
  'text',
  'clause',
  'custom',
  'name',
  'role',
  'email',
  'url',
  'phone',
  'audiences',
  'summary',
  'date',
  'pupils',
  'version',
  'startsFrom',
  'sections',
]);

/**
 * Says where a problem is in words a school leader reads, instead of a field path:
 * `sections.0.articles.8.title` → `Sectie 1 (“Inleiding”), artikel 9 (“Ons artikel”): titel`.
 *
 * @param field the dotted field path of a problem.
 * @param input the composition the path points into.
 */
export function describeField(field: string | undefined, input: ProtocolInput): string {
  if (!field) return '';
  const parts = field.split('.');
  const out: string[] = [];
  if (parts[0] === 'school' && parts[1] === 'contacts') {
    out.push(`Contactpersoon ${Number(parts[2]) + 1}`);
    if (parts[3]) out.push(FIELD_NAMES[parts[3]] ?? parts[3]);
  } else if (parts[0] === 'school' && parts[1] === 'documents' && parts[2] !== undefined) {
    out.push(`Document ${Number(parts[2]) + 1}`);
    if (parts[3]) out.push(FIELD_NAMES[parts[3]] ?? parts[3]);
  } else if (parts[0] === 'school') {
    out.push(parts[1] === 'name' ? 'Naam van de school' : `School: ${FIELD_NAMES[parts[1] ?? ''] ?? parts[1]}`);
  } else if (parts[0] === 'sections' && parts[1] !== undefined) {
    const section = input.sections[Number(parts[1])];
    out.push(`Sectie ${Number(parts[1]) + 1}${section?.title ? ` (“${section.title}”)` : ''}`);
    if (parts[2] === 'articles' && parts[3] !== undefined) {
      const a = section?.articles[Number(parts[3])];
      const title = a && 'custom' in a ? a.title : undefined;
      out.push(`artikel ${Number(parts[3]) + 1}${title ? ` (“${title}”)` : ''}`);
      if (parts[4] === 'values' && parts[5]) out.push(`waarde \`${parts[5]}\``);
      else if (parts[4]) out.push(FIELD_NAMES[parts[4]] ?? parts[4]);
    } else if (parts[2]) out.push(FIELD_NAMES[parts[2]] ?? parts[2]);
  } else if (parts[0] === 'adoption' && parts[1] === 'consent' && parts[2] !== undefined) {
    out.push(`Instemming ${Number(parts[2]) + 1}`);
    if (parts[3]) out.push(parts[3] === 'body' ? 'raad' : (FIELD_NAMES[parts[3]] ?? parts[3]));
  } else if (parts[0] === 'adoption') {
    out.push(parts[1] === 'by' ? 'Vastgesteld door' : parts[1] === 'date' ? 'Datum van vaststelling' : 'Vaststelling');
  } else if (parts[0] === 'overrides') {
    out.push(`Eigen tekst voor \`${parts.slice(1).join('.')}\``);
  } else out.push(FIELD_NAMES[parts[0]!] ?? field);
  return out.join(', ');
}
