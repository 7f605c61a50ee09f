// Type declarations for two maintained packages that ship none (used only by src/lib/import).

declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language (`dutch`, `english`, …). */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** Creates the stemmer for `language`; throws for an unknown language. */
  export function newStemmer(language: string): Stemmer;
}

declare module 'stopword' {
  /** Dutch stop words (lower case). */
  export const nld: string[];
  /** English stop words. */
  export const eng: string[];
  /** German stop words. */
  export const deu: string[];
  /** French stop words. */
  export const fra: string[];
}
