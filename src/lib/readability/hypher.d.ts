/**
 * Types for `hypher` 0.2 (Bram Stein's hyphenation engine) and its Dutch patterns `hyphenation.nl` 0.2, which ship
 * without their own: only the part this project uses.
 */
declare module 'hypher' {
  /** Hyphenation patterns of one language, as the `hyphenation.*` packages export them. */
  export interface HypherLanguage {
    id?: string;
    /** Fewest letters before the first hyphenation point. */
    leftmin: number;
    /** Fewest letters after the last hyphenation point. */
    rightmin: number;
    patterns: Record<number, string>;
    exceptions?: string;
  }
  /** A hyphenator for one language. */
  export default class Hypher {
    constructor(language: HypherLanguage);
    /** The parts of one word between its hyphenation points: `leerlingen` → `['leer', 'lin', 'gen']`. */
    hyphenate(word: string): string[];
  }
}

declare module 'hyphenation.nl' {
  import type { HypherLanguage } from 'hypher';
  /** Dutch hyphenation patterns (Remco Bloemen's, as used by TeX). */
  const nl: HypherLanguage;
  export default nl;
}
