import type { Board } from '../schema/board.ts';
import type { Contact, Protocol, School, SchoolDocument } from '../schema/protocol.ts';
import { findBoard } from './find-board.ts';

/** The form of a contact's role or a document's title used to tell whether a school's item replaces a board's one. */
function itemKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
}

/**
 * Which of a school's effective values came from its board, so a page can say "via het bestuur". Indices point into
 * the effective school's `contacts` and `documents` (plain numbers, so the build's JSON snapshot keeps them).
 */
export interface BoardInheritance {
  /** The board file's id (`content/boards/<id>.yaml`), its address `/besturen/<id>/`. */
  boardId: string;
  /** True when `boardInText` is the board's (the school set none of its own). */
  boardInText: boolean;
  /** Positions in the effective `contacts` of the board's contacts that the school did not replace. */
  contacts: number[];
  /** Positions in the effective `documents` of the board's documents that the school did not replace. */
  documents: number[];
  /**
   * For each entry of `contacts`, in the same order: its position in the board file's `contacts`, so a problem in an
   * inherited contact can point at the board file (`content/boards/<boardId>.yaml`, `contacts.<k>.email`).
   */
  boardContacts: number[];
  /** For each entry of `documents`, in the same order: its position in the board file's `documents`. */
  boardDocuments: number[];
}

/**
 * The path of a board file relative to the project root, as problems and messages name it:
 * `content/boards/<boardId>.yaml`.
 *
 * @param boardId the board file's id (`BoardInheritance.boardId`).
 */
export function boardFilePath(boardId: string): string {
  return `content/boards/${boardId}.yaml`;
}

/**
 * What an output needs to mark a school's inherited contacts and documents "(via het bestuur)": the positions in the
 * effective `contacts` and `documents` (a {@link BoardInheritance} does). Used by the print cover, the Word file and
 * the family page, so each marks what `withBoard` found and none works it out again.
 */
export type BoardMarks = Pick<BoardInheritance, 'contacts' | 'documents'>;

/**
 * The school block as it applies, with its board's shared values filled in (issue 15, "A board on the site"):
 *
 * - `board`: the board file's `name` (the school's text named the same board, perhaps spelled with other capitals).
 * - `boardInText`: the school's own when it sets one, else the board's, else unset (then `{{school.boardInText}}`
 *   reads as `board`).
 * - `contacts`: the school's own first, in its order, then each board contact whose `role` no school contact has
 *   (roles compared without case and extra spaces): a school contact with the same role replaces the board's.
 * - `documents`: the school's own first, then each board document whose `title` no school document has: the
 *   school's documents are added to the board's, and one with the same title replaces it.
 *
 * Every other field is the school's. Pure: neither input is changed.
 *
 * @param school the school block as parsed (`ProtocolSchema`'s output).
 * @param board the board file as parsed (`BoardSchema`'s output).
 * @param boardId the board file's id, recorded in the result's `inherited`.
 * @returns the effective school and which of its values came from the board.
 */
export function inheritBoard(
  school: School,
  board: Board,
  boardId: string,
): { school: School; inherited: BoardInheritance } {
  const ownRoles = new Set(school.contacts.map((c) => itemKey(c.role)));
  const ownTitles = new Set(school.documents.map((d) => itemKey(d.title)));
  // Positions in the board file of the items the school did not replace.
  const keptContacts = board.contacts.flatMap((c, k) => (ownRoles.has(itemKey(c.role)) ? [] : [k]));
  const keptDocuments = board.documents.flatMap((d, k) => (ownTitles.has(itemKey(d.title)) ? [] : [k]));
  const boardContacts: Contact[] = keptContacts.map((k) => ({ ...board.contacts[k]! }));
  const boardDocuments: SchoolDocument[] = keptDocuments.map((k) => ({ ...board.documents[k]! }));
  const boardInText = !school.boardInText && board.boardInText !== undefined;
  const effective: School = {
    ...school,
    board: board.name,
    ...(school.boardInText ? {} : board.boardInText ? { boardInText: board.boardInText } : {}),
    contacts: [...school.contacts, ...boardContacts],
    documents: [...school.documents, ...boardDocuments],
  };
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  return {
    school: effective,
    inherited: {
      boardId,
      boardInText,
      contacts: range(school.contacts.length, boardContacts.length),
      documents: range(school.documents.length, boardDocuments.length),
      boardContacts: keptContacts,
      boardDocuments: keptDocuments,
    },
  };
}

/**
 * The protocol with its board's values filled in ({@link inheritBoard}) when `school.board` names a board file
 * ({@link findBoard}); the same object, without `inherited`, when it names none.
 *
 * @param protocol a parsed protocol file (any version).
 * @param boards the board files by id.
 */
export function withBoard(
  protocol: Protocol,
  boards: ReadonlyMap<string, Board>,
): { protocol: Protocol; inherited?: BoardInheritance } {
  const found = findBoard(protocol.school.board, boards);
  if (!found) return { protocol };
  const { school, inherited } = inheritBoard(protocol.school, found.board, found.id);
  return { protocol: { ...protocol, school }, inherited };
}
