/**
 * Dates in Dutch, for every layer that writes one (the renderers, the version status, the pages): the lowest layer of
 * the core, importing nothing of it.
 */

/** The Dutch month names, January first, lower case as Dutch writes them. */
export const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** Writes an ISO date (`2020-11-27`, `2023-01` or `2023`) the Dutch way: `27 november 2020`, `januari 2023`. */
export function formatDateNl(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * The adoption sentence of a protocol: `Vastgesteld door het College van Bestuur op 27 november 2020, na
 * instemming van de GMR po op 24 november 2020.` Undefined for a draft.
 */
export function adoptionSentence(adoption?: {
  by: string;
  date: string;
  consent: { body: string; date: string; outcome?: 'ingestemd' | 'niet-ingestemd' }[];
}): string | undefined {
  if (!adoption) return undefined;
  const given = adoption.consent.filter((c) => c.outcome !== 'niet-ingestemd');
  const refused = adoption.consent.filter((c) => c.outcome === 'niet-ingestemd');
  const consent = given.length
    ? `, na instemming van ${given.map((c) => `de ${c.body} op ${formatDateNl(c.date)}`).join(' en ')}`
    : '';
  const refusal = refused.length
    ? ` De ${refused.map((c) => `${c.body} stemde op ${formatDateNl(c.date)} niet in`).join(' en de ')}.`
    : '';
  return `Vastgesteld door ${adoption.by} op ${formatDateNl(adoption.date)}${consent}.${refusal}`;
}
