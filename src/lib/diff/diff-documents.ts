import { diffWords } from 'diff';
import { documentArticles, type DocArticle, type ProtocolDocument } from '../compose/document.ts';

/**
 * How an article differs between two documents, aligned by clause (never by position):
 * `unchanged`; `changed` (same place, other words); `added` (only in the new document);
 * `removed` (left out of the new document); `moved` (other place, same words); `moved-changed`.
 */
export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved' | 'moved-changed';

/** One run of words in a word-level diff: kept, inserted or deleted. */
export interface WordPart {
  /** `same`, `ins` (only in the new text), `del` (only in the old text). */
  op: 'same' | 'ins' | 'del';
  text: string;
}

/** One aligned article pair. */
export interface ArticleChange {
  kind: ChangeKind;
  key: string;
  /** The article in the old document (the reference model, the previous version). */
  before?: DocArticle;
  /** The article in the new document (the school's protocol, the draft). */
  after?: DocArticle;
  /** Word-level diff from `before` to `after`, for `changed` and `moved-changed`. */
  words?: WordPart[];
}

/** The alignment of two documents, article by article (the first step of {@link diffVersions}). */
export interface DocumentDiff {
  /** In the new document's order, each removed article placed after the article that preceded it in the old one. */
  changes: ArticleChange[];
  /** How many of each kind. */
  counts: Record<ChangeKind, number>;
}

/** Folds white space so that line wrapping is not a change. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Word-level diff of two texts with jsdiff's `diffWords`: whole words only, Dutch diacritics kept in
 * the word (`geïnformeerd`), white space folded first.
 */
export function diffText(before: string, after: string): WordPart[] {
  return diffWords(fold(before), fold(after)).map((p) => ({
    op: p.added ? ('ins' as const) : p.removed ? ('del' as const) : ('same' as const),
    text: p.value,
  }));
}

/** Keys of a longest common subsequence of `a` and `b` (both duplicate-free). O(n·m), fine for a few hundred. */
function lcsKeys(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Aligns two documents article by article, by clause key: the first step of the one comparison,
 * {@link diffVersions}, which every page, PDF and terminal view uses (it pairs variants, names values and numbers
 * the changes). An article counts as moved when it is not part of the longest run of articles that keep their
 * relative order; renumbering alone is no change.
 *
 * @param before the old document (a reference model, or the previous version).
 * @param after the new document (the school's protocol, or the draft).
 */
export function diffDocuments(before: ProtocolDocument, after: ProtocolDocument): DocumentDiff {
  const oldArticles = documentArticles(before);
  const newArticles = documentArticles(after);
  const oldByKey = new Map(oldArticles.map((a) => [a.key, a]));
  const newByKey = new Map(newArticles.map((a) => [a.key, a]));
  const common = (list: DocArticle[], other: Map<string, DocArticle>) =>
    list.filter((a) => other.has(a.key)).map((a) => a.key);
  const inOrder = lcsKeys(common(oldArticles, newByKey), common(newArticles, oldByKey));

  const changes: ArticleChange[] = [];
  const pendingRemoved = new Map<string, ArticleChange[]>(); // keyed by the old article it followed
  let previousOldKey = '';
  const leadingRemoved: ArticleChange[] = [];
  for (const a of oldArticles) {
    if (!newByKey.has(a.key)) {
      const change: ArticleChange = { kind: 'removed', key: a.key, before: a };
      if (previousOldKey) pendingRemoved.set(previousOldKey, [...(pendingRemoved.get(previousOldKey) ?? []), change]);
      else leadingRemoved.push(change);
    }
    previousOldKey = a.key;
  }
  // Removed articles that followed other removed ones are chained: flush recursively.
  const flush = (key: string) => {
    for (const r of pendingRemoved.get(key) ?? []) {
      changes.push(r);
      flush(r.key);
    }
  };
  for (const r of leadingRemoved) {
    changes.push(r);
    flush(r.key);
  }
  for (const a of newArticles) {
    const old = oldByKey.get(a.key);
    if (!old) changes.push({ kind: 'added', key: a.key, after: a });
    else {
      const same = fold(old.text) === fold(a.text);
      const moved = !inOrder.has(a.key);
      const kind: ChangeKind = moved ? (same ? 'moved' : 'moved-changed') : same ? 'unchanged' : 'changed';
      changes.push({ kind, key: a.key, before: old, after: a, words: same ? undefined : diffText(old.text, a.text) });
      flush(a.key);
    }
  }

  const counts: Record<ChangeKind, number> = {
    unchanged: 0,
    changed: 0,
    added: 0,
    removed: 0,
    moved: 0,
    'moved-changed': 0,
  };
  for (const c of changes) counts[c.kind]++;

  return { changes, counts };
}
