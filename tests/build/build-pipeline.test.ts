/**
 * `npm run build` (scripts/build.ts) on a small fixture site (the real library and models, one protocol):
 * - reproducible: two builds of the same commit, one of them from a copy of the checkout elsewhere, give
 *   byte-identical output, PDFs included (review attack-2026-11, failure 14);
 * - atomic: when the content check, astro, pagefind or the PDFs fail, or the build is stopped with SIGTERM halfway
 *   through the PDFs, the previous output is byte-identical and no temporary folder is left (failure 3).
 * These build the site several times: about three minutes on two cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';

const TIMEOUT = 240_000;
let tmp: string;
let content: string;
/** The output of the first good build: the "previous site" every failing build must leave alone. */
let out: string;
let before: Map<string, string>;

/** Every file under `dir` with the SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

/** What differs between two snapshots, for a readable failure. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).slice(0, 20);
}

/** The build's environment: the fixture content, a fixed SOURCE_DATE_EPOCH, no colours. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PROTOCOLWIJZER_CONTENT: content, PROTOCOLWIJZER_OUT: out, SOURCE_DATE_EPOCH: '1764460800', NO_COLOR: '1', ...extra };
}

function build(cwd: string, extra: Record<string, string> = {}) {
  return spawnSync(path.join(cwd, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd, env: env(extra), encoding: 'utf8', timeout: TIMEOUT });
}

/** Folders a build left beside the output. */
function leftovers(): string[] {
  return fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('.out-'));
}

/**
 * A small site from the real content: one reference model (SCOPE 2012), the clauses it maps (their sources
 * narrowed to it), its rebuild, and a copy of that protocol for another school: three PDFs.
 */
function makeFixtureContent(dir: string): void {
  const KEEP = 'scope-2012';
  const src = path.join(ROOT, 'content');
  fs.mkdirSync(path.join(dir, 'protocols'), { recursive: true });
  fs.copyFileSync(path.join(src, 'choice-points.yaml'), path.join(dir, 'choice-points.yaml'));
  fs.cpSync(path.join(src, 'reference-models', KEEP), path.join(dir, 'reference-models', KEEP), { recursive: true });
  for (const f of fs.readdirSync(path.join(src, 'clauses'), { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!f.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(src, 'clauses', f), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const data = parse(front!) as { sources?: { model: string }[]; basis?: unknown[] };
    const sources = (data.sources ?? []).filter((x) => x.model === KEEP);
    if (!sources.length) continue;
    data.sources = sources;
    fs.mkdirSync(path.dirname(path.join(dir, 'clauses', f)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'clauses', f), `---\n${stringify(data)}---\n${body}`);
  }
  const rebuild = fs.readFileSync(path.join(src, 'protocols', `${KEEP}.yaml`), 'utf8');
  fs.writeFileSync(path.join(dir, 'protocols', `${KEEP}.yaml`), rebuild);
  fs.writeFileSync(path.join(dir, 'protocols', 'de-kopie.yaml'), rebuild.replace(/^ {2}name: .*$/m, '  name: Basisschool De Kopie'));
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

  test('is byte-identical when made again from a copy of the checkout elsewhere', () => {
    const copy = path.join(tmp, 'elders', 'checkout');
    fs.mkdirSync(copy, { recursive: true });
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
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
  }, TIMEOUT);
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

  test('astro fails (a guide without a title)', () => {
    fs.mkdirSync(path.join(content, 'docs'));
    fs.writeFileSync(path.join(content, 'docs', 'kapot.mdx'), '---\naudience: MR\ndescription: x\norder: 1\n---\nTekst\n');
    try {
      const r = build(ROOT);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Bouwen mislukt bij: site bouwen/);
    } finally {
      fs.rmSync(path.join(content, 'docs'), { recursive: true });
    }
    expect(differences(before, snapshot(out))).toEqual([]);
    expect(leftovers()).toEqual([]);
  }, TIMEOUT);

  test('pagefind fails', () => {
    const r = build(ROOT, { PAGEFIND_BINARY_PATH: '/bin/false', PAGEFIND_EXTENDED_BINARY_PATH: '/bin/false' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Bouwen mislukt bij: zoekindex/);
    expect(differences(before, snapshot(out))).toEqual([]);
    expect(leftovers()).toEqual([]);
  }, TIMEOUT);

  test('the PDFs fail (no browser)', () => {
    const r = build(ROOT, { CHROMIUM_PATH: '/bin/false' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Bouwen mislukt bij: PDF/);
    expect(differences(before, snapshot(out))).toEqual([]);
    expect(leftovers()).toEqual([]);
  }, TIMEOUT);

  test('stopped with SIGTERM halfway through the PDFs', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: ROOT, env: env() });
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
  }, TIMEOUT);
});
