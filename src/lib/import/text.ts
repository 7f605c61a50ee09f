/**
 * Word-level helpers of the importer: folding white space, Dutch tokens (stop words removed, Snowball-stemmed)
 * and sentence splitting. Stemming: the Snowball Dutch stemmer (npm `snowball-stemmers`); stop words: the Dutch
 * list of npm `stopword` (`nld`). Plain TypeScript; runs in the browser and in Node.
 */
import * as snowball from 'snowball-stemmers';
import { nld } from 'stopword';

const stemmer = snowball.newStemmer('dutch');
const STOP = new Set(nld);
const stemCache = new Map<string, string>();

/** Folds every run of white space (line breaks, tabs, no-break spaces) to one space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * The words of a text, lower case, apostrophes and hyphens kept inside a word (`foto's`, `niet-openbare`).
 * Digits count as words. Placeholders such as `{{school.name}}` are dropped.
 */
export function words(text: string): string[] {
  return (
    text
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** The Snowball Dutch stem of one lower-case word (cached). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word.replace(/'s$/, '').replace(/-/g, ''));
    stemCache.set(word, s);
  }
  return s;
}

/** True for a Dutch stop word (npm `stopword`, list `nld`). */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/**
 * The content terms of a text for alignment: words without stop words and one-letter words, stemmed.
 * Negations (`niet`, `geen`) are kept: "toegestaan" and "niet toegestaan" are different rules.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (STOP.has(w) && w !== 'niet' && w !== 'geen') continue;
    out.push(stem(w));
  }
  return out;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:o\.a|d\.m\.v|d\.w\.z|m\.b\.t|i\.v\.m|t\.a\.v|bijv|bv|e\.d|enz|etc|c\.q|z\.s\.m|ca|nr|art|d\.d|evt|incl|excl|mr|dhr|mevr|jl|resp|vs)|\b[A-Z])\.$/i;

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` followed by a space (or none) and a capital letter,
 * not after a known abbreviation (`o.a.`, `bijv.`, `d.d.`) or an initial. `;` does not end a sentence.
 *
 * @param text one paragraph, white space folded.
 * @returns the sentences, trimmed, in order; the text itself when it has one.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?](?=["'’”)]?\s*[A-ZÀ-Ý“"'‘(])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + 1;
    const before = text.slice(start, end);
    if (ABBREVIATIONS.test(before)) continue;
    // a capital right after the stop without a space ("gebracht.Gebeurt") still ends a sentence.
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}
