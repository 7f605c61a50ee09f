/**
 * Content files the build reads: a protocol's file name is its address, so only `[a-z0-9-]` is accepted (review
 * attack-2026-11, failure 3: `x#y.yaml` passed the check and wiped dist/), and every file must be UTF-8
 * (failure 12). Each case copies the real content into a temporary folder and changes one thing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ContentError, type Problem } from '../../src/lib/errors/content-error.ts';
import { ROOT } from '../../src/node/paths.ts';
import { loadSite } from '../../src/node/site-data.ts';

let tmp: string | undefined;
const saved = process.env.PROTOCOLWIJZER_CONTENT;

afterEach(() => {
  if (saved === undefined) delete process.env.PROTOCOLWIJZER_CONTENT;
  else process.env.PROTOCOLWIJZER_CONTENT = saved;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

/** Copies the content, lets `change` alter the protocols folder, and returns the problems loadSite reports. */
function problemsWith(change: (protocols: string) => void): Problem[] {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-content-'));
  const content = path.join(tmp, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  change(path.join(content, 'protocols'));
  process.env.PROTOCOLWIJZER_CONTENT = content;
  try {
    loadSite();
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  return [];
}

describe('protocol file names', () => {
  test.each(['x#y.yaml', 'a?b.yaml', '.yaml', 'De-Linde.yaml', 'de linde.yaml', 'école.yaml', 'a--b.yaml'])(
    'refuses %s with the fix',
    (name) => {
      const problems = problemsWith((dir) => fs.copyFileSync(path.join(dir, 'de-linde.yaml'), path.join(dir, name)));
      expect(problems.map((p) => p.rule)).toEqual(['file-name']);
      expect(problems[0]!.file).toContain(name);
      expect(problems[0]!.message).toMatch(/kleine letters, cijfers en streepjes/);
    },
  );

  test('refuses an earlier version whose file name cannot be an address', () => {
    const problems = problemsWith((dir) =>
      fs.copyFileSync(path.join(dir, 'de-linde/1.0.yaml'), path.join(dir, 'de-linde/1.0#oud.yaml')),
    );
    expect(problems.map((p) => p.rule)).toEqual(['file-name']);
  });

  test('accepts the real content', () => {
    expect(problemsWith(() => {})).toEqual([]);
  });
});

describe('encoding', () => {
  test('a protocol with a Latin-1 byte is refused with "save as UTF-8", never read as U+FFFD', () => {
    const problems = problemsWith((dir) => {
      const file = path.join(dir, 'de-linde.yaml');
      const bytes = fs.readFileSync(file);
      const at = bytes.indexOf('Basisschool De Linde');
      fs.writeFileSync(
        file,
        Buffer.concat([bytes.subarray(0, at), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20]), bytes.subarray(at)]),
      );
    });
    expect(problems.map((p) => p.rule)).toEqual(['file-not-utf8']);
    expect(problems[0]!.message).toMatch(/UTF-8/);
  });

  test('a UTF-16 protocol is refused with "save as UTF-8"', () => {
    const problems = problemsWith((dir) => {
      const file = path.join(dir, 'de-linde.yaml');
      fs.writeFileSync(
        file,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(file, 'utf8'), 'utf16le')]),
      );
    });
    expect(problems.map((p) => p.rule)).toEqual(['file-not-utf8']);
  });
});
