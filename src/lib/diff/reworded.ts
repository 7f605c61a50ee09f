import type { WordPart } from './diff-documents.ts';

/**
 * Below this share of common words two texts count as worded differently ({@link isReworded}): fewer than two in
 * five words of the longer text are kept. Chosen from the variants in the library: the pairs a word diff still helps
 * with (`sociale-media-in-les-toegestaan` → `…-niet-tenzij`, 0.43; the two opinion clauses, 0.47–0.68) stay above
 * it, the pairs that read as confetti (phones 0.27–0.31, image consent 0.17–0.33, reporting 0.19–0.30) fall below.
 */
export const REWORDED_BELOW = 0.4;

/** The words of a text: runs of letters and digits (punctuation and white space are not words). */
function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * The share of common words in a word diff: the words both texts keep, divided by the word count of the longer
 * text (old text = kept + deleted, new text = kept + inserted). 1 for two empty texts.
 *
 * @param words a word diff ({@link diffText}).
 * @returns a number from 0 (nothing in common) to 1 (the same words).
 */
export function sharedWordShare(words: readonly WordPart[]): number {
  let same = 0;
  let del = 0;
  let ins = 0;
  for (const w of words) {
    const n = wordCount(w.text);
    if (w.op === 'same') same += n;
    else if (w.op === 'del') del += n;
    else ins += n;
  }
  const longer = Math.max(same + del, same + ins);
  return longer === 0 ? 1 : same / longer;
}

/**
 * Whether two texts are worded so differently (few common words, {@link REWORDED_BELOW}) that a word diff would be
 * noise: then old and new text are shown whole, the old struck through and the new underlined.
 *
 * @param words a word diff of the two texts.
 */
export function isReworded(words: readonly WordPart[]): boolean {
  return sharedWordShare(words) < REWORDED_BELOW;
}
