/**
 * Scores an import of a reference model's source text against that model's own structure (issue 12, "Measured":
 * leave-one-out on the five seeds). Each imported article is matched to the model part (article or non-normative
 * part) it shares the most words with; then:
 * - aligned right: the imported article's clause is the clause of the model article it matches;
 * - found as one: a model article matched by exactly one imported article, which holds at least 80% of the model
 *   article's words and has at least 80% of its own words in it (not merged, not split);
 * - non-normative turned into an article: an imported article that matches a non-normative part.
 */
import type { ReferenceModel } from '../schema/reference-model.ts';
import type { ImportResult } from './import-text.ts';
import { words } from './text.ts';

/** One model's scores. */
export interface ImportScore {
  model: string;
  /** Articles in the model. */
  modelArticles: number;
  /** Articles the import found. */
  importedArticles: number;
  /** Imported articles that match a model article, and how many of those have its clause. */
  matched: number;
  alignedRight: number;
  /** alignedRight / matched. */
  alignedShare: number;
  /** Imported articles left as own articles (clause null) among the matched. */
  ownArticles: number;
  /** Matched imported articles aligned to another clause than the model's. */
  alignedWrong: number;
  /** Model articles found as one imported article. */
  foundAsOne: number;
  /** foundAsOne / modelArticles. */
  foundShare: number;
  /** Imported articles that are a non-normative part of the model. */
  nonNormativeAsArticles: number;
  /** The wrong ones, for reading: imported text (start), expected and given clause. */
  mistakes: { text: string; expected: string; got: string | null; score: number }[];
}

type Bag = Map<string, number>;

function bag(text: string): Bag {
  const b: Bag = new Map();
  for (const w of words(text)) b.set(w, (b.get(w) ?? 0) + 1);
  return b;
}

function size(b: Bag): number {
  let n = 0;
  for (const v of b.values()) n += v;
  return n;
}

function common(a: Bag, b: Bag): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

/**
 * Scores one import against the model whose source it read.
 *
 * @param result the import of `content/reference-models/<id>/source.txt`.
 * @param model that model's structured form.
 */
export function scoreImport(result: ImportResult, model: ReferenceModel): ImportScore {
  const parts: { kind: 'article' | 'nonNormative'; clause?: string; bag: Bag; ref: string }[] = [];
  for (const p of model.front) parts.push({ kind: 'nonNormative', bag: bag(p.text), ref: p.kind });
  for (const s of model.sections) {
    for (const p of s.parts) {
      if ('article' in p)
        parts.push({ kind: 'article', clause: p.article.clause, bag: bag(p.article.text), ref: p.article.ref });
      else parts.push({ kind: 'nonNormative', bag: bag(p.nonNormative.text), ref: p.nonNormative.kind });
    }
  }
  for (const p of model.back) parts.push({ kind: 'nonNormative', bag: bag(p.text), ref: p.kind });

  // The part each imported article shares the most words with; on a tie (the same sentence in two sections) the
  // first one at or after the previous article's part, since both texts run in the same order.
  let cursor = 0;
  const owners = result.articles.map((a) => {
    const b = bag(a.text);
    const shared = parts.map((p) => common(b, p.bag));
    const most = Math.max(0, ...shared);
    let best = -1;
    if (most > 0) {
      best = shared.findIndex((c, i) => c === most && i >= cursor);
      if (best < 0) best = shared.indexOf(most);
      cursor = best;
    }
    return { index: best, common: most, size: size(b) };
  });

  let matched = 0;
  let right = 0;
  let own = 0;
  let nonNormative = 0;
  const mistakes: ImportScore['mistakes'] = [];
  result.articles.forEach((a, i) => {
    const o = owners[i]!;
    const part = parts[o.index];
    if (!part) return;
    if (part.kind === 'nonNormative') {
      nonNormative++;
      return;
    }
    matched++;
    if (a.clause === part.clause) right++;
    else {
      if (a.clause === null) own++;
      mistakes.push({
        text: a.text.slice(0, 80),
        expected: `${part.ref} ${part.clause}`,
        got: a.clause,
        score: a.score,
      });
    }
  });

  let foundAsOne = 0;
  let modelArticles = 0;
  parts.forEach((p, i) => {
    if (p.kind !== 'article') return;
    modelArticles++;
    const mine = owners.map((o, j) => ({ o, j })).filter(({ o }) => o.index === i);
    if (mine.length !== 1) return;
    const { o } = mine[0]!;
    if (o.common >= 0.8 * size(p.bag) && o.common >= 0.8 * o.size) foundAsOne++;
  });

  const share = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);
  return {
    model: model.id,
    modelArticles,
    importedArticles: result.articles.length,
    matched,
    alignedRight: right,
    alignedShare: share(right, matched),
    ownArticles: own,
    alignedWrong: matched - right - own,
    foundAsOne,
    foundShare: share(foundAsOne, modelArticles),
    nonNormativeAsArticles: nonNormative,
    mistakes,
  };
}

/** A hand-written expectation for one article of a fixture: how its text starts, and the clause(s) that are right. */
export interface ExpectedArticle {
  starts: string;
  /** The right clause; a list when more than one says the same; null for an own article. */
  clause: string | null | (string | null)[];
  number?: string | null;
  truncated?: boolean;
  /** List items the article owns. */
  items?: number;
}

/** How an import of a fixture compares with its expected alignments. */
export interface FixtureScore {
  expected: number;
  imported: number;
  /** Expected articles found, in order, as an imported article starting with the expected words. */
  found: number;
  /** Of those, aligned to a right clause (or left own where own is right). */
  right: number;
  /** Expected own articles that were given a clause: the harm an own article avoids. */
  ownGivenClause: number;
  mistakes: { starts: string; expected: ExpectedArticle['clause']; got: string | null; score: number }[];
}

/**
 * Compares an import with a fixture's expected articles (in order).
 *
 * @param result the import.
 * @param expected the hand-written expectations (`tests/fixtures/import/<case>/expected.json`).
 */
export function scoreFixture(result: ImportResult, expected: ExpectedArticle[]): FixtureScore {
  let found = 0;
  let right = 0;
  let ownGivenClause = 0;
  const mistakes: FixtureScore['mistakes'] = [];
  let from = 0;
  for (const e of expected) {
    const at = result.articles.findIndex((a, i) => i >= from && a.text.startsWith(e.starts));
    if (at < 0) continue;
    from = at + 1;
    found++;
    const a = result.articles[at]!;
    const allowed = Array.isArray(e.clause) ? e.clause : [e.clause];
    if (allowed.includes(a.clause)) right++;
    else {
      if (allowed.every((c) => c === null)) ownGivenClause++;
      mistakes.push({ starts: e.starts, expected: e.clause, got: a.clause, score: a.score });
    }
  }
  return { expected: expected.length, imported: result.articles.length, found, right, ownGivenClause, mistakes };
}
