import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { modelArticles } from '../../src/lib/model/model-articles.ts';
import type { NonNormativePart } from '../../src/lib/schema/reference-model.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels, type LoadedModel } from '../../src/node/load-content.ts';

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
  return [
    ...m.front,
    ...m.sections.flatMap((s) => s.parts.flatMap((p) => ('nonNormative' in p ? [p.nonNormative] : []))),
    ...m.back,
  ];
}

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

  test("keep Mill Hill's two ALL-CAPS pupil quotes as quotes, not as articles", () => {
    const quotes = nonNormativeOf('mill-hill-2023').filter((p) => p.kind === 'quote');
    expect(quotes.map((q) => q.text)).toEqual([
      "'LEERLINGEN MOGEN NIETS SLECHTS OVER DE SCHOOL ZEGGEN, DOEN ZE DAT WEL WORDEN ZE HOOGSTWAARSCHIJNLIJK GESCHORST.'",
      '1. IK VIND HET HEEL GOED ALS EEN SCHOOL MET COMPUTERS WERKT, MAAR ZORG ER DAN WEL VOOR DAT DE LERAREN ER ALLEMAAL GOED MEE KUNNEN OMGAAN. DAT GELDT OOK VOOR HET INTERNET.',
    ]);
    expect(allArticleTexts().filter((t) => /GESCHORST|IK VIND HET HEEL GOED/.test(t))).toEqual([]);
  });

  test("keep Lankforst's drafting note and appendix reference apart from the articles", () => {
    expect(models.get('lankforst-2024')!.back.map((p) => [p.kind, p.text])).toEqual([
      ['drafting-note', 'Mogelijk nodig voor toekomst :Protocol PC-gebruik?, Protocol Beeldmateriaal?'],
      ['appendix-reference', 'Gedragscode (zie bijlage)'],
    ]);
    expect(allArticleTexts().filter((t) => /Mogelijk nodig voor toekomst|zie bijlage/.test(t))).toEqual([]);
  });

  test('treat every pointer to another document the same way: a non-normative part, never an article', () => {
    const pointers = nonNormativeOf('lankforst-2024').filter(
      (p) => p.kind === 'document-reference' || p.kind === 'appendix-reference',
    );
    expect(pointers.map((p) => p.text)).toEqual([
      'Meer over cyberpesten is te vinden in het antipestprotocol van Nutsschool Lankforst.',
      'Gedragscode (zie bijlage)',
    ]);
    expect(allArticleTexts().filter((t) => /^Meer over cyberpesten/.test(t))).toEqual([]);
  });

  test('keep covers and tables of contents in front of the sections', () => {
    expect(models.get('mill-hill-2023')!.front.map((p) => p.kind)).toEqual(['cover', 'toc']);
    expect(models.get('hoeksche-2020')!.front.map((p) => p.kind)).toEqual(['cover', 'title', 'adoption', 'toc']);
    expect(allArticleTexts().filter((t) => /IBAN|Inhoudsopgave|info@millhillcollege\.nl/.test(t))).toEqual([]);
  });
});

describe('the clause library', () => {
  test('gives every choice point at least two variants, each named once', () => {
    for (const cp of library.choicePoints.keys()) {
      const variants = [...library.clauses.values()].filter((c) => c.choicePoint === cp).map((c) => c.variant);
      expect(variants.length, cp).toBeGreaterThanOrEqual(2);
      expect(new Set(variants).size, cp).toBe(variants.length);
    }
  });
});
