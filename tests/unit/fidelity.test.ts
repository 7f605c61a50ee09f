import { beforeAll, describe, expect, test } from 'vitest';
import { checkFidelity } from '../../src/lib/model/fidelity.ts';
import type { ModelArticle } from '../../src/lib/schema/reference-model.ts';
import { loadReferenceModels, type LoadedModel } from '../../src/node/load-content.ts';

let models: Map<string, LoadedModel>;
beforeAll(() => {
  models = loadReferenceModels();
});

/** A deep copy of a model, so that a test can damage it without touching the others. */
function copyOf(id: string): LoadedModel {
  return structuredClone(models.get(id)!);
}

/** The article with `ref` in a model (copy), to change in place. */
function articleOf(model: LoadedModel, ref: string): ModelArticle {
  for (const s of model.sections)
    for (const p of s.parts) if ('article' in p && p.article.ref === ref) return p.article;
  throw new Error(`${model.id} has no article ${ref}`);
}

/** Every correction recorded anywhere in a model: front, sections, articles, non-normative parts, back. */
function correctionsOf(model: LoadedModel): { original: string; corrected: string }[] {
  const parts = [...model.front, ...model.back];
  const all = [...parts.flatMap((p) => p.corrections)];
  for (const s of model.sections) {
    all.push(...s.corrections);
    for (const p of s.parts) all.push(...('article' in p ? p.article.corrections : p.nonNormative.corrections));
  }
  return all.map(({ original, corrected }) => ({ original, corrected }));
}

describe('checkFidelity', () => {
  test('finds the five reference models', () => {
    expect([...models.keys()]).toEqual([
      'hoeksche-2020',
      'lankforst-2024',
      'mill-hill-2023',
      'roc-top-2018',
      'scope-2012',
    ]);
  });

  test.each(['hoeksche-2020', 'lankforst-2024', 'mill-hill-2023', 'roc-top-2018', 'scope-2012'])(
    'finds every word of %s in its source.txt, in order, and nothing else',
    (id) => {
      const model = models.get(id)!;
      expect(checkFidelity(model, model.sourceText).problems).toEqual([]);
    },
  );

  test('reports a word dropped from an article, with the source and model words around it', () => {
    const model = copyOf('scope-2012');
    const article = articleOf(model, 'I1');
    article.text = article.text.replace('een onlosmakelijk onderdeel', 'een onderdeel');
    expect(checkFidelity(model, model.sourceText).problems).toEqual([
      'verschil bij woord 21 van de bron:\n' +
        '  bron:  …zoals Hyves, Twitter, Facebook, YouTube en LinkedIn een onlosmakelijk onderdeel zijn van de huidige samenleving en de leefomgeving\n' +
        '  model: …zoals Hyves, Twitter, Facebook, YouTube en LinkedIn een onderdeel zijn van de huidige samenleving en de leefomgeving van',
    ]);
  });

  test('reports a word the model invented that the source does not have', () => {
    const model = copyOf('scope-2012');
    const article = articleOf(model, 'S2');
    article.text = article.text.replace('in gesprek', 'altijd in gesprek');
    const { problems } = checkFidelity(model, model.sourceText);
    expect(problems).toEqual([
      'verschil bij woord 912 van de bron:\n' +
        '  bron:  …de school gedragen; 2. SCOPE gaat met betrokkenen in gesprek als hiervoor aanleiding is; 3. Bij handelen in\n' +
        '  model: …de school gedragen; 2. SCOPE gaat met betrokkenen altijd in gesprek als hiervoor aanleiding is; 3. Bij handelen',
    ]);
  });

  test('reports a silent repair (a corrected word without a recorded correction)', () => {
    const model = copyOf('lankforst-2024');
    const article = articleOf(model, 'A1');
    article.corrections = [];
    const [problem] = checkFidelity(model, model.sourceText).problems;
    expect(problem).toMatch(
      /^verschil bij woord \d+ van de bron:\n {2}bron: {2}….* Al-beelden .*\n {2}model: ….* AI-beelden /,
    );
  });

  test('reports a correction whose corrected text is not in the article', () => {
    const model = copyOf('lankforst-2024');
    const article = articleOf(model, 'A1');
    article.text = article.text.replace('AI-beelden', 'AI-plaatjes');
    expect(checkFidelity(model, model.sourceText).problems).toEqual([
      'artikel A1: de verbeterde tekst "AI-beelden" staat niet in de tekst; pas de correctie aan.',
    ]);
  });

  test('counts the words of the source as received', () => {
    const model = models.get('scope-2012')!;
    expect(checkFidelity(model, model.sourceText).sourceWords).toBe(939);
  });
});

describe('corrections recorded in the reference models (DOMAIN.md)', () => {
  test.each([
    ['lankforst-2024', 'Al-beelden', 'AI-beelden'],
    ['lankforst-2024', 'codrdinator', 'coördinator'],
    ['lankforst-2024', 'officiéle', 'officiële'],
    ['lankforst-2024', 'o Beeld-', '- Beeld-'],
    ['lankforst-2024', '¢ hacken', '- hacken'],
    ['lankforst-2024', 'e verzonnen', '- verzonnen'],
  ])('%s records "%s" → "%s"', (id, original, corrected) => {
    expect(correctionsOf(models.get(id)!)).toContainEqual({ original, corrected });
  });

  // The review of November 2026: a slip of the authors is kept in the model's text with a note, never corrected.
  test.each([
    ['mill-hill-2023', 'R4', 'Verzonden berichten'],
    ['lankforst-2024', 'PR1', 'social meida'],
    ['lankforst-2024', 'G2', 'Afthankelijk'],
  ])('%s %s keeps the authors\' "%s" with a note, not as a correction', (id, ref, slip) => {
    const article = articleOf(copyOf(id), ref);
    expect(article.text).toContain(slip);
    expect(article.corrections).toEqual([]);
    expect(article.note).toContain(slip);
  });

  test('SCOPE, Mill Hill and Hoeksche need no corrections', () => {
    expect(correctionsOf(models.get('scope-2012')!)).toEqual([]);
    expect(correctionsOf(models.get('mill-hill-2023')!)).toEqual([]);
    expect(correctionsOf(models.get('hoeksche-2020')!)).toEqual([]);
  });
});
