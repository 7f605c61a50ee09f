import type { DocArticle, ProtocolDocument } from '../compose/document.ts';
import { diffDocuments, diffText, type ArticleChange, type WordPart } from '../diff/diff-documents.ts';
import { isReworded } from '../diff/reworded.ts';
import type { VariableValue } from '../schema/clause.ts';

/**
 * The kind of a numbered change between two versions of a protocol (or a protocol and a model):
 * `changed` (same place, other words), `added`, `removed` (weggelaten), `moved` (other place, same words),
 * `moved-changed`, `variant` (another variant chosen at a choice point), `variable` (a variable's value changed,
 * same clause, same place).
 */
export type VersionChangeKind = 'changed' | 'added' | 'removed' | 'moved' | 'moved-changed' | 'variant' | 'variable';

/** Order of the kinds in summaries. */
export const VERSION_CHANGE_KINDS: VersionChangeKind[] = ['changed', 'variable', 'variant', 'added', 'removed', 'moved', 'moved-changed'];

/** Dutch name of each kind, printed beside every change (never colour alone). */
export const VERSION_CHANGE_LABELS: Record<VersionChangeKind | 'unchanged', string> = {
  changed: 'gewijzigd',
  variable: 'andere waarde ingevuld',
  variant: 'andere keuze gemaakt',
  added: 'toegevoegd',
  removed: 'geschrapt',
  moved: 'verplaatst',
  'moved-changed': 'verplaatst en gewijzigd',
  unchanged: 'ongewijzigd',
};

/**
 * The same names for a comparison with a reference model: the school did not strike the model's article, it left
 * it out (`weggelaten`, as on the model diff page).
 */
export const MODEL_CHANGE_LABELS: Record<VersionChangeKind | 'unchanged', string> = { ...VERSION_CHANGE_LABELS, removed: 'weggelaten' };

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
  /** `W1`, `W2`, … in document order; only on changes. */
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
  /** The reason (toelichting) the new version gives for this change. */
  reason?: string;
}

/** The comparison of two versions: every article in document order, the changes numbered. */
export interface VersionDiff {
  /** Every article, unchanged ones included, in the new version's order; removals after their old predecessor. */
  entries: VersionEntry[];
  /** The numbered changes only (`W1` …), in the same order. */
  changes: VersionEntry[];
  /** How many changes of each kind. */
  counts: Record<VersionChangeKind, number>;
  /** Keys in `reasons` that name no change: a typo, or an article that did not change. */
  unusedReasons: string[];
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

/** An entry from one aligned pair of {@link diffDocuments}. */
function entryOf(c: ArticleChange): VersionEntry {
  const entry: VersionEntry = { kind: c.kind, key: c.key, before: c.before, after: c.after, words: c.words };
  if (c.before && c.after && c.words && c.before.origin === 'library' && c.after.origin === 'library' && c.before.clause === c.after.clause) {
    const variables = variableChanges(c.before, c.after);
    if (variables.length) {
      entry.variables = variables;
      if (c.kind === 'changed') entry.kind = 'variable';
    }
  }
  return entry;
}

/**
 * Compares two versions of a protocol, aligned by clause (never by position; renumbering alone is no change),
 * and numbers the changes `W1`, `W2`, … in document order so that a participation council can cite them.
 * On top of {@link diffDocuments}: an article removed and another added that settle the same choice point become
 * one `variant` change (at the new article's place), marked `reworded` when the two share few words; a library article whose text changed only because the
 * school filled in other values is a `variable` change, with the values listed.
 *
 * @param before the old version (the previous adopted version, or a reference model).
 * @param after the new version (the draft).
 * @param reasons the new version's reasons (toelichting), keyed by article key; for a `variant` change either
 *   clause id, for a removal the old key (default: none).
 * @param options `prefix`: the letter of the change numbers (default `W`, wijziging; `V`, verschil, for a model).
 * @returns every entry, the numbered changes, counts per kind, and reason keys that match no change.
 */
export function diffVersions(
  before: ProtocolDocument,
  after: ProtocolDocument,
  reasons: Readonly<Record<string, string>> = {},
  options: { prefix?: string } = {},
): VersionDiff {
  const prefix = options.prefix ?? 'W';
  const base = diffDocuments(before, after).changes.map(entryOf);
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
    return { kind: 'variant' as const, key: e.key, before: old.before, after: e.after, words, ...(isReworded(words) ? { reworded: true } : {}), oldKey: old.key };
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
  return { entries, changes, counts, unusedReasons: Object.keys(reasons).filter((k) => !used.has(k)) };
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
