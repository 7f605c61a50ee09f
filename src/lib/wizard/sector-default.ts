import type { Library } from '../compose/document.ts';
import type { Clause } from '../schema/clause.ts';
import { SECTION_TITLES, SectionIdSchema, SectorSchema, type Sector } from '../schema/common.ts';
import { labelTable } from '../../i18n/t.ts';
import { PROTOCOL_FORMAT, type ProtocolInput } from '../schema/protocol.ts';

/** Dutch name of each sector, as a sentence uses it (`sector.name.*` in nl.json). */
export const SECTOR_NAMES: Record<Sector, string> = labelTable('sector.name', SectorSchema.options);

/** The word for pupils a sector usually uses (DOMAIN.md, "Words"). */
export const SECTOR_PUPILS: Record<Sector, string> = { po: 'leerlingen', vo: 'leerlingen', mbo: 'deelnemers', so: 'leerlingen' };

/**
 * A sensible default composition for a sector: the library's sections in their usual order, every clause that
 * fits the sector, and at each choice point the variant the most reference models chose (ties: the variant
 * chosen by the newest model in `modelOrder`). Required variables take their example value.
 *
 * @param sector the school's sector.
 * @param library the clause library.
 * @param startsFrom the reference model the protocol is compared with.
 * @param modelOrder model ids from newest to oldest, to break ties.
 */
export function sectorDefault(sector: Sector, library: Library, startsFrom: string, modelOrder: readonly string[]): ProtocolInput {
  const fits = [...library.clauses.values()].filter((c) => c.sectors.includes(sector));
  const best = new Map<string, Clause>();
  const rank = (c: Clause) => [c.sources.length, -Math.min(...c.sources.map((s) => (modelOrder.indexOf(s.model) + 1 || 99)))] as const;
  for (const c of fits) {
    if (!c.choicePoint) continue;
    const current = best.get(c.choicePoint);
    const [a1, a2] = rank(c);
    const [b1, b2] = current ? rank(current) : [-1, -1];
    if (!current || a1 > b1 || (a1 === b1 && a2 > b2)) best.set(c.choicePoint, c);
  }
  const sections = SectionIdSchema.options
    .map((section) => ({
      title: SECTION_TITLES[section],
      numbered: section !== 'introduction',
      articles: fits
        .filter((c) => c.section === section && (!c.choicePoint || best.get(c.choicePoint) === c))
        .map((c) => {
          const values = Object.fromEntries(Object.entries(c.variables).filter(([, v]) => v.required).map(([n, v]) => [n, v.default]));
          return Object.keys(values).length ? { clause: c.id, values } : { clause: c.id };
        }),
    }))
    .filter((s) => s.articles.length > 0);
  return {
    format: PROTOCOL_FORMAT,
    title: 'Protocol sociale media',
    school: { name: 'Onze school', sector, pupils: SECTOR_PUPILS[sector], contacts: [] },
    version: '1.0',
    startsFrom,
    sections,
  };
}
