import { CURRENT_DEFAULTS } from '../lint/current-law.ts';
import type { Library } from '../compose/document.ts';
import type { Clause } from '../schema/clause.ts';
import { SECTION_TITLES, SectionIdSchema, SectorSchema, type Sector } from '../schema/common.ts';
import { labelTable } from '../../i18n/t.ts';
import { PROTOCOL_FORMAT, type ProtocolInput, type SchoolInput } from '../schema/protocol.ts';
import { protocolTitle } from '../model/model-start.ts';

/** Dutch name of each sector, as a sentence uses it (`sector.name.*` in nl.json). */
export const SECTOR_NAMES: Record<Sector, string> = labelTable('sector.name', SectorSchema.options);

/** The word for pupils a sector usually uses (DOMAIN.md, "Words"). */
export const SECTOR_PUPILS: Record<Sector, string> = {
  po: 'leerlingen',
  vo: 'leerlingen',
  mbo: 'deelnemers',
  so: 'leerlingen',
};

/**
 * A sensible default composition for a sector: the library's sections in their usual order, every clause that
 * fits the sector and is not `historic`, and at each choice point the variant current law asks for (`CURRENT_DEFAULTS`
 * of the review, src/lib/lint/current-law.ts) or else the variant the most reference models chose (ties:
 * the variant chosen by the newest model in `modelOrder`). Required variables stay empty: the school fills them in.
 * Library defaults are neutral, so nothing of another organisation enters. A clause that leans on others (`requires`)
 * comes right after them, and is left out when one of them is not in the default (another variant, another sector).
 *
 * @param sector the school's sector.
 * @param library the clause library.
 * @param startsFrom the reference model the protocol is compared with.
 * @param modelOrder model ids from newest to oldest, to break ties.
 * @param school the school's block as far as known (the wizard's step 1); default an empty name.
 */
export function sectorDefault(
  sector: Sector,
  library: Library,
  startsFrom: string,
  modelOrder: readonly string[],
  school: Partial<SchoolInput> = {},
): ProtocolInput {
  // A clause the law rules out for this sector is not in its `sectors`; a `historic` clause is offered to nobody.
  const fits = [...library.clauses.values()].filter((c) => c.sectors.includes(sector) && !c.historic);
  const best = new Map<string, Clause>();
  const rank = (c: Clause) =>
    [c.sources.length, -Math.min(99, ...c.sources.map((s) => modelOrder.indexOf(s.model) + 1 || 99))] as const;
  for (const c of fits) {
    if (!c.choicePoint) continue;
    // Current law first (the review's `CURRENT_DEFAULTS`), then the variant most models chose.
    const preferred = CURRENT_DEFAULTS[c.choicePoint]?.find((id) => fits.some((f) => f.id === id));
    if (preferred) {
      if (c.id === preferred) best.set(c.choicePoint, c);
      continue;
    }
    const current = best.get(c.choicePoint);
    const [a1, a2] = rank(c);
    const [b1, b2] = current ? rank(current) : [-1, -1];
    if (!current || a1 > b1 || (a1 === b1 && a2 > b2)) best.set(c.choicePoint, c);
  }
  let chosen = fits.filter((c) => !c.choicePoint || best.get(c.choicePoint) === c);
  // Leave out, until nothing changes, every clause that leans on a clause that is not in.
  for (let changed = true; changed;) {
    const ids = new Set(chosen.map((c) => c.id));
    const kept = chosen.filter((c) => c.requires.every((r) => ids.has(r)));
    changed = kept.length !== chosen.length;
    chosen = kept;
  }
  const sections = SectionIdSchema.options
    .map((section) => ({
      section,
      ids: chosen.filter((c) => c.section === section && c.requires.length === 0).map((c) => c.id),
    }))
    .filter((s) => s.ids.length > 0 || chosen.some((c) => c.section === s.section));
  // Put each leaning clause right after the last clause it leans on (placed clauses first, repeatedly).
  const placed = () => new Set(sections.flatMap((s) => s.ids));
  for (let rest = chosen.filter((c) => c.requires.length > 0); rest.length;) {
    const now = placed();
    const ready = rest.filter((c) => c.requires.every((r) => now.has(r)));
    if (!ready.length) break; // a cycle: left out
    for (const c of ready) {
      const last = c.requires.at(-1)!;
      const target = sections.find((s) => s.ids.includes(last))!;
      target.ids.splice(target.ids.indexOf(last) + 1, 0, c.id);
    }
    rest = rest.filter((c) => !ready.includes(c));
  }
  return {
    format: PROTOCOL_FORMAT,
    title: protocolTitle(school.name),
    school: {
      ...school,
      name: school.name ?? '',
      sector,
      pupils: school.pupils || SECTOR_PUPILS[sector],
      contacts: school.contacts ?? [],
    },
    version: '1.0',
    startsFrom,
    sections: sections
      .filter((s) => s.ids.length > 0)
      .map((s) => ({
        title: SECTION_TITLES[s.section],
        numbered: s.section !== 'introduction',
        articles: s.ids.map((clause) => ({ clause })),
      })),
  };
}
