/**
 * `npm run build` (scripts/build.ts) on a small fixture site (the real library and models, one protocol):
 * - reproducible: two builds of the same commit, one of them from a copy of the checkout elsewhere, give
 *   byte-identical output, PDFs included (review attack-2026-11, failure 14);
 * - atomic: when the content check, astro, pagefind or the PDFs fail, or the build is stopped with SIGTERM halfway
 *   through the PDFs, the previous output is byte-identical and no temporary folder or process is left (failure 3).
 * These build the site several times: about three minutes on two cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';
import { makeFixtureContent, snapshot } from './fixture-site.ts';

const TIMEOUT = 240_000;
let tmp: string;
let content: string;
/** The output of the first good build: the "previous site" every failing build must leave alone. */
let out: string;
let before: Map<string, string>;

/** What differs between two snapshots, for a readable failure. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).slice(0, 20);
}

/**
 * The build's environment: the fixture content, a fixed SOURCE_DATE_EPOCH, no colours, and no output cache, so that
 * every build here prints its PDFs (the cache has its own test, build-cache.test.ts).
 */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PROTOCOLWIJZER_CONTENT: content,
    PROTOCOLWIJZER_OUT: out,
    SOURCE_DATE_EPOCH: '1764460800',
    NO_COLOR: '1',
    PROTOCOLWIJZER_CACHE: 'off',
    ...extra,
  };
}

/**
 * Every build here renders the whole site (`--full`): a build into an earlier output that finds nothing changed
 * would not run astro or pagefind at all (src/node/page-plan.ts; tested in build-cache.test.ts), and these tests
 * make those steps fail.
 */
function build(cwd: string, extra: Record<string, string> = {}) {
  return spawnSync(path.join(cwd, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--full'], {
    cwd,
    env: env(extra),
    encoding: 'utf8',
    timeout: TIMEOUT,
  });
}

/** Folders a build left beside the output, and in the checkout the folder Astro wrote into (an output elsewhere). */
function leftovers(): string[] {
  return [
    ...fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('.out-')),
    ...fs.readdirSync(ROOT).filter((f) => f.startsWith('.dist-bouw-astro-')),
  ];
}

/**
 * The processes (the build's steps and their browser) that still run with an output folder beside `out` in their
 * environment, by command line; waits up to 5 s for them to go. Reads /proc (Linux).
 */
async function stillRunning(): Promise<string[]> {
  const mark = `PROTOCOLWIJZER_OUT=${path.dirname(out)}${path.sep}`;
  const find = () =>
    fs
      .readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .flatMap((pid) => {
        try {
          const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
          if (!environ.some((v) => v.startsWith(mark))) return [];
          return [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 120)];
        } catch {
          return []; // gone meanwhile
        }
      });
  for (let i = 0; i < 50 && find().length; i++) await new Promise((r) => setTimeout(r, 100));
  return find();
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-build-'));
  content = path.join(tmp, 'content');
  makeFixtureContent(content);
  out = path.join(tmp, 'site', 'out');
  fs.mkdirSync(path.dirname(out));
  const first = build(ROOT);
  expect(first.status, first.stderr).toBe(0);
  before = snapshot(out);
}, TIMEOUT);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a build', () => {
  test('writes the site with its PDFs', () => {
    expect(before.has('index.html')).toBe(true);
    expect(before.has('protocollen/scope-2012/scope-2012.pdf')).toBe(true);
    expect([...before.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(3);
    expect([...before.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  test("outside the checkout, publishes none of Astro's own files", () => {
    // Astro 5 builds an output outside its folder in .astro/ and copies it over with its content-layer files.
    expect([...before.keys()].filter((f) => /^(collections\/|content-(assets|modules)\.mjs)/.test(f))).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, '.astro', 'types.d.ts'))).toBe(true);
  });

  test(
    'is byte-identical when made again from a copy of the checkout elsewhere',
    () => {
      const copy = path.join(tmp, 'elders', 'checkout');
      fs.mkdirSync(copy, { recursive: true });
      const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
        .stdout.split('\0')
        .filter(Boolean);
      for (const f of files) {
        if (!fs.existsSync(path.join(ROOT, f))) continue;
        fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
      }
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
      const second = path.join(tmp, 'tweede', 'out');
      fs.mkdirSync(path.dirname(second));
      const r = spawnSync(path.join(copy, 'node_modules/.bin/tsx'), ['scripts/build.ts'], {
        cwd: copy,
        env: env({ PROTOCOLWIJZER_OUT: second }),
        encoding: 'utf8',
        timeout: TIMEOUT,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(differences(before, snapshot(second))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('a failing build leaves the previous site byte-identical', () => {
  test('bad content: stops with exit 2 before anything is built', () => {
    const bad = path.join(content, 'protocols', 'kapot.yaml');
    fs.writeFileSync(bad, 'format: 1\nschool: [\n');
    try {
      const r = build(ROOT);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/kapot\.yaml:\d+/);
    } finally {
      fs.rmSync(bad);
    }
    expect(differences(before, snapshot(out))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  test(
    'astro fails (a guide without a title)',
    async () => {
      fs.mkdirSync(path.join(content, 'docs'));
      fs.writeFileSync(
        path.join(content, 'docs', 'kapot.mdx'),
        '---\naudience: MR\ndescription: x\norder: 1\n---\nTekst\n',
      );
      try {
        const r = build(ROOT);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/Bouwen mislukt bij: site bouwen/);
      } finally {
        fs.rmSync(path.join(content, 'docs'), { recursive: true });
      }
      expect(differences(before, snapshot(out))).toEqual([]);
      expect(leftovers()).toEqual([]);
      // The PDF and Word steps, started beside Astro with their browser, went with it.
      expect(await stillRunning()).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'pagefind fails',
    () => {
      const r = build(ROOT, { PAGEFIND_BINARY_PATH: '/bin/false', PAGEFIND_EXTENDED_BINARY_PATH: '/bin/false' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Bouwen mislukt bij: zoekindex/);
      expect(differences(before, snapshot(out))).toEqual([]);
      expect(leftovers()).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'the PDFs fail (no browser)',
    () => {
      const r = build(ROOT, { CHROMIUM_PATH: '/bin/false' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Bouwen mislukt bij: PDF/);
      expect(differences(before, snapshot(out))).toEqual([]);
      expect(leftovers()).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'stopped with SIGTERM halfway through the PDFs',
    async () => {
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--full'], {
        cwd: ROOT,
        env: env(),
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no PDF was made:\n${stdout}`)), TIMEOUT - 30_000);
        child.stdout.on('data', (d) => {
          stdout += d;
          if (/^PDF /m.test(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // The build is in the PDF step: the new site is written, one PDF done, the rest not.
      expect(fs.readdirSync(path.dirname(out)).some((f) => f.startsWith('.out-bouw-'))).toBe(true);
      child.kill('SIGTERM');
      expect(await exited, stderr).toBe(143);
      expect(differences(before, snapshot(out))).toEqual([]);
      expect(leftovers(), stderr).toEqual([]);
      expect(await stillRunning()).toEqual([]);
    },
    TIMEOUT,
  );
});
