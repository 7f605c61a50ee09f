import type { ReferenceModel } from '../schema/reference-model.ts';

/**
 * Words that name a kind of institution or are Dutch function words, not one organisation: a name's distinctive
 * part is what remains (`Stichting De Hoeksche School` → `Hoeksche`; `Mill Hill College` → `Mill Hill`).
 */
const GENERIC = new Set(
  'de het een en van voor in op stichting vereniging school scholen scholengroep college basisschool roc onderwijs protocol sociale media'.split(
    ' ',
  ),
);

/** A model with its source text as received (the terms also come from its cover and its e-mail addresses). */
export type ModelWithSource = ReferenceModel & { sourceText: string };

/** Escapes a text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Capitalised words of a text (letters, digits, `-`), as written. */
function capitalisedWords(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}-]*/gu)].map((m) => m[0]);
}

/** True when `text` contains `term` as a whole word (case-sensitive). */
export function containsTerm(text: string, term: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}@.-])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** The terms of `terms` that occur in `text`, as whole words. */
export function termsIn(text: string, terms: readonly string[]): string[] {
  return terms.filter((t) => containsTerm(text, t));
}

/**
 * The words that identify one reference model's organisation, derived from the model (never typed by hand), so
 * that a test and a new school's start can make sure none of them reaches another school's protocol:
 * - its names: `organisation`, `board`, `place` and the school block's `name`, `nameInText`, `board`, `boardInText`,
 *   `account`, each whole (without a leading article) and by its distinctive part (`Hoeksche`, `Lankforst`, `OMO`),
 *   with every casing the source uses (`SCOPE`, `Scope`) that no other model writes the same way;
 * - its e-mail addresses (in `source.txt` and its school block's contacts), their domains, and its web addresses;
 * - proper names on its cover (street, place) and inside its own fill-ins (the `values` of the library sources that
 *   name it: `musical bij de Lindenberg`), when no other model's text uses the word at all (local events, places).
 *
 * @param model the model, with its source text.
 * @param others the other models, with their source texts (to tell local names from common words).
 * @param ownValues the values of every library source that names this model (`clause.sources[].values`).
 * @returns the terms, longest first, without duplicates.
 */
export function organisationTerms(
  model: ModelWithSource,
  others: readonly ModelWithSource[],
  ownValues: readonly unknown[] = [],
): string[] {
  const terms = new Set<string>();
  const otherText = others
    .filter((o) => o.id !== model.id)
    .map((o) => o.sourceText)
    .join('\n')
    .toLowerCase();
  const otherSource = others
    .filter((o) => o.id !== model.id)
    .map((o) => o.sourceText)
    .join('\n');
  const casings = (word: string) => {
    const found = [
      ...model.sourceText.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu')),
    ].map((m) => m[0]);
    // Only casings that are a name (a capital), and not a word another model writes the same way (ROC TOP's heading
    // `Scope` is not SCOPE).
    return [word, ...found.filter((f) => /\p{Lu}/u.test(f[0]!) && !containsTerm(otherSource, f))];
  };
  const s = model.school;
  const names = [model.organisation, model.board, model.place, s.name, s.nameInText, s.board, s.boardInText, s.account];
  for (const name of names) {
    if (!name) continue;
    const whole = name.replace(/^(de|het)\s+/i, '').trim();
    if (whole) terms.add(whole);
    const words = whole.split(/\s+/);
    const distinctive: string[] = [];
    for (const w of words) {
      if (!GENERIC.has(w.toLowerCase()) && /\p{Lu}/u.test(w[0] ?? '')) distinctive.push(w);
      else if (distinctive.length) break;
    }
    if (distinctive.length) for (const c of casings(distinctive.join(' '))) terms.add(c);
    // Each distinctive word alone too, when no other model uses it and the model itself never writes it as a common
    // lower-case word (`Lankforst`, `Hoeksche`, `Nutsschool`; not `Online` of an account `VC Online`).
    for (const w of words) {
      const lower = w.toLowerCase();
      const common = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(lower)}(?![\\p{L}\\p{N}])`, 'u').test(
        model.sourceText,
      );
      if (!GENERIC.has(lower) && /\p{Lu}/u.test(w[0] ?? '') && w.length > 2 && !common && !otherText.includes(lower)) {
        for (const c of casings(w)) terms.add(c);
      }
    }
  }
  const addresses = [model.sourceText, ...s.contacts.map((c) => c.email ?? '')].join('\n');
  for (const m of addresses.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) {
    terms.add(m[0]);
    terms.add(m[1]!);
  }
  for (const m of model.sourceText.matchAll(/\bwww\.([\w-]+(?:\.[\w-]+)+)/g)) {
    terms.add(m[0]);
    terms.add(m[1]!);
  }
  const local = (text: string, skipFirst: boolean) => {
    const words = capitalisedWords(text);
    for (const w of skipFirst && text.trimStart().startsWith(words[0] ?? '\0') ? words.slice(1) : words) {
      if (w.length > 2 && !GENERIC.has(w.toLowerCase()) && !otherText.includes(w.toLowerCase())) terms.add(w);
    }
  };
  for (const part of [...model.front, ...model.back])
    if (part.kind === 'cover') for (const line of part.text.split('\n')) local(line, false);
  const texts = (v: unknown): string[] =>
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(texts)
        : v && typeof v === 'object'
          ? Object.values(v).flatMap(texts)
          : [];
  for (const v of ownValues) for (const t of texts(v)) local(t, true);
  for (const t of [...terms]) if (t.length < 2) terms.delete(t);
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}
