import type { ProtocolDocument } from '../compose/document.ts';
import { coverageMatrix, type CoverageCell } from '../coverage/coverage.ts';
import type { ChoicePoint, Clause } from '../schema/clause.ts';

/** One row of a board's comparison: a choice point, each school's choice, and whether they all chose the same. */
export interface SchoolComparisonRow {
  /** The choice point's id (`phones-at-school`). */
  id: string;
  /** Its Dutch title (`Telefoons op school`). */
  title: string;
  /** One cell per school, in the order given: the chosen variant's clause title, or `niet geregeld`. */
  cells: CoverageCell[];
  /** True when every school made the same choice (the same clause, or all leave it open). */
  same: boolean;
}

/**
 * The comparison across a board's schools (choice point × school): for every choice point, the variant each
 * school chose, in the words of the clause's Dutch title (the same cells as the coverage matrix, `/dekking/`), and
 * whether the schools agree. Choice points that no school settles are left out, so the table shows only what the
 * schools decided.
 *
 * @param schools each school's document, in column order (`name` is not used here; it is the page's heading).
 * @param choicePoints all choice points, in file order.
 * @param clauses the library, for the variants' titles.
 * @returns one row per choice point that at least one school settles, in file order.
 */
export function compareSchools(
  schools: readonly { id: string; name: string; doc: ProtocolDocument }[],
  choicePoints: ReadonlyMap<string, ChoicePoint>,
  clauses: ReadonlyMap<string, Pick<Clause, 'title' | 'section'>>,
): SchoolComparisonRow[] {
  const columns = schools.map((s) => ({ id: s.id, name: s.name, kind: 'protocol' as const, doc: s.doc }));
  return coverageMatrix(columns, choicePoints, clauses, [])
    .filter((row) => row.cells.some((c) => c.covered))
    .map((row) => ({
      id: row.id,
      title: row.title,
      cells: row.cells,
      same: row.cells.every((c) => c.covered === row.cells[0]!.covered && c.clause === row.cells[0]!.clause),
    }));
}
