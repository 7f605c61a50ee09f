import fs from 'node:fs';
import path from 'node:path';
import { ContentError, type Problem } from '../lib/errors/content-error.ts';
import { duplicateBoardProblems, parseBoard, type ParsedBoard } from '../lib/board/parse-board.ts';
import type { Board } from '../lib/schema/board.ts';
import { readContentFile } from './load-content.ts';
import { contentDir, rel } from './paths.ts';

/**
 * Loads every board file `content/boards/*.yaml` ({@link parseBoard}), sorted by file name, and checks that no two
 * name the same board ({@link duplicateBoardProblems}). Problems are added to `problems`, so every file is reported
 * at once; a bad file is left out.
 *
 * @returns the board files by id ([] when the folder does not exist: boards are optional).
 */
export function loadBoards(problems: Problem[]): Map<string, ParsedBoard> {
  const dir = path.join(contentDir(), 'boards');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  const parsed: ParsedBoard[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    try {
      parsed.push(parseBoard(readContentFile(file), rel(file)));
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  const duplicates = duplicateBoardProblems(parsed);
  problems.push(...duplicates);
  const dropped = new Set(duplicates.map((p) => p.file));
  return new Map(parsed.filter((b) => !dropped.has(b.file)).map((b) => [b.id, b]));
}

/**
 * The board files by id, for the command-line tools (`npm run diff`, `npm run review`, `npm run render`), so they
 * read a school as the site shows it.
 *
 * @throws ContentError with every problem in every board file.
 */
export function boardFiles(): Map<string, Board> {
  const problems: Problem[] = [];
  const boards = loadBoards(problems);
  if (problems.length) throw new ContentError(problems);
  return new Map([...boards].map(([id, b]) => [id, b.board]));
}
