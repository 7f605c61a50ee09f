import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderWordsText } from '../../src/lib/render/render-terminal.ts';
import { ROOT } from '../../src/node/paths.ts';

/** Runs `scripts/diff.ts` as `npm run diff` does, without a terminal (stdout is a pipe). */
function runDiff(...args: string[]) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/diff.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('renderWordsText', () => {
  const words = [
    { op: 'same', text: 'gaat in gesprek als ' },
    { op: 'del', text: 'daar ' },
    { op: 'ins', text: 'hiervoor ' },
    { op: 'same', text: 'aanleiding is.' },
  ] as const;

  test('marks deletions [-…-] and insertions {+…+} in plain text, keeping the spaces outside the marks', () => {
    expect(renderWordsText(words)).toBe('gaat in gesprek als [-daar-] {+hiervoor+} aanleiding is.');
  });

  test('adds colour, strike-through and underline on a terminal, and keeps the brackets', () => {
    expect(renderWordsText(words, true)).toBe(
      'gaat in gesprek als \x1b[31;9m[-daar-]\x1b[0m \x1b[32;4m{+hiervoor+}\x1b[0m aanleiding is.',
    );
  });
});

describe('npm run diff', () => {
  test('prints the numbered changes of De Linde 1.0 → 2.0 as plain text when not on a terminal, and exits 1', () => {
    const r = runDiff('content/protocols/de-linde/1.0.yaml', 'content/protocols/de-linde.yaml');
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('\x1b[');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '21 wijzigingen van versie 1.0 naar concept 2.0',
      '1 andere waarde ingevuld, 2 andere keuze gemaakt, 15 toegevoegd, 2 geschrapt, 1 verplaatst en gewijzigd, 24 ongewijzigd',
    ]);
    expect(lines.filter((l) => /^W\d/.test(l)).slice(0, 5)).toEqual([
      'W1  toegevoegd: Vaststelling, instemming en evaluatie',
      'W2  geschrapt: Voor wie de afspraken gelden',
      'W3  toegevoegd: Voor wie dit protocol geldt',
      'W4  geschrapt: Kennis en informatie delen mag',
      'W5  andere keuze gemaakt: Toestemming voor beeld, per doel',
    ]);
    expect(r.stdout).toContain(
      '\nW21  verplaatst en gewijzigd: Eerst een gesprek\n    versie 1.0 art. 3.9 → concept 2.0 art. 8.2\n    Basisschool De Linde gaat met betrokkenen in gesprek als [-daar-]{+hiervoor+} aanleiding [-voor-] is. {+Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.+}\n    Toelichting: Hoort bij de gevolgen',
    );
  });

  test('says there are no changes, and exits 0, for a file against itself', () => {
    const r = runDiff('content/protocols/de-linde.yaml', 'content/protocols/de-linde.yaml');
    expect([r.status, r.stdout]).toEqual([0, '0 wijzigingen van versie 2.0 naar concept 2.0\n']);
  });

  test('exits 2 with a Dutch message on a path that does not exist', () => {
    const r = runDiff('content/protocols/bestaat-niet.yaml', 'content/protocols/de-linde.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(
      'content/protocols/bestaat-niet.yaml: bestand niet gevonden, en er is geen voorbeeldprotocol met die id (wel: hoeksche-2020, lankforst-2024, mill-hill-2023, roc-top-2018, scope-2012).',
    );
  });

  test('exits 2 naming file, line and field of an invalid file', () => {
    const r = runDiff('tests/fixtures/protocols/unknown-clause.yaml', 'content/protocols/de-linde.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'Het bestand is ongeldig; er is niets vergeleken.',
      'tests/fixtures/protocols/unknown-clause.yaml:12: sections.0.articles.1.clause: bepaling `all-users/twijfel-leidinggevende` bestaat niet in de bibliotheek. Bedoelde je `introduction/twijfel-overleg` of `staff-at-work/twijfel-leidinggevende`?',
    ]);
  });

  test('exits 2 and shows the usage when not given two arguments', () => {
    const r = runDiff('content/protocols/de-linde.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'Er zijn twee bestanden nodig, er is er één gegeven.\nGebruik: npm run diff -- <oud> <nieuw>   (een protocolbestand zoals content/protocols/de-linde.yaml, of een voorbeeld-id zoals scope-2012)\n',
    );
  });

  test('compares a protocol with a reference model given by its id: differences V1…, removals weggelaten', () => {
    const r = runDiff('scope-2012', 'content/protocols/de-linde.yaml');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    const total = /^(\d+) verschillen van SCOPE naar Basisschool De Linde$/.exec(lines[0]!);
    expect(total).not.toBeNull();
    const numbers = lines.flatMap((l) => /^([VW]\d+) {2}/.exec(l)?.[1] ?? []);
    expect(numbers).toEqual(Array.from({ length: Number(total![1]) }, (_, i) => `V${i + 1}`));
    expect(lines.some((l) => /^V\d+ {2}weggelaten: /.test(l))).toBe(true);
    expect(r.stdout).not.toContain('geschrapt');
  });

  test('exits 2 with a Dutch message for an alias bomb, never 1 (which means changes)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-diff-'));
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const bomb = path.join(dir, 'bom.yaml');
    fs.writeFileSync(bomb, lines.join('\n'));
    try {
      const r = runDiff('content/protocols/de-linde.yaml', bomb);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/te veel verwijzingen/);
      expect(r.stderr).not.toMatch(/ReferenceError|at .*\.js/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
