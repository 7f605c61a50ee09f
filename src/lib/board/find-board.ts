import type { Board } from '../schema/board.ts';
import { boardKey } from './board-key.ts';

/**
 * The board file a school belongs to: the one whose `name` is the school's `school.board` (compared with
 * {@link boardKey}: case and extra spaces do not count). A school names its board by this text, so existing protocol
 * files and the wizard's export (which writes `school.board`) need no new field.
 *
 * @param boardText the school's `school.board`; undefined when the school names none.
 * @param boards the board files by id.
 * @returns the board's id and file, or undefined when no board file has that name.
 */
export function findBoard(
  boardText: string | undefined,
  boards: ReadonlyMap<string, Board>,
): { id: string; board: Board } | undefined {
  if (!boardText) return undefined;
  const key = boardKey(boardText);
  if (!key) return undefined;
  for (const [id, board] of boards) if (boardKey(board.name) === key) return { id, board };
  return undefined;
}
