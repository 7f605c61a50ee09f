import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { boardKey, boardSlug } from '../../src/lib/board/board-key.ts';
import { compareSchools } from '../../src/lib/board/compare-schools.ts';
import { findBoard } from '../../src/lib/board/find-board.ts';
import { groupByBoard } from '../../src/lib/board/group-by-board.ts';
import { inheritBoard, withBoard } from '../../src/lib/board/inherit-board.ts';
import { duplicateBoardProblems, parseBoard } from '../../src/lib/board/parse-board.ts';
import type { ProtocolDocument } from '../../src/lib/compose/document.ts';
import { ContentError, type Problem } from '../../src/lib/errors/content-error.ts';
import { BoardSchema, type Board } from '../../src/lib/schema/board.ts';
import { ProtocolSchema, SchoolSchema, type School } from '../../src/lib/schema/protocol.ts';
import { loadBoards } from '../../src/node/load-boards.ts';
import { ROOT } from '../../src/node/paths.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/boards');

/** The problems a bad board file gives, or [] when it parses. */
function problemsOf(text: string, file: string): Problem[] {
  try {
    parseBoard(text, file);
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
}

function fixture(name: string): { text: string; file: string } {
  const file = `tests/fixtures/boards/bad/${name}.yaml`;
  return { text: fs.readFileSync(path.join(ROOT, file), 'utf8'), file };
}

const BOARD: Board = BoardSchema.parse({
  name: 'Stichting Kompasscholen',
  boardInText: 'de stichting Kompasscholen',
  contacts: [
    { role: 'vertrouwenspersoon', email: 'vp@kompas.example.nl', reporting: true },
    { role: 'functionaris gegevensbescherming', email: 'fg@kompas.example.nl' },
  ],
  documents: [{ title: 'Klachtenregeling' }, { title: 'Privacyreglement' }],
});

function school(extra: Partial<School> = {}): School {
  return SchoolSchema.parse({
    name: 'Het Kompas',
    board: 'Stichting Kompasscholen',
    sector: 'po',
    contacts: [{ role: 'groepsleerkracht', reporting: true }],
    documents: [{ title: 'Anti-pestprotocol' }],
    ...extra,
  });
}

describe('parseBoard', () => {
  test('reads a board file with its defaults, its id from the file name', () => {
    const file = 'tests/fixtures/boards/valid/boards/stichting-kompas.yaml';
    const parsed = parseBoard(fs.readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(parsed.id).toBe('stichting-kompas');
    expect(parsed.nameLine).toBe(2);
    expect(parsed.board.format).toBe(1);
    expect(parsed.board.contacts.map((c) => [c.role, c.reporting])).toEqual([
      ['vertrouwenspersoon', true],
      ['functionaris gegevensbescherming', false],
    ]);
  });

  test('refuses an unknown field with file, line, field, rule and a Dutch fix', () => {
    const { text, file } = fixture('unknown-field');
    expect(problemsOf(text, file)).toEqual([
      {
        rule: 'unknown-field',
        file,
        line: 4,
        field: 'contacts.0.mail',
        message: 'onbekend veld `mail`. Controleer de spelling of verwijder het.',
      },
    ]);
  });

  test('reports a missing name and a document address that is no web address, each at its line', () => {
    const { text, file } = fixture('no-name');
    const problems = problemsOf(text, file);
    expect(problems.map((p) => [p.rule, p.line, p.field])).toEqual([
      ['missing-field', 1, 'name'],
      ['invalid-value', 4, 'documents.0.url'],
    ]);
    expect(problems[0]!.message).toBe('ontbreekt. Vul dit veld in (verwacht: tekst).');
    expect(problems[1]!.message).toContain('geen geldig webadres');
  });

  test('refuses two contacts with the same role (capitals aside), pointing at the second', () => {
    const { text, file } = fixture('duplicate-role');
    const problems = problemsOf(text, file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'duplicate-role', file, line: 4, field: 'contacts.1.role' });
    expect(problems[0]!.message).toMatch(/^de rol `Vertrouwenspersoon` staat er al bij contacts\.0\./);
  });

  test('refuses a file that is no board, a file name that cannot be an address, and another format', () => {
    expect(problemsOf('- a\n- b\n', 'content/boards/lijst.yaml').map((p) => p.rule)).toEqual(['not-a-board']);
    expect(problemsOf('name: X\n', 'content/boards/Stichting X.yaml')).toEqual([
      {
        rule: 'file-name',
        file: 'content/boards/Stichting X.yaml',
        message:
          'de bestandsnaam `Stichting X.yaml` kan geen adres zijn: de naam wordt /besturen/<naam>/. Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld `stichting-x.yaml`.',
      },
    ]);
    expect(problemsOf('format: 2\nname: X\n', 'content/boards/x.yaml')).toEqual([
      {
        rule: 'invalid-value',
        file: 'content/boards/x.yaml',
        line: 1,
        field: 'format',
        message: 'is geen formaat dat deze versie kent. Schrijf `format: 1`.',
      },
    ]);
  });
});

describe('duplicateBoardProblems', () => {
  test('names the second file that gives a board name already taken, with the first as related place', () => {
    const a = parseBoard('name: Stichting Kompasscholen\n', 'content/boards/a.yaml');
    const b = parseBoard('# comment\nname: stichting  kompasscholen\n', 'content/boards/b.yaml');
    const c = parseBoard('name: Stichting Anders\n', 'content/boards/c.yaml');
    expect(duplicateBoardProblems([a, b, c])).toEqual([
      expect.objectContaining({
        rule: 'duplicate-board',
        file: 'content/boards/b.yaml',
        line: 2,
        field: 'name',
        related: [{ file: 'content/boards/a.yaml', line: 1, field: 'name' }],
      }),
    ]);
  });
});

describe('loadBoards', () => {
  const before = process.env.PROTOCOLWIJZER_CONTENT;
  afterEach(() => {
    if (before === undefined) delete process.env.PROTOCOLWIJZER_CONTENT;
    else process.env.PROTOCOLWIJZER_CONTENT = before;
  });

  test('loads every board file of the content folder by id', () => {
    process.env.PROTOCOLWIJZER_CONTENT = path.join(FIXTURES, 'valid');
    const problems: Problem[] = [];
    expect([...loadBoards(problems).keys()]).toEqual(['stichting-kompas']);
    expect(problems).toEqual([]);
  });

  test('reports two files naming the same board and keeps only the first', () => {
    process.env.PROTOCOLWIJZER_CONTENT = path.join(FIXTURES, 'duplicate-name');
    const problems: Problem[] = [];
    expect([...loadBoards(problems).keys()]).toEqual(['a-kompas']);
    expect(problems.map((p) => [p.rule, p.file])).toEqual([
      ['duplicate-board', 'tests/fixtures/boards/duplicate-name/boards/b-kompas.yaml'],
    ]);
  });

  test('a content folder without boards has none, and no problem', () => {
    process.env.PROTOCOLWIJZER_CONTENT = path.join(FIXTURES, 'bad');
    const problems: Problem[] = [];
    expect(loadBoards(problems).size).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('inheritBoard', () => {
  test("fills in the board's boardInText, contacts and documents after the school's own, and says which", () => {
    const { school: effective, inherited } = inheritBoard(school(), BOARD, 'stichting-kompas');
    expect(effective.boardInText).toBe('de stichting Kompasscholen');
    expect(effective.contacts.map((c) => c.role)).toEqual([
      'groepsleerkracht',
      'vertrouwenspersoon',
      'functionaris gegevensbescherming',
    ]);
    expect(effective.documents.map((d) => d.title)).toEqual([
      'Anti-pestprotocol',
      'Klachtenregeling',
      'Privacyreglement',
    ]);
    expect(inherited).toEqual({
      boardId: 'stichting-kompas',
      boardInText: true,
      contacts: [1, 2],
      documents: [1, 2],
      boardContacts: [0, 1],
      boardDocuments: [0, 1],
    });
  });

  test("a school contact with the same role replaces the board's, capitals and spaces aside", () => {
    const own = { role: 'Vertrouwenspersoon ', name: 'Eigen Persoon', reporting: true };
    const { school: effective, inherited } = inheritBoard(school({ contacts: [own] }), BOARD, 'b');
    expect(effective.contacts).toEqual([
      own,
      { role: 'functionaris gegevensbescherming', email: 'fg@kompas.example.nl', reporting: false },
    ]);
    expect(inherited.contacts).toEqual([1]);
    // The kept contact is the board file's second one.
    expect(inherited.boardContacts).toEqual([1]);
  });

  test("a school document with the same title replaces the board's; the school's own boardInText wins", () => {
    const { school: effective, inherited } = inheritBoard(
      school({
        boardInText: 'ons bestuur',
        documents: [{ title: 'privacyreglement', url: 'https://school.example.nl/p' }],
      }),
      BOARD,
      'b',
    );
    expect(effective.boardInText).toBe('ons bestuur');
    expect(effective.documents.map((d) => d.title)).toEqual(['privacyreglement', 'Klachtenregeling']);
    expect(inherited).toMatchObject({ boardInText: false, documents: [1], boardDocuments: [0] });
  });

  test("prints the board's name as the board file writes it, and changes neither input", () => {
    const given = school({ board: 'stichting kompasscholen' });
    const copy = structuredClone(given);
    const boardCopy = structuredClone(BOARD);
    expect(inheritBoard(given, BOARD, 'b').school.board).toBe('Stichting Kompasscholen');
    expect(given).toEqual(copy);
    expect(BOARD).toEqual(boardCopy);
  });
});

describe('withBoard and findBoard', () => {
  const boards = new Map([['stichting-kompas', BOARD]]);
  const protocol = (board?: string) =>
    ProtocolSchema.parse({
      format: 1,
      school: { name: 'Het Kompas', sector: 'po', ...(board ? { board } : {}) },
      version: '1.0',
      startsFrom: 'x',
      sections: [{ title: 'A', articles: [{ clause: 'a/b' }] }],
    });

  test('a school naming a board without a file, or none, stays as it is', () => {
    for (const p of [protocol('Stichting Elders'), protocol()]) {
      const out = withBoard(p, boards);
      expect(out.protocol).toBe(p);
      expect(out.inherited).toBeUndefined();
    }
  });

  test('a school naming the board file (case and spaces aside) inherits from it', () => {
    const out = withBoard(protocol(' stichting   KOMPASSCHOLEN'), boards);
    expect(out.inherited?.boardId).toBe('stichting-kompas');
    expect(out.protocol.school.contacts.map((c) => c.role)).toEqual([
      'vertrouwenspersoon',
      'functionaris gegevensbescherming',
    ]);
    expect(findBoard('Stichting Kompas', boards)).toBeUndefined();
    expect(findBoard('   ', boards)).toBeUndefined();
  });
});

describe('boardKey and boardSlug', () => {
  test('match names without case and extra spaces, and make an address of a name', () => {
    expect(boardKey('  Stichting\tKompas  Scholen ')).toBe('stichting kompas scholen');
    expect(boardSlug('Vereniging OMO')).toBe('vereniging-omo');
    expect(boardSlug('Stichting Ëlan & Co.')).toBe('stichting-elan-co');
    expect(boardSlug('!!!')).toBe('bestuur');
  });
});

describe('groupByBoard', () => {
  test('groups schools under their board file, under the name they write without one, and keeps the rest apart', () => {
    const boards = new Map<string, Board>([
      ['stichting-kompas', BOARD],
      ['lege-stichting', BoardSchema.parse({ name: 'Lege Stichting' })],
    ]);
    const { groups, withoutBoard } = groupByBoard(
      [
        { id: 'kompas', board: 'Stichting Kompasscholen' },
        { id: 'omo-school', board: 'Vereniging OMO' },
        { id: 'losse-school' },
        { id: 'kompas-2', board: 'stichting kompasscholen' },
        { id: 'omo-2', board: 'vereniging  omo' },
        { id: 'leeg', board: '' },
      ],
      boards,
    );
    expect(groups).toEqual([
      { id: 'lege-stichting', name: 'Lege Stichting', hasFile: true, schools: [] },
      { id: 'stichting-kompas', name: 'Stichting Kompasscholen', hasFile: true, schools: ['kompas', 'kompas-2'] },
      { id: 'vereniging-omo', name: 'Vereniging OMO', hasFile: false, schools: ['omo-school', 'omo-2'] },
    ]);
    expect(withoutBoard).toEqual(['losse-school', 'leeg']);
  });

  test('a board with one school gets its group; a slug already taken gets a number', () => {
    const boards = new Map<string, Board>([['stichting-a', BoardSchema.parse({ name: 'Stichting B' })]]);
    const { groups } = groupByBoard(
      [
        { id: 's1', board: 'Stichting A' },
        { id: 's2', board: 'Stichting A.' },
      ],
      boards,
    );
    expect(groups.map((g) => [g.id, g.name, g.schools])).toEqual([
      ['stichting-a-2', 'Stichting A', ['s1']],
      ['stichting-a-3', 'Stichting A.', ['s2']],
      ['stichting-a', 'Stichting B', []],
    ]);
  });
});

describe('compareSchools', () => {
  /** A document whose articles settle the given choice points with the given clauses. */
  const doc = (choices: Record<string, string>): ProtocolDocument =>
    ({
      kind: 'protocol',
      sections: [
        {
          items: Object.entries(choices).map(([choicePoint, clause], i) => ({
            article: {
              key: clause,
              clause,
              number: `1.${i + 1}`,
              choicePoint,
              audiences: ['everyone'],
              title: '',
              text: '',
              anchor: clause,
              numberAdded: false,
              origin: 'library',
            },
          })),
        },
      ],
    }) as unknown as ProtocolDocument;
  const choicePoints = new Map([
    ['phones', { id: 'phones', title: 'Telefoons op school', question: '?' }],
    ['images', { id: 'images', title: "Foto's en filmpjes", question: '?' }],
    ['nobody', { id: 'nobody', title: 'Door niemand geregeld', question: '?' }],
  ]);
  const clauses = new Map([
    ['devices/in-tas', { title: 'Telefoon in de tas', section: 'devices' as const }],
    ['devices/nee-tenzij', { title: 'Telefoons: nee, tenzij', section: 'devices' as const }],
    ['all-users/opt-in', { title: 'Eerst schriftelijke toestemming', section: 'all-users' as const }],
  ]);

  test("gives each school's variant in words, says where schools differ, and leaves out what no school settles", () => {
    const rows = compareSchools(
      [
        { id: 'a', name: 'A', doc: doc({ phones: 'devices/in-tas', images: 'all-users/opt-in' }) },
        { id: 'b', name: 'B', doc: doc({ phones: 'devices/nee-tenzij', images: 'all-users/opt-in' }) },
        { id: 'c', name: 'C', doc: doc({ images: 'all-users/opt-in' }) },
      ],
      choicePoints as never,
      clauses,
    );
    expect(rows.map((r) => [r.id, r.same, r.cells.map((c) => c.text)])).toEqual([
      ['phones', false, ['Telefoon in de tas', 'Telefoons: nee, tenzij', 'niet geregeld']],
      [
        'images',
        true,
        ['Eerst schriftelijke toestemming', 'Eerst schriftelijke toestemming', 'Eerst schriftelijke toestemming'],
      ],
    ]);
  });
});
