import type { Board } from '../schema/board.ts';
import { boardKey, boardSlug } from './board-key.ts';
import { findBoard } from './find-board.ts';

/** A school as grouping needs it: its protocol id and the board it names. */
export interface SchoolRef {
  /** The protocol's id (`content/protocols/<id>.yaml`). */
  id: string;
  /** The school's `school.board`, as written; undefined when it names none. */
  board?: string;
}

/** One board with its schools: from a board file, or only from the name its schools write. */
export interface BoardGroup {
  /** The address `/besturen/<id>/`: the board file's id, or a slug of the name ({@link boardSlug}) without one. */
  id: string;
  /** The name as printed: the board file's `name`, or the first school's `school.board` text. */
  name: string;
  /** True when the board has a file in `content/boards/`. */
  hasFile: boolean;
  /** The protocol ids of its schools, in the order given. */
  schools: string[];
}

/**
 * Groups schools by board for `/protocollen/` and `/besturen/`. A school whose `school.board` names a board file
 * ({@link findBoard}) joins that board; a school that names a board without a file is grouped with the others that
 * write the same name (compared with {@link boardKey}); a board file without schools still gets its group, and so
 * does a board with one school. Groups are sorted by name (Dutch order); a slug that is already taken (by a board
 * file or by another name) gets `-2`, `-3`, … .
 *
 * @param schools the schools, in the order their groups should list them.
 * @param boards the board files by id.
 * @returns the groups, and the ids of the schools that name no board.
 */
export function groupByBoard(
  schools: readonly SchoolRef[],
  boards: ReadonlyMap<string, Board>,
): { groups: BoardGroup[]; withoutBoard: string[] } {
  const byKey = new Map<string, BoardGroup>();
  for (const [id, board] of boards)
    byKey.set(boardKey(board.name), { id, name: board.name, hasFile: true, schools: [] });
  const taken = new Set(boards.keys());
  const withoutBoard: string[] = [];
  for (const school of schools) {
    const key = school.board ? boardKey(school.board) : '';
    if (!key) {
      withoutBoard.push(school.id);
      continue;
    }
    const file = findBoard(school.board, boards);
    let group = byKey.get(file ? boardKey(file.board.name) : key);
    if (!group) {
      const base = boardSlug(school.board!);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      group = { id, name: school.board!.replace(/\s+/g, ' ').trim(), hasFile: false, schools: [] };
      byKey.set(key, group);
    }
    group.schools.push(school.id);
  }
  const groups = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { groups, withoutBoard };
}
