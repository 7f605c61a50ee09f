/**
 * Flesch-Douma readability for Dutch text: Douma's (1960) adaptation of the Flesch Reading Ease formula,
 *
 *     score = 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
 *
 * Higher is easier: 90–100 zeer makkelijk, 80–90 makkelijk, 70–80 vrij makkelijk, 60–70 normaal,
 * 50–60 vrij moeilijk, 30–50 moeilijk, below 30 zeer moeilijk. Summaries for families should read at B1,
 * which corresponds roughly to 60 or more.
 *
 * The formula is written here because no maintained npm package scores Dutch (the `flesch`/`syllable` packages
 * of the unified collective count English syllables). Syllables come from a maintained package: `hypher` with the
 * Dutch TeX hyphenation patterns of `hyphenation.nl` splits a word at its hyphenation points (`so-ci-a-le`,
 * `rechts-po-si-ti-o-ne-le`), allowing a single letter at either end; a part that still holds two vowel groups
 * (hyphenation never splits `idee` or `over` after their first letter, where speech does) counts each group, a
 * diaeresis (ë, ï, ö, ü) starting a new one and `ij` counting as one vowel sound. Scores are a guide for editors,
 * not a verdict.
 */

import Hypher from 'hypher';
import { t, type MessageKey } from '../../i18n/t.ts';
import nl from 'hyphenation.nl';

/** The Dutch patterns, allowing a single letter before the first and after the last point (`so-ci-a-le`). */
const dutch = new Hypher({ ...nl, leftmin: 1, rightmin: 1 });

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

/** Vowel groups in a piece of a Dutch word: a diaeresis starts a new group, `ij` is one vowel sound. */
function vowelGroups(part: string): number {
  return part.replace(/ij/g, 'i').match(/[aeiouyáéíóúàèìòùâêîôû]+|[ëïöü]/g)?.length ?? 0;
}

/**
 * Syllables of one Dutch word (at least 1): the parts between its hyphenation points (`hypher` with
 * `hyphenation.nl`), each counting its vowel groups, at least one per part (see the module comment).
 */
export function syllables(word: string): number {
  const parts = dutch.hyphenate(word.toLowerCase());
  return Math.max(
    1,
    parts.reduce((n, part) => n + Math.max(1, vowelGroups(part)), 0),
  );
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

/** The lower bound of each score band, highest first (see the module comment). */
const BANDS: readonly [number, MessageKey][] = [
  [90, 'readability.band.veryEasy'],
  [80, 'readability.band.easy'],
  [70, 'readability.band.fairlyEasy'],
  [60, 'readability.band.normal'],
  [50, 'readability.band.fairlyHard'],
  [30, 'readability.band.hard'],
];

/** The Dutch label of a score band (see the module comment; the words are `readability.band.*` in nl.json). */
export function bandLabel(score: number): string {
  return t(BANDS.find(([min]) => score >= min)?.[1] ?? 'readability.band.veryHard');
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
export function spread(
  scores: readonly number[],
  threshold = 60,
): { min: number; median: number; max: number; atLeast: number; count: number } {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  return {
    min: sorted[0]!,
    median,
    max: sorted[sorted.length - 1]!,
    atLeast: sorted.filter((s) => s >= threshold).length,
    count: sorted.length,
  };
}
