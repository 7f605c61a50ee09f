import type { DocArticle, ProtocolDocument } from '../compose/document.ts';
import { diffDocuments, diffText, type ArticleChange, type WordPart } from '../diff/diff-documents.ts';
import { isReworded } from '../diff/reworded.ts';
import type { VariableValue } from '../schema/clause.ts';

/**
 * The kind of a numbered change between two versions of a protocol, or between a reference model and a protocol:
 * `changed` (same place, other words), `name` (same place, and the only other words are the school's own name in
 * place of the other document's organisation: `SCOPE` → `Basisschool De Linde`), `variable` (a variable's value
 * changed, same clause, same place), `variant` (another variant chosen at a choice point), `added`, `removed`
 * (geschrapt; weggelaten against a model), `moved` (other place, same words), `moved-changed`.
 */
export type VersionChangeKind = 'changed' | 'name' | 'variable' | 'variant' | 'added' | 'removed' | 'moved' | 'moved-changed';

/** Order of the kinds in summaries. */
export const VERSION_CHANGE_KINDS: VersionChangeKind[] = [
  'changed',
  'name',
  'variable',
  'variant',
  'added',
  'removed',
  'moved',
  'moved-changed',
];

/**
 * What the old document of a comparison is: an earlier `version` of the protocol (changes numbered `W1`, …,
 * wijziging) or a reference `model` (numbered `V1`, …, verschil; a model's article the school lacks is weggelaten).
 */
export type Against = 'version' | 'model';

/** The letter of the change numbers for each kind of comparison. */
export const CHANGE_PREFIX: Record<Against, string> = { version: 'W', model: 'V' };

/** A variable whose value differs between the two versions. */
export interface VariableChange {
  /** The variable's name in the clause (`reportContacts`). */
  name: string;
  /** Value in the old version; undefined when it took the default there. */
  before?: VariableValue;
  /** Value in the new version; undefined when it takes the default. */
  after?: VariableValue;
}

/** One aligned article of a version diff: a numbered change or an unchanged article. */
export interface VersionEntry {
  kind: VersionChangeKind | 'unchanged';
  /** `W1`, `W2`, … (or `V1`, … against a model) in document order; only on changes. */
  number?: string;
  /** Alignment key: the new article's key, or the old one's for a removal. */
  key: string;
  /** The article in the old version. */
  before?: DocArticle;
  /** The article in the new version. */
  after?: DocArticle;
  /** Word-level diff from `before` to `after` when the words differ. */
  words?: WordPart[];
  /**
   * For `variant`: the two clauses share few words ({@link isReworded}), so the old and the new text are shown whole
   * (struck through, underlined) instead of a word diff. `words` is still there for tools that want it.
   */
  reworded?: boolean;
  /** For `variable` (and `moved-changed` of the same clause): the values that differ. */
  variables?: VariableChange[];
  /** For `name`: the old document's name and the new one's, as they stand in the texts (`SCOPE`, `Basisschool …`). */
  names?: { before: string; after: string };
  /** The reason (toelichting) the new version gives for this change. */
  reason?: string;
}

/** The comparison of two versions: every article in document order, the changes numbered. */
export interface VersionDiff {
  /** What the old document is (decides the number letter and the word for a removal). */
  against: Against;
  /** Every article, unchanged ones included, in the new version's order; removals after their old predecessor. */
  entries: VersionEntry[];
  /** The numbered changes only (`W1` …), in the same order. */
  changes: VersionEntry[];
  /** How many changes of each kind. */
  counts: Record<VersionChangeKind, number>;
  /** How many aligned articles are the same in both documents. */
  unchanged: number;
  /** Keys in `reasons` that name no change: a typo, or an article that did not change. */
  unusedReasons: string[];
}

/** Options for {@link diffVersions}. */
export interface DiffOptions {
  /** What the old document is (default `version`). */
  against?: Against;
}

/** Values compared by content, key order ignored. */
function sameValue(a: VariableValue | undefined, b: VariableValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The variables whose values differ between two library articles of the same clause. */
function variableChanges(before: DocArticle, after: DocArticle): VariableChange[] {
  const a = before.values ?? {};
  const b = after.values ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((name) => !sameValue(a[name], b[name]))
    .map((name) => ({ name, before: a[name], after: b[name] }));
}

/** Lower case with white space folded, for comparing names as they stand in a text. */
function nameKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether every difference in a word diff is the old document's name replaced by the new one's (compared without
 * case: SCOPE's texts write both `SCOPE` and `Scope`). Runs of deletions and insertions separated only by white space
 * count as one replacement.
 *
 * @param words the word diff.
 * @param beforeName the old document's organisation (`SCOPE`); an empty name never matches.
 * @param afterName the new document's organisation (`Basisschool De Linde`).
 */
export function onlyNameReplaced(words: readonly WordPart[], beforeName: string, afterName: string): boolean {
  const from = nameKey(beforeName);
  const to = nameKey(afterName);
  if (!from || !to || from === to) return false;
  let del = '';
  let ins = '';
  let hunks = 0;
  const flush = (): boolean => {
    if (!del && !ins) return true;
    hunks++;
    const ok = nameKey(del) === from && nameKey(ins) === to;
    del = '';
    ins = '';
    return ok;
  };
  for (const w of words) {
    if (w.op === 'del') del += w.text;
    else if (w.op === 'ins') ins += w.text;
    else if (w.text.trim() === '') {
      if (del) del += w.text;
      if (ins) ins += w.text;
    } else if (!flush()) return false;
  }
  return flush() && hunks > 0;
}

/** An entry from one aligned pair of {@link diffDocuments}. */
function entryOf(c: ArticleChange, before: ProtocolDocument, after: ProtocolDocument): VersionEntry {
  const entry: VersionEntry = { kind: c.kind, key: c.key, before: c.before, after: c.after, words: c.words };
  const sameLibraryClause =
    c.before?.origin === 'library' && c.after?.origin === 'library' && c.before.clause === c.after.clause;
  if (c.before && c.after && c.words && sameLibraryClause) {
    const variables = variableChanges(c.before, c.after);
    if (variables.length) {
      entry.variables = variables;
      if (c.kind === 'changed') entry.kind = 'variable';
    }
  }
  if (entry.kind === 'changed' && c.words && onlyNameReplaced(c.words, before.organisation, after.organisation)) {
    entry.kind = 'name';
    entry.names = { before: before.organisation, after: after.organisation };
  }
  return entry;
}

/**
 * Compares two documents, the one comparison behind every page, PDF and terminal view: two versions of a protocol
 * (`against: 'version'`, changes `W1`, `W2`, …) or a reference model and a protocol (`against: 'model'`, `V1`, …).
 * Aligned by clause (never by position; renumbering alone is no change), numbered in document order so that a
 * participation council can cite them. On top of {@link diffDocuments}: an article removed and another added that
 * settle the same choice point become one `variant` change (at the new article's place), marked `reworded` when the
 * two share few words; a library article whose text changed only because the school filled in other values is a
 * `variable` change, with the values listed; a text whose only difference is the school's own name in place of the
 * other document's organisation is a `name` change ({@link onlyNameReplaced}).
 *
 * @param before the old document (the previous adopted version, or a reference model).
 * @param after the new document (the draft, or the school's protocol).
 * @param reasons the new version's reasons (toelichting), keyed by article key; for a `variant` change either
 *   clause id, for a removal the old key (default: none).
 * @param options `against`: what `before` is (default `version`).
 * @returns every entry, the numbered changes, counts per kind, and reason keys that match no change.
 */
export function diffVersions(
  before: ProtocolDocument,
  after: ProtocolDocument,
  reasons: Readonly<Record<string, string>> = {},
  options: DiffOptions = {},
): VersionDiff {
  const against = options.against ?? 'version';
  const prefix = CHANGE_PREFIX[against];
  const base = diffDocuments(before, after).changes.map((c) => entryOf(c, before, after));
  // Pair removals and additions that settle the same choice point.
  const removedByChoice = new Map<string, VersionEntry>();
  for (const e of base) if (e.kind === 'removed' && e.before?.choicePoint) removedByChoice.set(e.before.choicePoint, e);
  const absorbed = new Set<VersionEntry>();
  const paired = base.map((e) => {
    const cp = e.kind === 'added' ? e.after?.choicePoint : undefined;
    const old = cp ? removedByChoice.get(cp) : undefined;
    if (!old || absorbed.has(old)) return e;
    absorbed.add(old);
    const words = diffText(old.before!.text, e.after!.text);
    const reworded = isReworded(words) ? { reworded: true } : {};
    return { kind: 'variant' as const, key: e.key, before: old.before, after: e.after, words, ...reworded, oldKey: old.key };
  });
  const used = new Set<string>();
  const entries: VersionEntry[] = [];
  let n = 0;
  for (const e of paired) {
    if (absorbed.has(e)) continue;
    const { oldKey, ...entry } = e as VersionEntry & { oldKey?: string };
    if (entry.kind !== 'unchanged') {
      entry.number = `${prefix}${++n}`;
      const reasonKey = [entry.key, oldKey].find((k) => k !== undefined && reasons[k] !== undefined);
      if (reasonKey) {
        entry.reason = reasons[reasonKey];
        used.add(reasonKey);
      }
    }
    entries.push(entry);
  }
  const changes = entries.filter((e) => e.kind !== 'unchanged');
  const counts = Object.fromEntries(VERSION_CHANGE_KINDS.map((k) => [k, 0])) as Record<VersionChangeKind, number>;
  for (const c of changes) counts[c.kind as VersionChangeKind]++;
  return {
    against,
    entries,
    changes,
    counts,
    unchanged: entries.length - changes.length,
    unusedReasons: Object.keys(reasons).filter((k) => !used.has(k)),
  };
}

/** Whether a change moves the protocol toward the reference model, away from it, or neither. */
export type ModelDirection = 'toward' | 'away' | 'same';

/** How many words differ between two texts (a missing text counts as empty). */
export function wordDistance(a: string | undefined, b: string | undefined): number {
  return diffText(a ?? '', b ?? '')
    .filter((p) => p.op !== 'same')
    .reduce((sum, p) => sum + (p.text.match(/\S+/g)?.length ?? 0), 0);
}

/**
 * The reference model's article for an entry: the one with the same key (clause), else the one that settles the
 * same choice point (the model's own variant). Undefined when the model has no article on this topic.
 *
 * @param entry a version-diff entry.
 * @param model the reference model (normally the one the protocol starts from).
 */
export function modelCounterpart(entry: VersionEntry, model: ProtocolDocument): DocArticle | undefined {
  const articles = model.sections.flatMap((s) => s.items.flatMap((i) => ('article' in i ? [i.article] : [])));
  const keys = [entry.after?.key, entry.before?.key].filter((k): k is string => !!k);
  const byKey = articles.find((a) => keys.includes(a.key));
  if (byKey) return byKey;
  const cp = entry.after?.choicePoint ?? entry.before?.choicePoint;
  return cp ? articles.find((a) => a.choicePoint === cp) : undefined;
}

/**
 * Whether the change in `entry` brings the protocol's text closer to the model's article (`toward`), further
 * from it (`away`) or neither (`same`), counted in differing words. An article the model lacks counts as empty:
 * adding it moves away, removing it moves toward.
 *
 * @param entry a version-diff entry.
 * @param modelArticle the model's counterpart ({@link modelCounterpart}), or undefined.
 */
export function modelDirection(entry: VersionEntry, modelArticle: DocArticle | undefined): ModelDirection {
  const before = wordDistance(entry.before?.text, modelArticle?.text);
  const after = wordDistance(entry.after?.text, modelArticle?.text);
  return after < before ? 'toward' : after > before ? 'away' : 'same';
}
