import { ContentError, type Problem } from '../errors/content-error.ts';
import { parseYamlLocated, zodProblems } from '../yaml/parse-yaml.ts';
import { BoardSchema, type Board } from '../schema/board.ts';
import { boardKey, boardSlug } from './board-key.ts';

/** A board file as read: its id, its file, the parsed board and the line of its `name` (for messages). */
export interface ParsedBoard {
  /** The file name without `.yaml`: the board's id and address `/besturen/<id>/`. */
  id: string;
  /** Path shown in messages, e.g. `content/boards/voorbeeldscholen-utrecht.yaml`. */
  file: string;
  board: Board;
  /** 1-based line of `name`, when known. */
  nameLine?: number;
}

/** Lower-case words with hyphens: the id a board file's name must be, as it becomes an address. */
const BOARD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads one board file (`content/boards/<id>.yaml`): YAML, then {@link BoardSchema} (unknown fields refused), then
 * two checks of its own. Runs in Node and in the browser. Rule ids: `yaml-syntax`, `unknown-field`, `missing-field`,
 * `invalid-value` (from the schema), `not-a-board` (the file holds no fields), `file-name` (the id cannot be an
 * address), `duplicate-role` (two contacts with the same role: a school's contact could not say which it replaces).
 *
 * @param text the file's contents.
 * @param file path shown in messages; its base name without `.yaml` is the id.
 * @throws ContentError listing every problem with file, line and field; nothing is returned from a bad file.
 */
export function parseBoard(text: string, file: string): ParsedBoard {
  const id = (file.split('/').at(-1) ?? file).replace(/\.yaml$/, '');
  if (!BOARD_ID.test(id)) {
    throw new ContentError([
      {
        rule: 'file-name',
        file,
        message: `de bestandsnaam \`${id}.yaml\` kan geen adres zijn: de naam wordt /besturen/<naam>/. Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld \`${boardSlug(id)}.yaml\`.`,
      },
    ]);
  }
  const located = parseYamlLocated(text, file);
  if (!located.value || typeof located.value !== 'object' || Array.isArray(located.value)) {
    throw new ContentError([
      {
        rule: 'not-a-board',
        file,
        line: 1,
        message:
          'dit is geen bestuursbestand: het moet velden bevatten (`name:`, en eventueel `boardInText:`, `contacts:`, `documents:`). Kopieer content/boards/voorbeeldscholen-utrecht.yaml als voorbeeld.',
      },
    ]);
  }
  const result = BoardSchema.safeParse(located.value);
  if (!result.success) throw new ContentError(zodProblems(result.error, located, file));
  const board = result.data;
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  board.contacts.forEach((c, i) => {
    const key = boardKey(c.role);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      problems.push({
        rule: 'duplicate-role',
        file,
        line: located.lineOf(['contacts', i, 'role']),
        field: `contacts.${i}.role`,
        message: `de rol \`${c.role}\` staat er al bij contacts.${first}. Een school vervangt een contactpersoon van het bestuur op zijn rol, dus elke rol mag maar één keer voorkomen. Geef de rollen verschillende namen, bijvoorbeeld \`vertrouwenspersoon leerlingen\` en \`vertrouwenspersoon medewerkers\`.`,
      });
    }
  });
  if (problems.length) throw new ContentError(problems);
  return { id, file, board, nameLine: located.lineOf(['name']) };
}

/**
 * Problems across board files (rule `duplicate-board`): two files with the same `name` (compared with
 * {@link boardKey}), so a school that names it could belong to either. Each problem names the other file in `related`.
 *
 * @param boards every board file as read, in file order.
 * @returns one problem per later file with a name an earlier file already has; [] when all names differ.
 */
export function duplicateBoardProblems(boards: readonly ParsedBoard[]): Problem[] {
  const first = new Map<string, ParsedBoard>();
  const problems: Problem[] = [];
  for (const b of boards) {
    const key = boardKey(b.board.name);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, b);
      continue;
    }
    problems.push({
      rule: 'duplicate-board',
      file: b.file,
      line: b.nameLine,
      field: 'name',
      message: `het bestuur \`${b.board.name}\` heeft al een bestand: ${earlier.file}. Een school hoort bij het bestuur met haar \`school.board\` als naam, dus elke naam mag maar in één bestand staan. Voeg de twee bestanden samen.`,
      related: [{ file: earlier.file, line: earlier.nameLine, field: 'name' }],
    });
  }
  return problems;
}
