/**
 * The hand-over by which `scripts/build.ts` starts the PDF and Word steps while Astro runs (src/node/site-ready.ts):
 * a step started early goes on only when told the pages are there, and a step whose build ends first goes away
 * without doing anything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';
import { SITE_READY_LINE, STARTED_EARLY_ENV } from '../../src/node/site-ready.ts';

let dir: string;
let step: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-site-ready-'));
  step = path.join(dir, 'step.mts'); // an ES module outside the project (no package.json there)
  // A step as build-pdfs.ts is one: prepares, waits for the site, then does its work.
  fs.writeFileSync(
    step,
    `import { siteReady } from ${JSON.stringify(path.join(ROOT, 'src/node/site-ready.ts'))};\n` +
      `console.log('voorbereid');\nawait siteReady();\nconsole.log('gebouwd');\n`,
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the step; `input` is written to its standard input once it has prepared, then the input is closed. */
function runStep(early: boolean, input?: string): Promise<{ code: number | null; stdout: string }> {
  const env = { ...process.env };
  delete env[STARTED_EARLY_ENV];
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [step], {
    env: early ? { ...env, [STARTED_EARLY_ENV]: '1' } : env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    if (stdout.includes('voorbereid') && !child.stdin.writableEnded) {
      // Written in two pieces, as a pipe may deliver it.
      if (input) {
        child.stdin.write(input.slice(0, 3));
        setTimeout(() => child.stdin.end(input.slice(3)), 50);
      } else child.stdin.end();
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

describe('siteReady', () => {
  test('a step run on its own does not wait', async () => {
    const r = await runStep(false);
    expect(r).toEqual({ code: 0, stdout: 'voorbereid\ngebouwd\n' });
  });

  test('a step started early goes on when the build says the site is there', async () => {
    const r = await runStep(true, `${SITE_READY_LINE}\n`);
    expect(r).toEqual({ code: 0, stdout: 'voorbereid\ngebouwd\n' });
  });

  test('a step started early whose build ended first exits 1 and does nothing', async () => {
    expect(await runStep(true)).toEqual({ code: 1, stdout: 'voorbereid\n' });
    expect(await runStep(true, 'iets anders\n')).toEqual({ code: 1, stdout: 'voorbereid\n' });
  });
});
