import { describe, expect, test } from 'vitest';
import { fleschDouma, sentenceCount, spread, syllables, words } from '../../src/lib/readability/flesch-douma.ts';

describe('syllables', () => {
  test.each([
    ['school', 1],
    ['leerlingen', 3],
    ['ideeën', 3],
    ['geïnformeerd', 4],
    ['vrijwilligers', 4],
    ['toestemming', 3],
    ['je', 1],
    // Where counting vowel groups alone went wrong: the hyphenation patterns split these.
    ['sociale', 4],
    ['rechtspositionele', 7],
    ['beeldmateriaal', 5],
    ['coördinator', 5],
    // Where hyphenation alone would go wrong: no point after a first single vowel, but two vowel sounds.
    ['idee', 2],
    ['over', 2],
  ])('counts %s as %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('words and sentences', () => {
  test('keeps hyphenated and apostrophed words whole', () => {
    expect(words("Foto's van AI-beelden, 16 jaar.")).toEqual(["Foto's", 'van', 'AI-beelden', '16', 'jaar']);
  });
  test('counts sentences by their end marks, and a last one without', () => {
    expect(sentenceCount('Dit is één. Dit twee! En dit')).toBe(3);
    expect(sentenceCount('')).toBe(0);
  });
});

describe('fleschDouma', () => {
  test('scores a short plain sentence as easy', () => {
    // 6 words, 1 sentence, 8 syllables (te-le-foon): 206.835 − 0.93 × 6 − 77 × 8/6 = 98.6
    expect(fleschDouma('Je telefoon blijft in je tas.')).toEqual({
      score: 99,
      label: 'zeer makkelijk',
      words: 6,
      sentences: 1,
      syllables: 8,
    });
  });
  test('scores long words in a long sentence as hard', () => {
    const r = fleschDouma(
      'Rechtspositionele maatregelen conform de collectieve arbeidsovereenkomst worden door het bevoegd gezag overwogen.',
    )!;
    // 36 syllables (rechts-po-si-ti-o-ne-le 7, col-lec-tie-ve 4, ar-beids-o-ver-een-komst 6):
    // 206.835 − 0.93 × 12 − 77 × 36/12 = −35.2
    expect([r.words, r.sentences, r.syllables, r.score, r.label]).toEqual([12, 1, 36, -35, 'zeer moeilijk']);
  });
  test('gives no score for text without words', () => {
    expect(fleschDouma(' - ')).toBeUndefined();
  });
});

describe('spread', () => {
  test('gives lowest, median, highest and how many reach 60', () => {
    expect(spread([70, 40, 65, 90])).toEqual({ min: 40, median: 68, max: 90, atLeast: 3, count: 4 });
  });
});

describe('libraryReadability', () => {
  // A property of the live library, not pinned numbers: adding or rewording a clause must not break it.
  test('scores every summary and article of the library, with a spread that holds together', async () => {
    const { libraryReadability } = await import('../../src/lib/readability/library-readability.ts');
    const { loadSite } = await import('../../src/node/site-data.ts');
    const library = loadSite().library;
    const r = libraryReadability(library);
    for (const s of [r.summaries, r.articles]) {
      expect(s.count).toBe(library.clauses.size);
      expect(s.min).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.max);
      expect(s.atLeast).toBeLessThanOrEqual(s.count);
    }
    expect([...r.byClause.keys()].sort()).toEqual([...library.clauses.keys()].sort());
  });
});
