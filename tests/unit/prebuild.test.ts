import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';

describe('scripts/prebuild.ts with a broken protocol', () => {
  let tmp: string;
  let brokenFile: string;
  let brokenLine: number;
  let run: SpawnSyncReturns<string>;

  beforeAll(() => {
    // A copy of the real content in which the image-consent clause has a number variable (a fixture: the library's
    // consent age is fixed by law) and the demo school writes that number in words.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-prebuild-'));
    const content = path.join(tmp, 'content');
    fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    fs.copyFileSync(
      path.join(ROOT, 'tests', 'fixtures', 'clauses', 'number-variable.md'),
      path.join(content, 'clauses', 'all-users', 'beeld-schriftelijke-toestemming.md'),
    );
    brokenFile = path.join(content, 'protocols', 'de-linde.yaml');
    const text = fs.readFileSync(brokenFile, 'utf8');
    // De Linde's image-consent article becomes the fixture's number variable, written in words (its reason goes too,
    // so that the only problem is the one under test).
    const article = '      - clause: all-users/beeld-toestemming-per-doel\n';
    expect(text).toContain(article);
    const broken = text
      .replace(
        / {6}- clause: all-users\/beeld-toestemming-per-doel\n {8}values:\n {10}purposes: .*\n/,
        '      - clause: all-users/beeld-schriftelijke-toestemming\n        values:\n          consentAge: zestien\n',
      )
      .replace(/\n {2}all-users\/beeld-toestemming-per-doel: >-\n(?: {4}.*\n)+/, '\n');
    fs.writeFileSync(brokenFile, broken);
    brokenLine = broken.split('\n').indexOf('          consentAge: zestien') + 1;

    // The project's own tsx (what `npx tsx` runs), called directly so that npm's notices stay out of stderr.
    run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/prebuild.ts'], {
      cwd: ROOT,
      env: { ...process.env, PROTOCOLWIJZER_CONTENT: content, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  });

  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('stops with exit code 2, as npm run diff does for a bad file', () => {
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
  });

  test('says nothing was built, then names the file, the line and the field', () => {
    expect(run.stderr).toBe(
      'De inhoud bevat fouten; er is niets gebouwd.\n' +
        `${path.relative(ROOT, brokenFile)}:${brokenLine}: sections.3.articles.4.values.consentAge: verwacht een geheel getal, maar kreeg "zestien".\n`,
    );
  });

  test('prints no stack trace and no success line', () => {
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('ContentError');
    expect(run.stdout).toBe('');
  });
});
