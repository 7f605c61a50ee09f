import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { modelArticles } from '../../src/lib/model/model-articles.ts';
import type { NonNormativePart } from '../../src/lib/schema/reference-model.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels, type LoadedModel } from '../../src/node/load-content.ts';
import { checkLibraryAndModels } from '../../src/lib/model/check-library.ts';

let library: Library;
let models: Map<string, LoadedModel>;
beforeAll(() => {
  library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  models = loadReferenceModels();
});

/** Every article text of every model, to check that a non-normative text never became a rule. */
function allArticleTexts(): string[] {
  return [...models.values()].flatMap((m) => [...modelArticles(m).values()].map((a) => a.text));
}

/** The non-normative parts of a model: front, between articles, back. */
function nonNormativeOf(id: string): NonNormativePart[] {
  const m = models.get(id)!;
  return [...m.front, ...m.sections.flatMap((s) => s.parts.flatMap((p) => ('nonNormative' in p ? [p.nonNormative] : []))), ...m.back];
}

describe('checkLibraryAndModels', () => {
  test('finds no problem in the real library and models', () => {
    expect(checkLibraryAndModels(library, models)).toEqual([]);
  });

  test('names the model file, line and article when a mapped clause is missing from the library', () => {
    const clauses = new Map(library.clauses);
    clauses.delete('measures/gesprek');
    const problems = checkLibraryAndModels({ ...library, clauses }, models);
    expect(problems).toEqual([
      {
        rule: 'mapped-to-unknown-clause',
        file: 'content/reference-models/lankforst-2024/model.yaml',
        line: 364,
        field: 'G2',
        message: 'gekoppeld aan `measures/gesprek`, maar die bepaling bestaat niet.',
      },
      {
        rule: 'mapped-to-unknown-clause',
        file: 'content/reference-models/scope-2012/model.yaml',
        line: 207,
        field: 'S2',
        message: 'gekoppeld aan `measures/gesprek`, maar die bepaling bestaat niet.',
      },
    ]);
  });

  test('says when a clause names a source that no model maps to it', () => {
    const clause = library.clauses.get('measures/gesprek')!;
    const clauses = new Map(library.clauses);
    clauses.set('measures/gesprek', { ...clause, sources: [...clause.sources, { model: 'hoeksche-2020', article: 'S1', values: {}, wording: 'own' }] });
    expect(checkLibraryAndModels({ ...library, clauses }, models)).toEqual([
      {
        rule: 'sources-mismatch',
        file: 'content/clauses/measures/gesprek.md',
        field: 'sources',
        message:
          'noemt hoeksche-2020:S1, lankforst-2024:G2, scope-2012:S2, maar de modellen koppelen lankforst-2024:G2, scope-2012:S2 aan deze bepaling. Maak ze gelijk.',
        related: [{ file: 'content/reference-models/hoeksche-2020/model.yaml', line: 298, field: 'S1' }],
      },
    ]);
  });
});

describe('the reference models', () => {
  test('map every article to exactly one clause that exists in the library', () => {
    for (const m of models.values()) {
      for (const a of modelArticles(m).values()) {
        expect(a.clause, `${m.id} ${a.ref}`).toBeDefined();
        expect(library.clauses.has(a.clause!), `${m.id} ${a.ref} → ${a.clause}`).toBe(true);
      }
    }
  });

  test('never map two articles of one model to the same clause', () => {
    for (const m of models.values()) {
      const clauses = [...modelArticles(m).values()].map((a) => a.clause);
      expect(new Set(clauses).size, m.id).toBe(clauses.length);
    }
  });

  test('keep Mill Hill\'s two ALL-CAPS pupil quotes as quotes, not as articles', () => {
    const quotes = nonNormativeOf('mill-hill-2023').filter((p) => p.kind === 'quote');
    expect(quotes.map((q) => q.text)).toEqual([
      "'LEERLINGEN MOGEN NIETS SLECHTS OVER DE SCHOOL ZEGGEN, DOEN ZE DAT WEL WORDEN ZE HOOGSTWAARSCHIJNLIJK GESCHORST.'",
      '1. IK VIND HET HEEL GOED ALS EEN SCHOOL MET COMPUTERS WERKT, MAAR ZORG ER DAN WEL VOOR DAT DE LERAREN ER ALLEMAAL GOED MEE KUNNEN OMGAAN. DAT GELDT OOK VOOR HET INTERNET.',
    ]);
    expect(allArticleTexts().filter((t) => /GESCHORST|IK VIND HET HEEL GOED/.test(t))).toEqual([]);
  });

  test('keep Lankforst\'s drafting note and appendix reference apart from the articles', () => {
    expect(models.get('lankforst-2024')!.back.map((p) => [p.kind, p.text])).toEqual([
      ['drafting-note', 'Mogelijk nodig voor toekomst :Protocol PC-gebruik?, Protocol Beeldmateriaal?'],
      ['appendix-reference', 'Gedragscode (zie bijlage)'],
    ]);
    expect(allArticleTexts().filter((t) => /Mogelijk nodig voor toekomst|zie bijlage/.test(t))).toEqual([]);
  });

  test('keep covers and tables of contents in front of the sections', () => {
    expect(models.get('mill-hill-2023')!.front.map((p) => p.kind)).toEqual(['cover', 'toc']);
    expect(models.get('hoeksche-2020')!.front.map((p) => p.kind)).toEqual(['cover', 'title', 'adoption', 'toc']);
    expect(allArticleTexts().filter((t) => /IBAN|Inhoudsopgave|info@millhillcollege\.nl/.test(t))).toEqual([]);
  });
});

describe('the clause library', () => {
  test('gives every clause at least one source', () => {
    const without = [...library.clauses.values()].filter((c) => c.sources.length === 0).map((c) => c.id);
    expect(without).toEqual([]);
  });

  test('gives every choice point at least two variants, each named once', () => {
    for (const cp of library.choicePoints.keys()) {
      const variants = [...library.clauses.values()].filter((c) => c.choicePoint === cp).map((c) => c.variant);
      expect(variants.length, cp).toBeGreaterThanOrEqual(2);
      expect(new Set(variants).size, cp).toBe(variants.length);
    }
  });

  test('lists twelve choice points, in the order of content/choice-points.yaml', () => {
    expect([...library.choicePoints.keys()]).toEqual([
      'social-media-in-lessons',
      'phones-at-school',
      'staff-pupil-friends',
      'image-consent',
      'rules-scope',
      'staff-opinions',
      'staff-dissent',
      'class-group-apps',
      'school-reaction',
      'reporting-route',
      'pupil-measures',
      'staff-measures',
    ]);
  });
});
