/**
 * The pieces of the build's output cache and shards that need no build: what a print page's key covers
 * (pageInputs, cacheKey), how files are shared out (shardFrom, inShard) and the date of a draft's files (buildDate).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildDate } from '../../src/node/build-date.ts';
import { cacheKey, keyJson, pageInputs } from '../../src/node/output-cache.ts';
import { inShard, SHARD_MANIFEST, shardFrom, type ShardManifest } from '../../src/node/shards.ts';
import { ROOT } from '../../src/node/paths.ts';

describe('pageInputs', () => {
  const files: Record<string, string> = {
    '/vendor/print.css': '@import "fonts.css"; body { background: url(../img/bg.png) }',
    '/vendor/fonts.css':
      "@font-face { src: url('/fonts/a.woff2') format('woff2') } a { background: url(data:image/png;base64,xx) }",
  };
  const read = (p: string) => (p in files ? new TextEncoder().encode(files[p]) : undefined);

  test('finds stylesheets, scripts and what the stylesheets load, and leaves out links, other hosts and data', () => {
    const html =
      '<link rel="stylesheet" href="/vendor/print.css"><script src="/vendor/paged.polyfill.min.js"></script>' +
      '<script src="https://elders.example/x.js"></script><a href="/protocollen/">terug</a><img src="logo.png">';
    expect(pageInputs(html, '/protocollen/x/print/', read)).toEqual([
      '/fonts/a.woff2',
      '/img/bg.png',
      '/protocollen/x/print/logo.png',
      '/vendor/fonts.css',
      '/vendor/paged.polyfill.min.js',
      '/vendor/print.css',
    ]);
  });
});

describe('keyJson', () => {
  test('is the same for content found in another folder: file paths are left out, Maps kept as entries', () => {
    const doc = (file: string) => ({ id: 'x', file, items: new Map([['a', { file, text: 'tekst' }]]) });
    expect(keyJson(doc('../content/protocols/x.yaml'))).toBe(keyJson(doc('../../elders/protocols/x.yaml')));
    expect(keyJson(doc('p'))).toBe('{"id":"x","items":[["a",{"text":"tekst"}]]}');
  });
});

describe('cacheKey', () => {
  test('differs when the parts are split differently, and is stable', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['a', new Uint8Array([1, 2])])).toBe(cacheKey(['a', new Uint8Array([1, 2])]));
  });
});

describe('shards', () => {
  test('reads --shard i/n, --shard=i/n and PROTOCOLWIJZER_SHARD; the argument wins', () => {
    expect(shardFrom(['--shard', '2/4'], {})).toEqual({ index: 2, count: 4 });
    expect(shardFrom(['--shard=1/3'], {})).toEqual({ index: 1, count: 3 });
    expect(shardFrom([], { PROTOCOLWIJZER_SHARD: '3/3' })).toEqual({ index: 3, count: 3 });
    expect(shardFrom(['--shard', '1/2'], { PROTOCOLWIJZER_SHARD: '2/2' })).toEqual({ index: 1, count: 2 });
    expect(shardFrom([], {})).toBeUndefined();
  });

  test.each(['0/2', '3/2', '1', 'a/b', '1/0'])('refuses %s with a Dutch message', (value) => {
    expect(() => shardFrom(['--shard', value], {})).toThrow(/geef het deel als i\/n/);
  });

  test('puts every output path in exactly one share, spread over all of them', () => {
    const paths = Array.from({ length: 400 }, (_, i) => `/protocollen/school-${i}/school-${i}.pdf`);
    const count = 4;
    const sizes = Array.from(
      { length: count },
      (_, i) => paths.filter((p) => inShard(p, { index: i + 1, count })).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(paths.length);
    for (const p of paths)
      expect(Array.from({ length: count }, (_, i) => inShard(p, { index: i + 1, count })).filter(Boolean)).toHaveLength(
        1,
      );
    for (const n of sizes) expect(n).toBeGreaterThan(60);
    expect(paths.every((p) => inShard(p, undefined))).toBe(true);
  });

  test('the PDF and Word steps, recording their files at the same time, lose none of them', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deel-'));
    // Four processes, as the build's side-by-side steps, each adding 25 files one at a time.
    const script = (step: string) =>
      `import { recordShard } from ${JSON.stringify(path.join(ROOT, 'src/node/shards.ts'))};\n` +
      `for (let i = 0; i < 25; i++) recordShard(${JSON.stringify(out)}, { index: 1, count: 2 }, ` +
      `['${step}-alle'], ['${step}-' + i]);`;
    const runs = ['pdf', 'docx', 'a', 'b'].map(
      (step) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['--eval', script(step)], { stdio: 'inherit' });
          child.on('exit', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.made).toHaveLength(100);
    expect(manifest.all).toEqual(['a-alle', 'b-alle', 'docx-alle', 'pdf-alle']);
    expect(fs.readdirSync(out)).toEqual([SHARD_MANIFEST]);
    fs.rmSync(out, { recursive: true });
  }, 60_000);
});

describe('buildDate', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('an adopted version: its adoption date, whatever the environment', () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1000');
    expect(buildDate('2024-09-01', 'content/protocols/de-linde.yaml').toISOString()).toBe('2024-09-01T00:00:00.000Z');
  });

  test('a draft: SOURCE_DATE_EPOCH, or the epoch without it', () => {
    vi.stubEnv('PROTOCOLWIJZER_DRAFT_DATE', '');
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764460800');
    expect(buildDate(undefined, 'content/protocols/de-linde.yaml').toISOString()).toBe('2025-11-30T00:00:00.000Z');
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    expect(buildDate(undefined).getTime()).toBe(0);
  });

  test('a draft when the build chose the date: the last commit of its own file', () => {
    const file = 'content/protocols/de-linde.yaml';
    const committed = execFileSync('git', ['log', '-1', '--format=%ct', '--', file], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    vi.stubEnv('PROTOCOLWIJZER_DRAFT_DATE', 'git');
    vi.stubEnv('SOURCE_DATE_EPOCH', '1');
    expect(buildDate(undefined, file).getTime()).toBe(Number(committed) * 1000);
    expect(buildDate(undefined, 'content/protocols/bestaat-niet.yaml').getTime()).toBe(1000);
  });
});
