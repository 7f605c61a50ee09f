/**
 * The build's output cache (src/node/output-cache.ts) and its shards (src/node/shards.ts, scripts/gather.ts), on
 * the small fixture site of tests/build/fixture-site.ts (three PDFs and three Word files):
 * - a second build reuses every PDF and Word file and is byte-identical to the first;
 * - after one protocol changes, only that protocol's files are made again, and a build into the previous output
 *   renders only that protocol's pages, copies the others' and is byte-identical to a cold build;
 * - the two shares of `--shard i/2`, gathered, are byte-identical to a whole build.
 * Five builds of a small site: a few minutes on two cores.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';
import { makeFixtureContent, snapshot } from './fixture-site.ts';

const TIMEOUT = 300_000;
let tmp: string;
let content: string;
let cold: Map<string, string>;
let coldLog: string;

/** Builds the fixture into `out` with the cache folder `cache` ('off' for none); returns stdout, asserting success. */
function build(out: string, cache: string, ...args: string[]): string {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      PROTOCOLWIJZER_CONTENT: content,
      PROTOCOLWIJZER_OUT: out,
      PROTOCOLWIJZER_CACHE: cache,
      SOURCE_DATE_EPOCH: '1764460800',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: TIMEOUT,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The made/reused counts a step printed: `PDF's: 1 gemaakt, 2 hergebruikt, …`. */
function counts(log: string, step: "PDF's" | 'Word-bestanden'): { made: number; reused: number } {
  const m = new RegExp(`^${step}: (\\d+) gemaakt, (\\d+) hergebruikt`, 'm').exec(log);
  expect(m, log).not.toBeNull();
  return { made: Number(m![1]), reused: Number(m![2]) };
}

/** The paths whose bytes differ between two snapshots (or that one lacks). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cache-'));
  content = path.join(tmp, 'content');
  makeFixtureContent(content);
  coldLog = build(path.join(tmp, 'koud'), path.join(tmp, 'cache'));
  cold = snapshot(path.join(tmp, 'koud'));
}, TIMEOUT);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the output cache', () => {
  test('a cold build makes every PDF and Word file and keeps them outside the output', () => {
    expect(counts(coldLog, "PDF's")).toEqual({ made: 3, reused: 0 });
    expect(counts(coldLog, 'Word-bestanden')).toEqual({ made: 3, reused: 0 });
    const cached = fs.readdirSync(path.join(tmp, 'cache', 'files'));
    expect(cached.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect([...cold.keys()].some((f) => f.includes('.protocolwijzer-deel'))).toBe(false);
    expect(coldLog).toMatch(/^Pagina's: alles opnieuw \(geen eerdere bouw/m);
  });

  test(
    'a warm build reuses every file and is byte-identical to the cold one',
    () => {
      const log = build(path.join(tmp, 'warm'), path.join(tmp, 'cache'));
      expect(counts(log, "PDF's")).toEqual({ made: 0, reused: 3 });
      expect(counts(log, 'Word-bestanden')).toEqual({ made: 0, reused: 3 });
      expect(differences(cold, snapshot(path.join(tmp, 'warm')))).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "after one protocol changes, only that protocol's PDFs and Word files are made again",
    () => {
      const file = path.join(content, 'protocols', 'de-kopie.yaml');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('  name: Basisschool De Kopie', '  name: Basisschool De Kopie-Noord'),
      );
      const out = path.join(tmp, 'na-wijziging');
      const log = build(out, path.join(tmp, 'cache'));
      // de-kopie: its protocol (and the draft's copy of it) and its redline against SCOPE; scope-2012's are reused.
      expect(counts(log, "PDF's")).toEqual({ made: 2, reused: 1 });
      expect(counts(log, 'Word-bestanden')).toEqual({ made: 2, reused: 1 });
      const changed = differences(cold, snapshot(out)).filter((f) => /\.(pdf|docx)$/.test(f));
      expect(
        changed.every((f) => f.startsWith('protocollen/de-kopie/')),
        changed.join('\n'),
      ).toBe(true);
      expect(changed.sort()).toEqual([
        'protocollen/de-kopie/concept/de-kopie-concept-2012-11.docx',
        'protocollen/de-kopie/concept/de-kopie-concept-2012-11.pdf',
        'protocollen/de-kopie/de-kopie.docx',
        'protocollen/de-kopie/de-kopie.pdf',
        'protocollen/de-kopie/vergelijk/scope-2012/de-kopie-verschillen-scope-2012.docx',
        'protocollen/de-kopie/vergelijk/scope-2012/de-kopie-verschillen-scope-2012.pdf',
      ]);
    },
    TIMEOUT,
  );
});

describe('pages that follow the change', () => {
  test(
    "a build into the previous output renders only the changed protocol's pages and equals a cold build",
    () => {
      // na-wijziging is a cold build of the changed content (a fresh output folder); stap starts as the cold
      // build of the content before the change.
      const out = path.join(tmp, 'stap');
      fs.cpSync(path.join(tmp, 'koud'), out, { recursive: true });
      const log = build(out, path.join(tmp, 'cache'));
      expect(log).toMatch(/^Pagina's: 1 van 2 protocollen opnieuw, de andere overgenomen uit /m);
      expect(differences(snapshot(path.join(tmp, 'na-wijziging')), snapshot(out))).toEqual([]);
      // Nothing changed since: astro and pagefind do not run, the site is copied, and the output stays the same.
      const again = build(out, path.join(tmp, 'cache'));
      expect(again).toMatch(/^Pagina's: niets veranderd sinds de vorige bouw/m);
      expect(again).not.toMatch(/\[build\]/);
      expect(differences(snapshot(path.join(tmp, 'na-wijziging')), snapshot(out))).toEqual([]);
    },
    TIMEOUT * 2,
  );

  test(
    '--full renders every page again, whatever the previous output holds',
    () => {
      const out = path.join(tmp, 'stap');
      const log = build(out, path.join(tmp, 'cache'), '--full');
      expect(log).toMatch(/^Pagina's: alles opnieuw \(--full\)/m);
      expect(differences(snapshot(path.join(tmp, 'na-wijziging')), snapshot(out))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('shards', () => {
  test(
    'the two shares of --shard i/2, gathered, are byte-identical to a whole build',
    () => {
      const whole = snapshot(path.join(tmp, 'na-wijziging'));
      const logs = [1, 2].map((i) => build(path.join(tmp, `deel-${i}`), 'off', '--shard', `${i}/2`));
      const made = logs.map((l) => counts(l, "PDF's").made + counts(l, 'Word-bestanden').made);
      expect(made[0]! + made[1]!).toBe(6);
      const out = path.join(tmp, 'samen');
      const r = spawnSync(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/gather.ts', '--out', out, path.join(tmp, 'deel-2'), path.join(tmp, 'deel-1')],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(differences(whole, snapshot(out))).toEqual([]);
    },
    TIMEOUT * 2,
  );

  test('gather refuses shares that do not fit together, and writes nothing', () => {
    const out = path.join(tmp, 'onvolledig');
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/gather.ts', '--out', out, path.join(tmp, 'deel-1')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Verwacht de delen 1 tot en met 2.*ontbreekt: 2/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
