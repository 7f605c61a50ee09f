import { documentArticles, type ProtocolDocument } from '../compose/document.ts';
import type { ChoicePoint, Clause } from '../schema/clause.ts';
import { SECTION_TITLES, type SectionId } from '../schema/common.ts';

/** One column of the coverage matrix: a reference model or a school's protocol. */
export interface CoverageColumn {
  /** Model id or protocol id. */
  id: string;
  /** Heading: `SCOPE (2012)`, `Basisschool De Linde`. */
  name: string;
  kind: 'model' | 'protocol';
  doc: ProtocolDocument;
}

/** One cell: whether the document covers the topic, and how (the variant's clause title, or an article count). */
export interface CoverageCell {
  covered: boolean;
  /** What the cell says: the chosen variant's title, `3 artikelen`, or `niet geregeld`. */
  text: string;
  /** The clause that settles a choice point, for a link. */
  clause?: string;
  /** Article numbers (citations for models) that cover the topic. */
  articles: string[];
}

/** One row: a choice point or a library section, with a cell per column. */
export interface CoverageRow {
  kind: 'choicePoint' | 'section';
  id: string;
  title: string;
  cells: CoverageCell[];
}

/**
 * The coverage matrix: for every choice point, which variant each document chose (or that it leaves the choice
 * open); for every section of the library, how many of each document's articles come from it. A model article
 * counts through the library clause it is mapped to.
 *
 * @param columns the documents, in the order of the columns.
 * @param choicePoints all choice points, in file order.
 * @param clauses the library, for clause titles and sections.
 * @param sections the library sections for the rows (default: every section, in {@link SECTION_TITLES} order).
 */
export function coverageMatrix(
  columns: readonly CoverageColumn[],
  choicePoints: ReadonlyMap<string, ChoicePoint>,
  clauses: ReadonlyMap<string, Pick<Clause, 'title' | 'section'>>,
  sections: readonly SectionId[] = Object.keys(SECTION_TITLES) as SectionId[],
): CoverageRow[] {
  const articles = columns.map((c) => documentArticles(c.doc));
  const cite = (a: { citation?: string; number: string }) => a.citation ?? a.number;
  const rows: CoverageRow[] = [];
  for (const [id, cp] of choicePoints) {
    rows.push({
      kind: 'choicePoint',
      id,
      title: cp.title,
      cells: articles.map((list) => {
        const hits = list.filter((a) => (a.clause ? clauses.get(a.clause) : undefined) && a.choicePoint === id);
        const first = hits[0];
        if (!first) return { covered: false, text: 'niet geregeld', articles: [] };
        return {
          covered: true,
          text: clauses.get(first.clause!)?.title ?? first.variant ?? first.clause!,
          clause: first.clause,
          articles: hits.map(cite),
        };
      }),
    });
  }
  for (const section of sections) {
    rows.push({
      kind: 'section',
      id: section,
      title: SECTION_TITLES[section],
      cells: articles.map((list) => {
        const hits = list.filter((a) => a.clause && clauses.get(a.clause)?.section === section);
        if (!hits.length) return { covered: false, text: 'niet geregeld', articles: [] };
        return {
          covered: true,
          text: `${hits.length} ${hits.length === 1 ? 'artikel' : 'artikelen'}`,
          articles: hits.map(cite),
        };
      }),
    });
  }
  return rows;
}
