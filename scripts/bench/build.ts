/** Parts (a) and (b) of `npm run bench`: the build's steps, each a child process, as `npm run build` runs them. */
import path from 'node:path';
import { ROOT } from '../../src/node/paths.ts';
import { countFiles, runStep as run } from './run-step.ts';
import { round } from './stats.ts';

/** prebuild + astro build + build-pdfs + build-docx, as `npm run build` runs them, with the given content and output folders. */
export async function timeBuild(label: string, out: string, content?: string) {
  // As `npm run build`: the first step validates the content and writes the snapshot the later steps read.
  const env: NodeJS.ProcessEnv = {
    PROTOCOLWIJZER_OUT: out,
    PROTOCOLWIJZER_SITE_SNAPSHOT: `${out}.site-data.json`,
    // A cold build: no PDF or Word file from the cache of an earlier build (part (k) measures the warm rebuild).
    PROTOCOLWIJZER_CACHE: 'off',
    ...(content ? { PROTOCOLWIJZER_CONTENT: content } : {}),
  };
  const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
  const prebuild = await run(`${label}: prebuild`, bin('tsx'), ['scripts/prebuild.ts'], env);
  const astro = await run(`${label}: astro build`, bin('astro'), ['build'], env);
  const search = await run(`${label}: pagefind`, bin('pagefind'), ['--site', out, '--silent'], env);
  const pdfs = await run(`${label}: build-pdfs`, bin('tsx'), ['scripts/build-pdfs.ts'], env);
  const docx = await run(`${label}: build-docx`, bin('tsx'), ['scripts/build-docx.ts'], env);
  const totalMs = (prebuild.seconds + astro.seconds + search.seconds + pdfs.seconds + docx.seconds) * 1000;
  return {
    seconds: {
      prebuild: prebuild.seconds,
      astroBuild: astro.seconds,
      pagefind: search.seconds,
      pdfs: pdfs.seconds,
      docx: docx.seconds,
      total: round(totalMs / 1000),
    },
    htmlPages: countFiles(out, '.html'),
    pdfFiles: countFiles(out, '.pdf'),
    docxFiles: countFiles(out, '.docx'),
    totalMs,
  };
}
