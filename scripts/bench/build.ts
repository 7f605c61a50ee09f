/** Parts (a) and (b) of `npm run bench`: the build's steps, each a child process, as `npm run build` runs them. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/node/paths.ts';
import { seconds } from './stats.ts';

/**
 * Runs a command in the project root; resolves with its duration in ms and its output; exits the bench when it
 * fails.
 */
function run(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) {
        console.error(`${label} failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`);
        process.exit(1);
      }
      resolve({ ms, output });
    });
  });
}

/** Counts files under a folder whose name ends with `suffix`. */
function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  return n;
}

/** prebuild + astro build + build-pdfs + build-docx, as `npm run build` runs them, with the given content and output folders. */
export async function timeBuild(label: string, out: string, content?: string) {
  // As `npm run build`: the first step validates the content and writes the snapshot the later steps read.
  const env: NodeJS.ProcessEnv = {
    PROTOCOLWIJZER_OUT: out,
    PROTOCOLWIJZER_SITE_SNAPSHOT: `${out}.site-data.json`,
    ...(content ? { PROTOCOLWIJZER_CONTENT: content } : {}),
  };
  const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
  const prebuild = await run(`${label}: prebuild`, bin('tsx'), ['scripts/prebuild.ts'], env);
  const astro = await run(`${label}: astro build`, bin('astro'), ['build'], env);
  const search = await run(`${label}: pagefind`, bin('pagefind'), ['--site', out, '--silent'], env);
  const pdfs = await run(`${label}: build-pdfs`, bin('tsx'), ['scripts/build-pdfs.ts'], env);
  const docx = await run(`${label}: build-docx`, bin('tsx'), ['scripts/build-docx.ts'], env);
  const totalMs = prebuild.ms + astro.ms + search.ms + pdfs.ms + docx.ms;
  return {
    seconds: {
      prebuild: seconds(prebuild.ms),
      astroBuild: seconds(astro.ms),
      pagefind: seconds(search.ms),
      pdfs: seconds(pdfs.ms),
      docx: seconds(docx.ms),
      total: seconds(totalMs),
    },
    htmlPages: countFiles(out, '.html'),
    pdfFiles: countFiles(out, '.pdf'),
    docxFiles: countFiles(out, '.docx'),
    totalMs,
  };
}
