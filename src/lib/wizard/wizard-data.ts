import type { Library, ProtocolDocument } from '../compose/document.ts';
import type { Board } from '../schema/board.ts';
import type { ChoicePoint, Clause } from '../schema/clause.ts';
import type { Sector } from '../schema/common.ts';
import type { ProtocolInput } from '../schema/protocol.ts';

/** One starting point the wizard offers: a reference model's rebuilt composition, or a sector default. */
export interface StartingPoint {
  /** `model:<model-id>` or `sector:<po|vo|mbo|so>`. */
  id: string;
  /** Short name on the choice: `Mill Hill College (2023)`. */
  name: string;
  /** One sentence: organisation, year, sector. */
  description: string;
  /**
   * For a model: its rebuild from the library (`modelToProtocol`, validated at build time), which
   * `startProtocol` (src/lib/wizard/start.ts) makes the school's own; for a sector: its default composition.
   */
  protocol: ProtocolInput;
  /** For a model: the words that identify its organisation (`organisationTerms`), kept out of a school's start. */
  terms?: string[];
}

/** A reference model as the wizard needs it: who made it, and its document (to diff against). */
export interface WizardModel {
  id: string;
  organisation: string;
  /** The year as printed, e.g. `2023`. */
  year: string;
  sectors: Sector[];
  doc: ProtocolDocument;
}

/** A board file (`content/boards/<id>.yaml`, parsed) as the wizard gets it: its id and its values. */
export type WizardBoard = Board & { id: string };

/**
 * Everything the wizard page loads, serialised to JSON at build time (`/samenstellen/bibliotheek.json`):
 * the clause library, the choice points, the reference models, the starting points and the boards.
 */
export interface WizardData {
  clauses: Clause[];
  choicePoints: ChoicePoint[];
  models: WizardModel[];
  starts: StartingPoint[];
  /**
   * The board files: a school whose `school.board` names one inherits its contacts, documents and `boardInText`
   * (`withBoard`, as the build does; issue 15). Absent in data from before boards: none.
   */
  boards?: WizardBoard[];
}

/** The boards of the wizard's data by id, as `withBoard` takes them (empty when the data has none). */
export function boardsFromData(data: Pick<WizardData, 'boards'>): Map<string, Board> {
  return new Map((data.boards ?? []).map(({ id, ...board }) => [id, board]));
}

/** Rebuilds the {@link Library} maps from the serialised {@link WizardData}. */
export function libraryFromData(data: Pick<WizardData, 'clauses' | 'choicePoints'>): Library {
  return {
    clauses: new Map(data.clauses.map((c) => [c.id, c])),
    choicePoints: new Map(data.choicePoints.map((c) => [c.id, c])),
  };
}
