import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { checkLibraryAndModels } from '../../src/lib/model/check-library.ts';
import type { Clause } from '../../src/lib/schema/clause.ts';
import { fixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';

let fx: FixtureContent;
beforeAll(() => {
  fx = fixtureContent('small-library');
});

const MODEL = 'tests/fixtures/content/small-library/reference-models/voorbeeld-2020/model.yaml';
const CLAUSES = 'tests/fixtures/content/small-library/clauses';

/** The small library with one clause changed (or removed, with `undefined`). */
function withClause(id: string, change: (c: Clause) => Clause | undefined): Library {
  const clauses = new Map(fx.library.clauses);
  const changed = change(clauses.get(id)!);
  if (changed) clauses.set(id, changed);
  else clauses.delete(id);
  return { ...fx.library, clauses };
}

describe('checkLibraryAndModels', () => {
  test('finds no problem in a sound library: template, edited, own and basis-only clauses', () => {
    expect(checkLibraryAndModels(fx.library, fx.models)).toEqual([]);
  });

  test('names the model.yaml line of an article whose clause is missing from the library', () => {
    expect(
      checkLibraryAndModels(
        withClause('measures/gesprek', () => undefined),
        fx.models,
      ),
    ).toEqual([
      {
        file: MODEL,
        line: 55,
        field: 'M2.clause',
        rule: 'unknown-clause',
        message:
          'artikel M2 is gekoppeld aan `measures/gesprek`, maar die bepaling bestaat niet. Maak content/clauses/measures/gesprek.md of koppel een bestaande bepaling.',
      },
    ]);
  });

  test('names both files when a clause claims an article that the model gives to another clause', () => {
    const library = withClause('reporting/bij-twijfel', (c) => ({
      ...c,
      sources: [...c.sources, { model: 'voorbeeld-2020', article: 'A3', values: {}, wording: 'own' }],
    }));
    expect(checkLibraryAndModels(library, fx.models)).toEqual([
      {
        file: `${CLAUSES}/reporting/bij-twijfel.md`,
        field: 'sources.1',
        rule: 'source-not-mapped',
        message: `noemt voorbeeld-2020 A3 als bron, maar dat artikel hoort in ${MODEL}:35 bij \`reporting/melden\`. Een artikel hoort bij één bepaling: haal de bron hier weg, of koppel het artikel in het model aan \`reporting/bij-twijfel\`.`,
        related: [{ file: MODEL, line: 35, field: 'A3.clause' }],
      },
    ]);
  });

  test('names both files when the model gives an article to a clause that does not name it', () => {
    const library = withClause('reporting/melden', (c) => ({
      ...c,
      sources: [],
      basis: [{ title: 't', publisher: 'p', url: 'https://x.nl', date: '2024-01-01', supports: 's' }],
    }));
    expect(checkLibraryAndModels(library, fx.models)).toEqual([
      {
        file: `${CLAUSES}/reporting/melden.md`,
        line: 6,
        field: 'sources',
        rule: 'mapped-not-sourced',
        message: `voorbeeld-2020 A3 is aan deze bepaling gekoppeld (${MODEL}:35), maar \`sources\` noemt dat artikel niet. Voeg \`- { model: voorbeeld-2020, article: A3 }\` toe (met \`wording\`), of koppel het artikel aan een andere bepaling.`,
        related: [{ file: MODEL, line: 35, field: 'A3.clause' }],
      },
    ]);
  });

  test("names the clause's source line and the model's article line when a template no longer reads as the article", () => {
    const library = withClause('all-users/respect', (c) => ({
      ...c,
      body: c.body.replace('respectvol', 'vriendelijk'),
    }));
    const [problem, ...rest] = checkLibraryAndModels(library, fx.models);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: `${CLAUSES}/all-users/respect.md`,
      line: 7,
      field: 'sources.0',
      rule: 'template-mismatch',
      related: [{ file: MODEL, line: 25, field: 'A1' }],
    });
    expect(problem!.message).toContain('[-respectvol-]{+vriendelijk+}');
    expect(problem!.message).toContain('`wording: edited` met `edits`');
  });

  test('refuses `requires` naming a clause the library does not have, at its line', () => {
    const library = withClause('reporting/bij-twijfel', (c) => ({ ...c, requires: ['reporting/meldenn'] }));
    expect(checkLibraryAndModels(library, fx.models)).toMatchObject([
      { file: `${CLAUSES}/reporting/bij-twijfel.md`, line: 6, field: 'requires.0', rule: 'unknown-required-clause' },
    ]);
  });
});
