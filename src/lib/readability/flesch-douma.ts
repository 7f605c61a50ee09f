/**
 * Flesch-Douma readability for Dutch text: Douma's (1960) adaptation of the Flesch Reading Ease formula,
 *
 *     score = 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
 *
 * Higher is easier: 90–100 zeer makkelijk, 80–90 makkelijk, 70–80 vrij makkelijk, 60–70 normaal,
 * 50–60 vrij moeilijk, 30–50 moeilijk, below 30 zeer moeilijk. Summaries for families should read at B1,
 * which corresponds roughly to 60 or more.
 *
 * Written here because no maintained npm package scores Dutch (the `flesch`/`syllable` packages of the unified
 * collective count English syllables). Syllables are counted as groups of vowels (a e i o u y, with accents),
 * where a diaeresis (ë, ï, ö, ü) starts a new group (`ideeën` = i-dee-ën) and `ij` counts as one vowel sound.
 * This is the usual approximation; it undercounts words such as `sociale` (so-ci-a-le: 3 instead of 4), so
 * scores are a guide for editors, not a verdict.
 */

/** Splits text into words: runs of letters, digits and in-word apostrophes or hyphens. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Counts sentences: runs ending in `.`, `!`, `?`, `;` or `:` followed by a space or the end; at least 1 for non-empty text. */
export function sentenceCount(text: string): number {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  const ends = trimmed.match(/[.!?;:]+(?=\s|$)/g)?.length ?? 0;
  return Math.max(1, /[.!?;:]$/.test(trimmed) ? ends : ends + 1);
}

/** Approximate syllables of one Dutch word (at least 1): vowel groups, a diaeresis starting a new one. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/ij/g, 'i');
  const groups = w.match(/[aeiouyáéíóúàèìòùâêîôû][aeiouyáéíóúàèìòùâêîôû]*|[ëïöü]/g) ?? [];
  return Math.max(1, groups.length);
}

/** A Flesch-Douma score with the counts it came from. */
export interface Readability {
  /** The score, rounded to a whole number; may fall below 0 or above 100 for extreme text. */
  score: number;
  /** Dutch label for the score band, e.g. `vrij makkelijk`. */
  label: string;
  words: number;
  sentences: number;
  syllables: number;
}

/** The Dutch label of a score band (see the module comment). */
export function bandLabel(score: number): string {
  if (score >= 90) return 'zeer makkelijk';
  if (score >= 80) return 'makkelijk';
  if (score >= 70) return 'vrij makkelijk';
  if (score >= 60) return 'normaal';
  if (score >= 50) return 'vrij moeilijk';
  if (score >= 30) return 'moeilijk';
  return 'zeer moeilijk';
}

/**
 * Scores a Dutch text with Flesch-Douma.
 * @param text plain text (list markers such as `- ` are ignored as they contain no letters).
 * @returns the score and counts; `undefined` for text without words.
 */
export function fleschDouma(text: string): Readability | undefined {
  const ws = words(text);
  if (!ws.length) return undefined;
  const sentences = sentenceCount(text);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  const score = Math.round(206.835 - 0.93 * (ws.length / sentences) - 77 * (syl / ws.length));
  return { score, label: bandLabel(score), words: ws.length, sentences, syllables: syl };
}

/** Lowest, median and highest of a list of scores, and how many are at or above `threshold` (default 60). */
export function spread(scores: readonly number[], threshold = 60): { min: number; median: number; max: number; atLeast: number; count: number } {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, atLeast: sorted.filter((s) => s >= threshold).length, count: sorted.length };
}
