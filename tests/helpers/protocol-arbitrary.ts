/**
 * fast-check arbitraries for the property tests: any text a person might type, and valid protocol files built
 * from the real library.
 */
import fc from 'fast-check';
import type { Library } from '../../src/lib/compose/document.ts';
import type { ClauseVariable } from '../../src/lib/schema/clause.ts';

/** Text as people type it: any Unicode, but never a direction-reversing control in a name (those are refused). */
export const text = (max = 30) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => !/[\u202a-\u202e\u2066-\u2069]/.test(s));
/** Text with something visible in it (a value of a text variable must not be blank). */
const solidText = (max = 30) => text(max).filter((s) => s.trim() !== '');
const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const word = fc.stringMatching(/^[a-z]{1,10}$/);
const email = fc.tuple(word, word).map(([a, b]) => `${a}@${b}.nl`);
const url = fc.tuple(word, word).map(([a, b]) => `https://www.${a}.nl/${b}`);

/** A value a clause variable accepts. */
function valueFor(v: ClauseVariable): fc.Arbitrary<unknown> {
  switch (v.type) {
    case 'number':
      return fc.integer({ min: v.min ?? 0, max: Math.min(v.max ?? 1000, 1000) });
    case 'choice':
      return fc.constantFrom(...v.options);
    case 'list':
      return fc.array(solidText(15), { minLength: 1, maxLength: 4 });
    case 'email':
      return email;
    default:
      return solidText(40);
  }
}

/**
 * A valid protocol file (as a plain object, ready for `yaml.stringify`), every optional field sometimes present:
 * library articles with valid values (one variant per choice point), own articles, sections, school, contacts,
 * documents, adoption with consents and their outcome, overrides and reasons.
 *
 * @param library the clause library the articles come from.
 * @param modelIds ids of the reference models (`startsFrom`).
 */
export function protocolArbitrary(library: Library, modelIds: readonly string[]) {
  const ids = [...library.clauses.keys()];
  const clauseSets = fc.shuffledSubarray(ids, { minLength: 1, maxLength: 10 }).map((picked) => {
    const seen = new Set<string>();
    return picked.filter((id) => {
      const cp = library.clauses.get(id)!.choicePoint;
      if (!cp) return true;
      if (seen.has(cp)) return false;
      seen.add(cp);
      return true;
    });
  });
  return clauseSets.chain((clauses) => {
    const libraryArticles = clauses.map((id) => {
      const variables = Object.entries(library.clauses.get(id)!.variables);
      const entries = variables.map(([name, v]) =>
        v.required
          ? valueFor(v).map((x) => [name, x] as const)
          : fc.option(
              valueFor(v).map((x) => [name, x] as const),
              { nil: undefined },
            ),
      );
      return fc.tuple(...entries, fc.boolean()).map((xs) => {
        const withValues = xs.slice(0, -1).filter((x): x is readonly [string, unknown] => x !== undefined);
        return withValues.length || xs.at(-1) ? { clause: id, values: Object.fromEntries(withValues) } : { clause: id };
      });
    });
    const customArticles = fc.array(
      fc.record(
        {
          title: text(),
          text: text(200),
          audiences: fc.subarray(['everyone', 'pupils', 'parents', 'staff', 'leadership'] as const, { minLength: 1 }),
          summary: text(60),
        },
        { requiredKeys: ['title', 'text'] },
      ),
      { maxLength: 3 },
    );
    return fc
      .record({
        articles: libraryArticles.length ? fc.tuple(...libraryArticles) : fc.constant([]),
        custom: customArticles,
        sectionCount: fc.integer({ min: 1, max: 3 }),
        sectionMeta: fc.array(
          fc.record({ title: text(), label: fc.option(text(3), { nil: undefined }), numbered: fc.boolean() }),
          { minLength: 3, maxLength: 3 },
        ),
        school: fc.record(
          {
            name: text(60),
            nameInText: text(),
            board: text(),
            boardInText: text(),
            account: text(20),
            pupil: text(15),
            sector: fc.constantFrom('po', 'vo', 'mbo', 'so'),
            place: text(),
            pupils: text(15),
            contacts: fc.array(
              fc.record(
                { role: text(), name: text(), email, phone: text(15), reporting: fc.boolean() },
                { requiredKeys: ['role'] },
              ),
              { maxLength: 3 },
            ),
            documents: fc.array(fc.record({ title: text(), url }, { requiredKeys: ['title'] }), { maxLength: 3 }),
          },
          { requiredKeys: ['name', 'sector'] },
        ),
        title: fc.option(text(), { nil: undefined }),
        version: text(10),
        adoption: fc.option(
          fc.record({
            by: text(),
            date,
            consent: fc.array(
              fc.record({
                body: text(15),
                date,
                outcome: fc.option(fc.constantFrom('ingestemd', 'niet-ingestemd'), { nil: undefined }),
              }),
              {
                maxLength: 2,
              },
            ),
          }),
          { nil: undefined },
        ),
        startsFrom: fc.constantFrom(...modelIds),
        overrideTexts: fc.array(fc.option(text(80), { nil: undefined }), { minLength: 10, maxLength: 10 }),
        accepted: fc.array(
          fc.record({
            rule: fc.stringMatching(/^[a-z]+(-[a-z]+)?$/),
            article: fc.constantFrom(null, ...clauses),
            reason: text(40),
          }),
          {
            maxLength: 2,
          },
        ),
        reasonTexts: fc.array(fc.option(text(80), { nil: undefined }), { minLength: 13, maxLength: 13 }),
      })
      .map((r) => {
        const all = [...r.articles, ...r.custom.map((c, i) => ({ custom: `eigen-${i + 1}`, ...c }))];
        const sections = Array.from({ length: r.sectionCount }, (_, si) => ({
          title: r.sectionMeta[si]!.title,
          ...(r.sectionMeta[si]!.label !== undefined ? { label: r.sectionMeta[si]!.label } : {}),
          numbered: r.sectionMeta[si]!.numbered,
          articles: all.filter((_, ai) => ai % r.sectionCount === si),
        })).filter((s) => s.articles.length);
        const overrides = Object.fromEntries(
          clauses.flatMap((id, i) => (r.overrideTexts[i] ? [[id, r.overrideTexts[i]!]] : [])),
        );
        const keys = [...clauses, ...r.custom.map((_, i) => `custom/eigen-${i + 1}`)];
        const reasons = Object.fromEntries(keys.flatMap((k, i) => (r.reasonTexts[i] ? [[k, r.reasonTexts[i]!]] : [])));
        return {
          format: 1,
          ...(r.title !== undefined ? { title: r.title } : {}),
          school: r.school,
          version: r.version,
          ...(r.adoption ? { adoption: r.adoption } : {}),
          startsFrom: r.startsFrom,
          sections,
          ...(Object.keys(overrides).length ? { overrides } : {}),
          ...(Object.keys(reasons).length ? { reasons } : {}),
          ...(r.accepted.length ? { accepted: r.accepted } : {}),
        };
      });
  });
}
