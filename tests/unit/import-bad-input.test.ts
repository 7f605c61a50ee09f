/**
 * Bad input (issue 12): each bad file gets its own Dutch message with a rule id, from the core that the wizard and
 * `npm run import` share; the CLI exits 2 with that message and writes nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { readImportFile } from '../../src/lib/import/read-file.ts';
import { nodeReaders } from '../../src/node/import-file.ts';
import { ROOT } from '../../src/node/paths.ts';
import { BAD_FILES } from '../helpers/bad-import-files.ts';

const run = promisify(execFile);

/** The problem a file gets from the reader. */
async function problemOf(bytes: Uint8Array, name: string) {
  try {
    await readImportFile(bytes, name, nodeReaders);
  } catch (e) {
    if (e instanceof ContentError) return e.problems[0]!;
    throw e;
  }
  throw new Error(`${name} was read without a problem`);
}

describe('readImportFile on bad input', () => {
  test.each(BAD_FILES.map((f) => [f.name, f] as const))(
    '%s gets a Dutch message with its rule id',
    async (_name, f) => {
      const problem = await problemOf(await f.bytes(), f.name);
      expect(problem.rule).toBe(f.rule);
      expect(problem.file).toBe(f.name);
      // Dutch, and says what to do: every message names a way out.
      expect(problem.message).toMatch(/\b(het|de|een|dit|deze)\b/);
      expect(problem.message).toMatch(/(kies|sla|open|importeer|gebruik|plak|laat)/i);
    },
  );

  test('a Windows-1252 text file is read with its accents, not as replacement characters', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Regels\n\n1. We zijn gecre'),
      0xeb,
      ...new TextEncoder().encode('erd.'),
    ]);
    const read = await readImportFile(bytes, 'oud.txt', nodeReaders);
    expect(read.text).toContain('gecreëerd');
  });
});

describe('npm run import on bad input', () => {
  test('exits 2 with the Dutch message for an old .doc, a zip renamed to .docx and an empty file, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    const out = path.join(dir, 'protocol.yaml');
    for (const f of BAD_FILES.filter((b) => ['import-old-doc', 'import-not-docx', 'import-empty'].includes(b.rule))) {
      const file = path.join(dir, f.name);
      fs.writeFileSync(file, await f.bytes());
      const result = await run('npx', ['tsx', 'scripts/import.ts', file, '--out', out], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(result.code, f.name).toBe(2);
      const firstLine = result.stderr.trim().split('\n')[0]!;
      expect(firstLine.startsWith(`${file}: `), firstLine).toBe(true);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
