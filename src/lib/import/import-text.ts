/**
 * The importer's core: from a protocol's plain text to articles aligned to the library, non-normative parts,
 * values found and the topics the text lacks. Used by `npm run import` and by the wizard's
 * "Begin met ons huidige protocol"; plain TypeScript, no `node:` imports.
 */
import type { Aligner, Alignment, Candidate } from './align.ts';
import { sentenceUnits, splitProse } from './split-prose.ts';
import { segmentText, type FoundNonNormative, type FoundSection, type Segment, type SegmentKind } from './segment.ts';
import { foldSpace, words, isStopWord } from './text.ts';
import { findValues, type ImportValues } from './values.ts';

/** One article of the imported text, aligned (or not) to a library clause. */
export interface ImportedArticle {
  /** Number or letter as printed, null for bullets and prose. */
  number: string | null;
  /** The article's own text as it stands in the file, white space folded (list items included). */
  text: string;
  /** Body as lines: paragraphs and `- ` list items. */
  lines: string[];
  /** Title from a numbered heading, when the text has one. */
  title?: string;
  /** Index into {@link ImportResult.sections}, -1 before the first heading. */
  section: number;
  kind: SegmentKind;
  /** The library clause it aligns to, or null for an own article. */
  clause: string | null;
  /** How sure the alignment is, 0 … 1. */
  score: number;
  /** The best candidates, best first. */
  candidates: Candidate[];
  /** True when the text stops mid-sentence (cut off in the file). */
  truncated: boolean;
  /**
   * Set when the rule is about a choice point (its best candidate settles one) but fits none of that choice point's
   * variants well enough to take one: the wizard says so, and the rule stays an own article.
   */
  choicePointMiss?: MissingTopic;
  /**
   * Other library clauses this one rule also states (one rule, several clauses): a sentence of it aligns, clearly,
   * to another clause that no other article of the text aligns to. Best first; see {@link alsoStates}.
   */
  also?: Candidate[];
}

/** A choice point (or, without one, a library section) that no imported article settles. */
export interface MissingTopic {
  /** Choice point id. */
  choicePoint: string;
  /** Its Dutch title, for the message "niet in de geïmporteerde tekst". */
  title: string;
}

/** Everything the importer found in one text. */
export interface ImportResult {
  sections: FoundSection[];
  articles: ImportedArticle[];
  nonNormative: FoundNonNormative[];
  values: ImportValues;
  /** Choice points that no article settles: "niet in de geïmporteerde tekst", never the school's choice. */
  missing: MissingTopic[];
}

/** The choice points of the library, for {@link importText}'s missing topics. */
export interface ImportLibrary {
  choicePoints: { id: string; title: string }[];
}

const FUNCTION_WORDS_AT_END =
  /^(de|het|een|en|of|van|voor|met|aan|in|op|te|om|die|dat|als|door|bij|naar|tot|zijn|haar|hun|onze|ons|is|wordt|worden|kan|kunnen|mag|mogen|moet|moeten)$/;

/**
 * True when a text stops mid-sentence: it does not end in `.`, `!`, `?`, `;`, `:` or a closing bracket or quote,
 * and it ends in a word that cannot end a Dutch sentence (an article, a preposition, a conjunction, an auxiliary),
 * a comma or a hyphen; or it is the last article of the text and ends without any punctuation.
 *
 * @param text the article's text.
 * @param last whether it is the last article of the document.
 */
export function isTruncated(text: string, last: boolean): boolean {
  const t = text.trim();
  if (/[.!?;:)"'’”]$/.test(t)) return false;
  if (/[,\-–]$/.test(t)) return true;
  const ws = words(t);
  const end = ws[ws.length - 1] ?? '';
  if (FUNCTION_WORDS_AT_END.test(end)) return true;
  return last && ws.length > 6 && isStopWord(end);
}

/**
 * A rule takes a variant of a choice point only when it scores at least this much above the threshold: a wrong
 * variant misstates the school's decision, so below it the rule stays an own article and the wizard says that it
 * fits none of the variants.
 */
export const CHOICE_POINT_MARGIN = 0.05;

/** The text of a segment as it stands (list items after their lead-in). */
function segmentText1(lines: string[]): string {
  return foldSpace(lines.map((l) => l.replace(/^- /, '')).join(' '));
}

/**
 * Imports a protocol's plain text: segments it, aligns every article, finds values and missing topics.
 *
 * @param text the text as read from the file (see `read-file.ts`); PDF page chrome already removed.
 * @param aligner built from the library and the models (`buildAligner`).
 * @param library the choice points, for the missing topics.
 * @param chrome non-normative parts the reader already removed (page headers, footers, numbers).
 */
export function importText(
  text: string,
  aligner: Aligner,
  library: ImportLibrary,
  chrome: FoundNonNormative[] = [],
): ImportResult {
  const seg = segmentText(text);
  const articles: ImportedArticle[] = [];
  const headingOf = (s: Segment) => (s.section >= 0 ? seg.sections[s.section]!.title : '');
  for (const s of seg.segments) {
    const heading = headingOf(s);
    // Only a paragraph on its own is split; a lead-in with its list stays one rule.
    const texts = s.kind === 'prose' && s.lines.length === 1 ? splitProse(s.lines[0]!, heading, aligner) : [null];
    for (const part of texts) {
      const lines = part === null ? s.lines : [part];
      const full = segmentText1(lines);
      const a: Alignment = aligner.align(s.title ? `${s.title}. ${full}` : full, heading);
      articles.push({
        number: s.number,
        text: full,
        lines,
        ...(s.title ? { title: s.title } : {}),
        section: s.section,
        kind: s.kind,
        clause: a.clause,
        score: a.score,
        candidates: a.candidates,
        truncated: false,
      });
    }
  }
  articles.forEach((a, i) => (a.truncated = isTruncated(a.lines[a.lines.length - 1]!, i === articles.length - 1)));
  const cpTitles = new Map(library.choicePoints.map((cp) => [cp.id, cp.title]));
  for (const a of articles) {
    const top = a.candidates[0];
    const cp = top ? aligner.clauses.get(top.clause)?.choicePoint : undefined;
    if (!cp || top!.score < aligner.threshold * 0.5) continue;
    // A variant states what the school decided; a weak match would put another decision in its mouth.
    if (a.clause !== null && a.score < aligner.threshold + CHOICE_POINT_MARGIN) a.clause = null;
    if (a.clause === null) a.choicePointMiss = { choicePoint: cp, title: cpTitles.get(cp) ?? cp };
  }
  const settled = new Set<string>();
  for (const a of articles) {
    const cp = a.clause ? aligner.clauses.get(a.clause)?.choicePoint : undefined;
    if (cp) settled.add(cp);
  }
  alsoStates(articles, seg.sections, aligner, settled);
  const missing = library.choicePoints
    .filter((cp) => !settled.has(cp.id))
    .map((cp) => ({ choicePoint: cp.id, title: cp.title }));
  return {
    sections: seg.sections,
    articles,
    nonNormative: [...chrome, ...seg.nonNormative],
    values: findValues(text, articles, aligner, [...chrome, ...seg.nonNormative]),
    missing,
  };
}

/** A sentence needs this many words to count as a rule of its own for {@link alsoStates}. */
const ALSO_MIN_WORDS = 5;

/**
 * Finds, for each aligned article of several sentences, the other clauses it also states (issue 12: "one rule may
 * align to several clauses"), and sets {@link ImportedArticle.also}. A sentence unit ({@link sentenceUnits}; list
 * items too) of at least {@link ALSO_MIN_WORDS} words counts when it aligns to another clause than the article's,
 * at least {@link CHOICE_POINT_MARGIN} above the threshold, better than it aligns to the article's own clause; and
 * that clause is not the alignment of any article of the text, nor a variant of a choice point the text already
 * settles (one protocol holds one variant). The article's own `clause` (and the JSON) is unchanged.
 *
 * @param articles the aligned articles (changed in place).
 * @param sections the text's sections, for the addressees in each heading.
 * @param aligner the aligner.
 * @param settled the choice points the articles settle.
 */
export function alsoStates(
  articles: ImportedArticle[],
  sections: FoundSection[],
  aligner: Aligner,
  settled: Set<string>,
): void {
  const aligned = new Set(articles.flatMap((a) => (a.clause ? [a.clause] : [])));
  const taken = new Set<string>();
  for (const a of articles) {
    if (!a.clause) continue;
    const heading = a.section >= 0 ? sections[a.section]!.title : '';
    const units = a.lines.flatMap((l) => sentenceUnits(l.replace(/^- /, '')));
    if (units.length < 2) continue;
    const found = new Map<string, number>();
    for (const unit of units) {
      if (words(unit).length < ALSO_MIN_WORDS) continue;
      const u = aligner.align(unit, heading);
      if (!u.clause || u.clause === a.clause || aligned.has(u.clause) || taken.has(u.clause)) continue;
      if (u.score < aligner.threshold + CHOICE_POINT_MARGIN) continue;
      const own = u.candidates.find((c) => c.clause === a.clause)?.score ?? 0;
      if (u.score <= own) continue;
      const cp = aligner.clauses.get(u.clause)?.choicePoint;
      if (cp && settled.has(cp)) continue;
      found.set(u.clause, Math.max(found.get(u.clause) ?? 0, u.score));
    }
    if (!found.size) continue;
    a.also = [...found].sort((x, y) => y[1] - x[1]).map(([clause, score]) => ({ clause, score }));
    for (const c of a.also) {
      taken.add(c.clause);
      const cp = aligner.clauses.get(c.clause)?.choicePoint;
      if (cp) settled.add(cp);
    }
  }
}

/**
 * The JSON that `npm run import -- <file> --format json` prints (issue 12, exactly this shape):
 * `{"articles":[{"number","text","clause","score","truncated"}],"nonNormative":[{"kind","text"}],"values":{…}}`.
 * The topics the text lacks are in `values.notInImportedText` (choice point ids).
 */
export function importJson(result: ImportResult): {
  articles: { number: string | null; text: string; clause: string | null; score: number; truncated: boolean }[];
  nonNormative: { kind: string; text: string }[];
  values: ImportValues & { notInImportedText: string[] };
} {
  return {
    articles: result.articles.map((a) => ({
      number: a.number,
      text: a.text,
      clause: a.clause,
      score: a.score,
      truncated: a.truncated,
    })),
    nonNormative: result.nonNormative.map((p) => ({ kind: p.kind, text: p.text })),
    values: { ...result.values, notInImportedText: result.missing.map((m) => m.choicePoint) },
  };
}
