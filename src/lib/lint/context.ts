import type { BoardInheritance } from '../board/inherit-board.ts';
import type { DocArticle, Library, ProtocolDocument } from '../compose/document.ts';
import { documentArticles } from '../compose/document.ts';
import type { Clause } from '../schema/clause.ts';
import type { Sector } from '../schema/common.ts';
import type { Protocol } from '../schema/protocol.ts';
import type { ForeignName } from './foreign-names.ts';

/** What the review needs: the protocol as written, as composed, the library and the models' names. */
export interface ReviewInput {
  /** The protocol file's data, validated (`parseProtocol`, or the wizard's evaluation). */
  protocol: Protocol;
  /** The composed document (`composeProtocol`). */
  doc: ProtocolDocument;
  library: Library;
  /** From {@link deriveForeignNames} over the reference models. */
  foreignNames: readonly ForeignName[];
  /**
   * Which of `protocol`'s contacts and documents come from the school's board (`withBoard`, when `protocol` is the
   * effective one): a finding in one of those points at the board file, not at a place past the end of the school's
   * own list. Default: none (every contact is the school's own).
   */
  inherited?: BoardInheritance;
}

/** One article as the rules see it: the composed article, its clause and where it sits in the file. */
export interface ReviewArticle {
  article: DocArticle;
  clause?: Clause;
  /** `sections.<i>.articles.<j>` in the protocol file. */
  field: string;
  /** How a reader finds it: `artikel 3.2 ("Titel")`. */
  label: string;
}

/** Everything the rules read, built once per review. */
export interface ReviewContext extends ReviewInput {
  sector: Sector;
  articles: ReviewArticle[];
  /** Clause ids in the protocol. */
  clauseIds: Set<string>;
  /** The article at each choice point, by choice point id (all of them, in order). */
  byChoicePoint: Map<string, ReviewArticle[]>;
}

/**
 * Builds the {@link ReviewContext}: each article of the document with its clause and its place in the file.
 * Articles are matched to the file by key (clause id or `custom/<slug>`), so numbering does not matter.
 */
export function reviewContext(input: ReviewInput): ReviewContext {
  const fieldOf = new Map<string, string>();
  input.protocol.sections.forEach((s, si) =>
    s.articles.forEach((a, ai) =>
      fieldOf.set('custom' in a ? `custom/${a.custom}` : a.clause, `sections.${si}.articles.${ai}`),
    ),
  );
  const articles: ReviewArticle[] = documentArticles(input.doc).map((article) => ({
    article,
    clause: article.clause ? input.library.clauses.get(article.clause) : undefined,
    field: fieldOf.get(article.key) ?? '',
    label: `artikel ${article.number} (“${article.title}”)`,
  }));
  const byChoicePoint = new Map<string, ReviewArticle[]>();
  for (const a of articles) {
    const cp = a.clause?.choicePoint;
    if (cp) byChoicePoint.set(cp, [...(byChoicePoint.get(cp) ?? []), a]);
  }
  return {
    ...input,
    sector: input.protocol.school.sector,
    articles,
    clauseIds: new Set(articles.flatMap((a) => (a.clause ? [a.clause.id] : []))),
    byChoicePoint,
  };
}

/** The article's text with its title, for text rules. */
export function articleText(a: ReviewArticle): string {
  return `${a.article.title}\n${a.article.text}`;
}
