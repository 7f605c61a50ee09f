import { z } from 'astro/zod';
import { ContactSchema, MAX_SCHOOL_NAME, SchoolDocumentSchema } from './protocol.ts';

/** The version of the board file format that this code reads. */
export const BOARD_FORMAT = 1;

/**
 * A board (bevoegd gezag: stichting, vereniging) that runs one or more schools: `content/boards/<board>.yaml`. The
 * file name (without `.yaml`) is its id and its address `/besturen/<board>/`. A school belongs to the board whose
 * `name` its `school.board` names (see `findBoard` in `src/lib/board/find-board.ts`), and inherits the values set
 * here unless it sets its own (`inheritBoard` in `src/lib/board/inherit-board.ts`).
 */
export const BoardSchema = z.strictObject({
  /** File format version; this code reads {@link BOARD_FORMAT}. Default {@link BOARD_FORMAT}. */
  format: z
    .literal(BOARD_FORMAT, {
      errorMap: () => ({ message: `is geen formaat dat deze versie kent. Schrijf \`format: ${BOARD_FORMAT}\`.` }),
    })
    .default(BOARD_FORMAT),
  /**
   * The name as printed, exactly as the schools write it in `school.board`: `Stichting Voorbeeldscholen Utrecht`.
   * At most {@link MAX_SCHOOL_NAME} characters.
   */
  name: z.string().trim().min(1).max(MAX_SCHOOL_NAME),
  /**
   * How a sentence refers to the board: `de stichting Voorbeeldscholen Utrecht`. A school without its own
   * `boardInText` uses this one (`{{school.boardInText}}`). Default: `name`.
   */
  boardInText: z.string().trim().min(1).optional(),
  /** Where the board's own site is, shown on its page: an `http://` or `https://` address. */
  url: SchoolDocumentSchema.shape.url,
  /**
   * The board's people and desks that every school shares: the board's vertrouwenspersoon, the privacy officer
   * (functionaris gegevensbescherming, FG). A school contact with the same `role` replaces the board's.
   */
  contacts: z.array(ContactSchema).default([]),
  /** The board's documents (klachtenregeling, privacyreglement); each school's own documents are added to them. */
  documents: z.array(SchoolDocumentSchema).default([]),
});
/** A board file as parsed (defaults filled in). */
export type Board = z.output<typeof BoardSchema>;
/** A board file as written. */
export type BoardInput = z.input<typeof BoardSchema>;
