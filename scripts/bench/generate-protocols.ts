/** Part (b) of `npm run bench`: generated protocols, variations of the included ones, for a build at scale. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import type { Library } from '../../src/lib/compose/document.ts';
import type { ProtocolInput } from '../../src/lib/schema/protocol.ts';

/** A small deterministic random generator (mulberry32), so every run generates the same protocols. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHOOL_KINDS: Record<string, string[]> = {
  po: ['Basisschool', 'Kindcentrum', 'Openbare basisschool', 'Christelijke basisschool'],
  so: ['School voor speciaal onderwijs'],
  vo: ['Lyceum', 'College', 'Scholengemeenschap'],
  mbo: ['ROC', 'Vakcollege'],
};
const NAMES = [
  'De Eik',
  'De Wilg',
  'De Esdoorn',
  'Het Kompas',
  'De Regenboog',
  'De Vlinder',
  'Het Baken',
  'De Horizon',
  'De Klimop',
  'Het Anker',
  'De Zonnewijzer',
  'De Meander',
];
const PLACES = [
  'Utrecht',
  'Zwolle',
  'Tilburg',
  'Leeuwarden',
  'Delft',
  'Arnhem',
  'Middelburg',
  'Assen',
  'Venlo',
  'Haarlem',
];

/** Names of the boards the generated schools are spread over (about 20, as a region's boards). */
const BOARDS = [
  'Stichting Primair Onderwijs Utrecht',
  'Stichting Openbaar Onderwijs Zwolle',
  'Stichting Katholiek Onderwijs Tilburg',
  'Stichting Christelijk Onderwijs Friesland',
  'Stichting Scholengroep Delft',
  'Stichting Kindcentra Arnhem',
  'Stichting Onderwijs Zeeland',
  'Stichting Openbaar Primair Onderwijs Drenthe',
  'Stichting Scholen Noord-Limburg',
  'Stichting Voortgezet Onderwijs Kennemerland',
  'Vereniging Christelijke Scholen Midden-Nederland',
  'Stichting Speciaal Onderwijs Gelderland',
  'Stichting Interconfessioneel Onderwijs Brabant',
  'Stichting Basisscholen Achterhoek',
  'Stichting Onderwijsgroep Twente',
  'Stichting Lyceum en College Holland',
  'Stichting Montessori- en Daltonscholen',
  'Stichting Openbaar Onderwijs Rivierenland',
  'Stichting Beroepsonderwijs Oost',
  'Stichting Eenpitters',
];

/** The file name of the `n`th generated protocol (from 1): `gen-001.yaml`. */
export const generatedFile = (n: number) => `gen-${String(n).padStart(3, '0')}.yaml`;

/**
 * Writes `count` valid protocols into `<content>/protocols/` (after emptying it), each a variation of one of
 * the included protocols: another school name and place, another variant at some choice points (variants
 * without required values, so the defaults apply), sometimes a section in another order. Each file is
 * checked with {@link parseProtocol}; one that does not pass is written without the changed choices. Each school gets
 * a board (`school.board`, plain text), spread over `boards` boards (default 20; at most 20) in turn.
 *
 * @returns how many files chose another variant at one choice point or more.
 */
export function generateProtocols(
  content: string,
  count: number,
  library: Library,
  modelIds: string[],
  boards = 20,
): number {
  const dir = path.join(content, 'protocols');
  const bases = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ProtocolInput);
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true }); // version folders too
  // The handleiding embeds articles of De Linde, which the generated site does not have; it is not what is measured.
  fs.rmSync(path.join(content, 'docs'), { recursive: true, force: true });
  const variantsOf = new Map<string, string[]>();
  for (const c of library.clauses.values()) {
    const required = Object.values(c.variables).some((v) => v.required);
    if (c.choicePoint && !required) variantsOf.set(c.choicePoint, [...(variantsOf.get(c.choicePoint) ?? []), c.id]);
  }
  const rnd = random(20_251_121);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  let withOtherChoices = 0;
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const p = structuredClone(base);
    const sector = p.school.sector;
    p.school.name = `${pick(SCHOOL_KINDS[sector] ?? ['School'])} ${pick(NAMES)} ${i + 1}`;
    p.school.place = pick(PLACES);
    p.school.board = BOARDS[i % Math.max(1, Math.min(boards, BOARDS.length))]!;
    delete p.school.boardInText; // the base school's wording of its own board
    delete p.reasons; // reasons explain changes against an earlier version, which a generated school does not have

    p.version = `${1 + (i % 3)}.${i % 10}`;
    const plain = stringify(p);
    // Other choices: swap some variants for another variant of the same choice point.
    const used = new Set(p.sections.flatMap((s) => s.articles.flatMap((a) => ('clause' in a ? [a.clause] : []))));
    let swapped = false;
    for (const section of p.sections) {
      section.articles = section.articles.map((a) => {
        if (!('clause' in a)) return a;
        const cp = library.clauses.get(a.clause)?.choicePoint;
        const others = cp ? (variantsOf.get(cp) ?? []).filter((id) => !used.has(id)) : [];
        if (!others.length || rnd() < 0.5) return a;
        const other = pick(others);
        used.delete(a.clause);
        used.add(other);
        if (p.overrides) delete p.overrides[a.clause];
        swapped = true;
        return { clause: other };
      });
    }
    // Another order: reverse the articles of one section now and then.
    if (rnd() < 0.3) {
      const section = pick(p.sections);
      section.articles = [...section.articles].reverse();
    }
    const file = path.join(dir, generatedFile(i + 1));
    let text = stringify(p);
    try {
      parseProtocol(text, file, library, modelIds);
      if (swapped) withOtherChoices++;
    } catch {
      text = plain;
      parseProtocol(text, file, library, modelIds); // a plain rename must pass; if not, the bench stops here
    }
    fs.writeFileSync(file, text);
  }
  return withOtherChoices;
}
