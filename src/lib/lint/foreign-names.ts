import type { ProtocolDocument } from '../compose/document.ts';

/** What kind of name a {@link ForeignName} is, for the message. */
export type ForeignNameKind = 'organisation' | 'board' | 'place' | 'email-domain' | 'web-domain' | 'local-name';

/** A name that belongs to one reference model's organisation and to no other school. */
export interface ForeignName {
  /** The text to look for, e.g. `Mill Hill`, `OMO`, `Goirle`, `roctop.nl`, `Avondvierdaagse`. */
  term: string;
  kind: ForeignNameKind;
  /** The model's id (`mill-hill-2023`). */
  model: string;
  /** The model's organisation as a reader knows it (`Mill Hill College`). */
  organisation: string;
}

/**
 * Words that are part of many organisations' names (`Stichting De Hoeksche School`) and say nothing about which one.
 * Removed from a name to find its distinctive core (`Hoeksche`); never looked for on their own.
 */
const GENERIC_NAME_WORDS = new Set([
  'stichting',
  'vereniging',
  'college',
  'school',
  'scholen',
  'basisschool',
  'nutsschool',
  'roc',
  'de',
  'het',
  'van',
  'voor',
  'en',
  'openbaar',
  'openbare',
  'primair',
  'voortgezet',
  'onderwijs',
  'bestuur',
]);

/**
 * Capitalised words that appear in one model's text but name no organisation: national bodies, titles of roles,
 * and the platforms the `dead-platform` rule already covers. Generic vocabulary, not organisations.
 */
const GENERIC_CAPITALISED = new Set([
  'Stichting',
  'College',
  'Landelijke',
  'Vertrouwensinspecteur',
  'Inspectie',
  'Kennisnet',
  'Handreiking',
  'Protocol',
  'Hyves',
  'Yammer',
  'LinkedIn',
  'Twitter',
  'Facebook',
  'Instagram',
  'YouTube',
  'Youtube',
  'WhatsApp',
  'Whatsapp',
  'TikTok',
  'Snapchat',
  'Google',
  'Microsoft',
  'Teams',
  'Social',
  'Media',
]);

/**
 * Derives, from the five reference models' own metadata and text, the names that belong to their organisations:
 * the organisation, its board and place (whole, and their distinctive core without generic words such as
 * `Stichting` or `College`), every e-mail and web domain in the text, and local names: words capitalised in the
 * middle of a sentence that occur in one model only and never in lower case (Lankforst's `Avondvierdaagse`,
 * `Lindenberg`). Nothing is typed by hand except the generic words above.
 *
 * @param models the reference models as documents (`modelToDocument`), as the build and the wizard both have them.
 * @returns the names, each with its model; longer terms first, so `Mill Hill College` is found before `Mill Hill`.
 */
export function deriveForeignNames(models: readonly ProtocolDocument[]): ForeignName[] {
  const out = new Map<string, ForeignName>();
  const add = (term: string, kind: ForeignNameKind, m: ProtocolDocument) => {
    const t = term.trim();
    if (t.length < 3 || out.has(t)) return;
    out.set(t, { term: t, kind, model: m.id, organisation: m.organisation });
  };
  // Words per model (lower case), and which models write a word capitalised mid-sentence.
  const modelsOfWord = new Map<string, Set<string>>();
  const lowerSeen = new Set<string>();
  const capitalised = new Map<string, ProtocolDocument>();
  for (const m of models) {
    for (const [value, kind] of [
      [m.organisation, 'organisation'],
      [m.board, 'board'],
      [m.place, 'place'],
    ] as const) {
      if (!value) continue;
      add(value, kind, m);
      const core = value
        .split(/\s+/)
        .filter((w) => !GENERIC_NAME_WORDS.has(w.toLowerCase()))
        .join(' ');
      if (core && core !== value) add(core, kind, m);
      // An all-capitals name (SCOPE) is also written with a capital only (Scope).
      if (/^[A-Z]{3,}$/.test(value)) add(value[0] + value.slice(1).toLowerCase(), kind, m);
    }
    for (const text of documentTexts(m)) {
      for (const e of text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) add(e[1]!, 'email-domain', m);
      for (const w of text.matchAll(/\bwww\.([\w-]+(?:\.[\w-]+)+)/g)) add(w[1]!, 'web-domain', m);
      for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
        sentence.split(/\s+/).forEach((raw, i) => {
          const word = raw.replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, '');
          if (!word) return;
          const lower = word.toLowerCase();
          if (!modelsOfWord.has(lower)) modelsOfWord.set(lower, new Set());
          modelsOfWord.get(lower)!.add(m.id);
          if (word === lower) lowerSeen.add(lower);
          if (i > 0 && /^[A-Z][a-z][\p{L}\d]{2,}$/u.test(word) && !capitalised.has(word)) capitalised.set(word, m);
        });
      }
    }
  }
  for (const [word, m] of capitalised) {
    const lower = word.toLowerCase();
    if (GENERIC_CAPITALISED.has(word) || lowerSeen.has(lower) || (modelsOfWord.get(lower)?.size ?? 0) > 1) continue;
    add(word, 'local-name', m);
  }
  return [...out.values()].sort((a, b) => b.term.length - a.term.length);
}

/** Every text of a model document: front and back matter and every article and non-normative part. */
function documentTexts(doc: ProtocolDocument): string[] {
  const texts = [...doc.front, ...doc.back].map((p) => p.text);
  for (const s of doc.sections)
    for (const i of s.items) texts.push('article' in i ? i.article.text : i.nonNormative.text);
  return texts;
}

/**
 * Finds the foreign names in a text: whole words, case as written (e-mail and web domains in any case).
 *
 * @param text the text to search.
 * @param names from {@link deriveForeignNames}.
 * @param own terms that belong to the school itself (its name, board, place): never reported.
 * @returns the names found, each once, longest first; a shorter name inside a longer one found is left out.
 */
export function findForeignNames(text: string, names: readonly ForeignName[], own: ReadonlySet<string>): ForeignName[] {
  const found: ForeignName[] = [];
  for (const n of names) {
    if (own.has(n.term) || found.some((f) => f.term.includes(n.term))) continue;
    if (patternOf(n).test(text)) found.push(n);
  }
  return found;
}

/** Compiled patterns by kind and term: a review runs every name over every article, so each is compiled once. */
const patterns = new Map<string, RegExp>();

/** The whole-word pattern of a name: case as written, e-mail and web domains in any case. */
function patternOf(n: ForeignName): RegExp {
  const domain = n.kind === 'email-domain' || n.kind === 'web-domain';
  const key = `${domain ? 'i' : ''}:${n.term}`;
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(n.term)}(?![\\p{L}\\d])`, domain ? 'iu' : 'u');
    patterns.set(key, re);
  }
  return re;
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
