/**
 * Parts (a) and (k) of `npm run bench`: `npm run build` (scripts/build.ts) as a school or a board runs it, timed by
 * step. A build into the output of an earlier one renders only what changed (src/node/page-plan.ts), so a rebuild
 * is measured by building into the same `out` again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PagePlan } from '../../src/node/page-plan.ts';
import { ROOT } from '../../src/node/paths.ts';
import { countFiles, runStep as run } from './run-step.ts';

/** `PDF's: 3 gemaakt, 2 hergebruikt, …` → `{ made, reused }`. */
function counts(output: string, step: string): { made: number; reused: number } {
  const m = new RegExp(`^${step}: (\\d+) gemaakt, (\\d+) hergebruikt`, 'm').exec(output);
  return { made: Number(m?.[1] ?? NaN), reused: Number(m?.[2] ?? NaN) };
}

/** One build: seconds per step and in all, peak memory (MiB), pages rendered, files made and reused, files out. */
export interface BuildRun {
  seconds: Record<'prebuild' | 'astro' | 'pagefind' | 'pdfs' | 'docx' | 'total', number>;
  peakMiB: number | null;
  pages: { protocolsRendered: 'alle' } | { protocolsRendered: number; protocolsCopied: number };
  pdfs: { made: number; reused: number };
  docx: { made: number; reused: number };
  htmlPages: number;
  pdfFiles: number;
  docxFiles: number;
}

/** The steps of scripts/build.ts as it names them in its times file, and their names here. */
const STEPS = {
  'inhoud controleren': 'prebuild',
  'site bouwen (astro)': 'astro',
  'zoekindex maken (pagefind)': 'pagefind',
  "PDF's maken": 'pdfs',
  'Word-bestanden maken': 'docx',
} as const;

/**
 * `npm run build` into `out`, with its seconds per step from `PROTOCOLWIJZER_BUILD_TIMES`, its peak memory (the
 * largest process of the whole build, from `/usr/bin/time`), and what it rendered and made.
 *
 * @param opts `content`: a content folder (default `content/`); `cache`: the output cache folder (`'off'` for a
 *   build that reuses no PDF or Word file); `work`: a folder for the times file; `shard`: `i/n` to build share i of
 *   n of the PDFs and Word files (`PROTOCOLWIJZER_SHARD`), as one machine of a CI matrix does.
 */
export async function timeBuild(
  label: string,
  out: string,
  opts: { content?: string; cache: string; work: string; shard?: string },
): Promise<BuildRun> {
  const timesFile = path.join(opts.work, 'bouwtijden.json');
  const env: NodeJS.ProcessEnv = {
    ...(opts.content ? { PROTOCOLWIJZER_CONTENT: opts.content } : {}),
    PROTOCOLWIJZER_OUT: out,
    PROTOCOLWIJZER_CACHE: opts.cache,
    PROTOCOLWIJZER_BENCH_TMP: opts.work,
    PROTOCOLWIJZER_BUILD_TIMES: timesFile,
    SOURCE_DATE_EPOCH: '1764460800',
    ...(opts.shard ? { PROTOCOLWIJZER_SHARD: opts.shard } : {}),
  };
  const r = await run(label, path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build.ts'], env);
  const report = JSON.parse(fs.readFileSync(timesFile, 'utf8')) as {
    seconds: Record<keyof typeof STEPS, number>;
    pages: PagePlan;
  };
  fs.rmSync(timesFile);
  const secs = Object.fromEntries(Object.entries(STEPS).map(([k, v]) => [v, report.seconds[k as keyof typeof STEPS]]));
  return {
    seconds: { ...secs, total: r.seconds } as BuildRun['seconds'],
    peakMiB: r.peakMiB,
    pages:
      report.pages.mode === 'full'
        ? { protocolsRendered: 'alle' as const }
        : {
            protocolsRendered: report.pages.mode === 'partial' ? report.pages.render.length : 0,
            protocolsCopied: report.pages.reuse.length,
          },
    pdfs: counts(r.output, "PDF's"),
    docx: counts(r.output, 'Word-bestanden'),
    htmlPages: countFiles(out, '.html'),
    pdfFiles: countFiles(out, '.pdf'),
    docxFiles: countFiles(out, '.docx'),
  };
}
