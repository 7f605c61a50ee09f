/**
 * Part (k) of `npm run bench`, also run alone by `npm run bench:scale`: the build at the scale of a board and of a
 * country. For each size in `BENCH_SIZES` (default `50,200,1000`) it generates that many protocols spread over 20
 * boards ({@link generateProtocols}) and records:
 * - the cold build (`npm run build`, scripts/build.ts) by step (prebuild, astro, pagefind, PDFs, Word files), with
 *   an empty output cache, and in all;
 * - the rebuild after one school's protocol changed (its name), into the cold build's output with its cache: the
 *   build renders that school's pages and copies the others (src/node/page-plan.ts). This is done
 *   `BENCH_REBUILDS` times (default 3), each time after another school's change, and the run with the median total
 *   is recorded, with every run's total beside it: on this machine one rebuild varies by a second or two;
 * - the PDFs and Word files made and reused in each (the counts the steps print);
 * - the astro step beside a bare Astro build of as many Markdown pages as the site has HTML pages (a minimal
 *   Astro project generated in a temporary folder, run with the installed astro), and their ratio (aim ≤ 1.5);
 * - the peak memory of each build: the largest process's maximum resident set in MiB, from `/usr/bin/time -f %M`
 *   (null where that program is missing).
 * A size of `BENCH_SHARD_FROM` protocols or more (default 1,000) is built as shard 1 of 20
 * (`PROTOCOLWIJZER_SHARD=1/20`), as one machine of the README's CI matrix builds it: the whole HTML site and search
 * index, and a twentieth of the PDFs and Word files; a cold build of all 2,000 PDFs would take over an hour here.
 * Its PDF and Word seconds count twenty times in the one-machine line (`filesScaledToWhole`).
 * Sizes measured earlier and not now are kept from `bench/results.json`, each with when and under what load it
 * ran, so `BENCH_SIZES=1000 npm run bench:scale` adds to the curve instead of replacing it.
 * From these it projects, by a least-squares line per step through the sizes measured, the time for 9,000 schools
 * on one machine and with 20 shards (each shard builds the whole HTML site and a twentieth of the files). It
 * asserts nothing about time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../src/node/paths.ts';
import type { SiteData } from '../../src/node/site-data.ts';
import { generatedFile, generateProtocols } from './generate-protocols.ts';
import { timeBuild, type BuildRun } from './build.ts';
import { runStep as run, type StepRun } from './run-step.ts';
import { round } from './stats.ts';

/** The schools of the Netherlands, roughly (po, so, vo and mbo): what the projection is for. */
const NATIONAL = 9000;
/** Shards in the projection. */
const SHARDS = 20;

/**
 * A minimal Astro project with `pages` Markdown pages of about the length of a protocol page, built with the
 * installed astro: what Astro itself costs for that many pages.
 */
async function bareAstro(dir: string, pages: number, work: string): Promise<StepRun> {
  fs.mkdirSync(path.join(dir, 'src/pages/p'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "kale-astro", "private": true, "type": "module" }\n');
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const paragraph =
    'De school gebruikt sociale media om ouders en leerlingen te informeren. Medewerkers, leerlingen en ouders ' +
    'gaan respectvol met elkaar om, ook online, en delen geen beelden van anderen zonder toestemming.';
  for (let i = 0; i < pages; i++) {
    const body = Array.from({ length: 24 }, (_, j) => `## Artikel ${j + 1}\n\n${paragraph} (${i}.${j})\n`).join('\n');
    fs.writeFileSync(
      path.join(dir, 'src/pages/p', `${i}.md`),
      `---\ntitle: Protocol ${i}\n---\n# Protocol ${i}\n\n${body}`,
    );
  }
  return run(
    'bare astro',
    path.join(ROOT, 'node_modules/.bin/astro'),
    ['build'],
    { PROTOCOLWIJZER_BENCH_TMP: work },
    dir,
  );
}

/** A bare Astro build: seconds and peak memory, or why it failed. */
type BareRun = { seconds: number; peakMiB: number | null } | { seconds: null; peakMiB: null; failed: string };

/** One size's measurements. */
export interface ScaleRun {
  protocols: number;
  boards: number;
  /** When this size was measured, and the machine's load average (1, 5, 15 min) just before. */
  measured: { timestamp: string; loadAverage: number[] };
  /** `1/20` when only that share of the PDFs and Word files was built (see the module comment). */
  shard?: string;
  /** The factor by which this run's PDF and Word seconds count in the projection (20 for shard 1/20, else 1). */
  filesScaledToWhole: number;
  cold: BuildRun;
  /** The rebuild with the median total of {@link rebuilds} rebuilds, each after one school's change. */
  rebuildAfterOneChange: BuildRun;
  /** The seconds in all of each rebuild, in the order they ran (absent in runs recorded before there were several). */
  rebuildTotals?: number[];
  /** The bare Astro build of as many pages; `seconds` null and `failed` (its error) when it did not finish. */
  bareAstro: { pages: number } & BareRun;
  /** Astro step ÷ bare Astro; null when the bare build failed. */
  astroToBare: number | null;
  astroWithinAim: boolean | null;
}

/**
 * Least-squares line `a + b·x` through the points (through the origin for one point). A line that falls (a step
 * that took longer at the smaller size: noise of a shared machine) is replaced by a flat one at the largest value
 * measured, so no step is projected to take less than it already did.
 */
function fit(points: [number, number][]): { a: number; b: number } {
  if (points.length === 0) return { a: 0, b: 0 };
  if (points.length === 1) return { a: 0, b: points[0]![1] / points[0]![0] };
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return b >= 0 ? { a: my - b * mx, b } : { a: Math.max(...points.map(([, y]) => y)), b: 0 };
}

/**
 * The runs of part (k) that an earlier bench left in `file` (`scale.runs` in bench/results.json), for
 * {@link benchScale}'s `earlier`; none when the file is missing.
 */
export function earlierRuns(file: string): ScaleRun[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { scale?: { runs?: ScaleRun[] } }).scale?.runs;
}

/** How many rebuilds after one change each size gets (`BENCH_REBUILDS`, default 3; at most one per school). */
function rebuilds(): number {
  const n = Number(process.env.BENCH_REBUILDS ?? 3);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/** From this many protocols up, a size is built as shard 1 of {@link SHARDS} (`BENCH_SHARD_FROM`, default 1,000). */
function shardFrom(): number {
  const n = Number(process.env.BENCH_SHARD_FROM ?? 1000);
  return Number.isFinite(n) && n > 0 ? n : 1000;
}

/** The sizes to measure: `BENCH_SIZES=50,200` or the default 50, 200 and 1,000. */
export function benchSizes(): number[] {
  const raw = process.env.BENCH_SIZES ?? '50,200,1000';
  return raw
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Runs part (k) for each size in `sizes` in the folder `work` (emptied as it goes); `afterEach` gets the results so
 * far after each size, so a later size that fails loses none of them.
 *
 * @param site the included content (its library and models make the generated protocols).
 * @param earlier runs of an earlier bench (`scale.runs` in bench/results.json): those of sizes not measured now are
 *   kept and count in the projection.
 * @returns the measurements per size and the projection to {@link NATIONAL} schools.
 */
export async function benchScale(
  site: SiteData,
  sizes: number[],
  work: string,
  earlier: ScaleRun[] = [],
  afterEach?: (scale: Scale) => void,
): Promise<Scale> {
  const runs: ScaleRun[] = earlier.filter((r) => !sizes.includes(r.protocols) && r.measured);
  let scale = summarize(runs, sizes);
  for (const size of sizes) {
    const measured = { timestamp: new Date().toISOString(), loadAverage: os.loadavg().map((l) => round(l, 1)) };
    const shard = size >= shardFrom() ? `1/${SHARDS}` : undefined;
    const dir = path.join(work, `n${size}`);
    fs.mkdirSync(dir, { recursive: true });
    const content = path.join(dir, 'content');
    fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    generateProtocols(content, size, site.library, [...site.models.keys()], 20);
    const cache = path.join(dir, 'cache');
    console.log(`(k) ${size} protocols: cold build${shard ? ` of shard ${shard}` : ''} …`);
    const cold = await timeBuild(`(k) ${size} cold`, path.join(dir, 'out-cold'), { content, cache, work: dir, shard });
    console.log(`    ${cold.seconds.total} s ${JSON.stringify(cold.seconds)}, PDFs ${JSON.stringify(cold.pdfs)}`);
    const runsOfRebuild: BuildRun[] = [];
    for (let k = 1; k <= Math.min(rebuilds(), size); k++) {
      const file = path.join(content, 'protocols', generatedFile(k));
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^( {2}name: .*)$/m, '$1 (gewijzigd)'));
      console.log(`(k) ${size} protocols: rebuild ${k} after one change (${generatedFile(k)}) …`);
      const r = await timeBuild(`(k) ${size} rebuild ${k}`, path.join(dir, 'out-cold'), {
        content,
        cache,
        work: dir,
        shard,
      });
      console.log(
        `    ${r.seconds.total} s ${JSON.stringify(r.seconds)}, PDFs ${JSON.stringify(r.pdfs)}, ` +
          `pages ${JSON.stringify(r.pages)}`,
      );
      runsOfRebuild.push(r);
    }
    const byTotal = [...runsOfRebuild].sort((a, b) => a.seconds.total - b.seconds.total);
    const rebuild = byTotal[Math.floor((byTotal.length - 1) / 2)]!;
    fs.rmSync(path.join(dir, 'out-cold'), { recursive: true, force: true });
    console.log(`(k) ${size} protocols: bare Astro, ${cold.htmlPages} Markdown pages …`);
    // A bare Astro build can fail where ours does not (17,172 Markdown pages ran out of Node's default heap here):
    // that is recorded, and the sizes measured so far are kept.
    const bare: BareRun = await bareAstro(path.join(dir, 'kale-astro'), cold.htmlPages, dir).catch((e: unknown) => ({
      seconds: null,
      peakMiB: null,
      failed: ((e as Error).message.match(/FATAL ERROR: [^\n]*/) ?? [(e as Error).message.split('\n')[0]])[0]!,
    }));
    console.log(
      bare.seconds === null
        ? `    failed: ${bare.failed}`
        : `    ${bare.seconds} s (astro step ${cold.seconds.astro} s: ${round(cold.seconds.astro / bare.seconds, 2)}×)`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    runs.push({
      protocols: size,
      boards: Math.min(20, size),
      measured,
      ...(shard ? { shard } : {}),
      filesScaledToWhole: shard ? SHARDS : 1,
      cold,
      rebuildAfterOneChange: rebuild,
      rebuildTotals: runsOfRebuild.map((r) => r.seconds.total),
      bareAstro: { pages: cold.htmlPages, ...bare },
      astroToBare: bare.seconds === null ? null : round(cold.seconds.astro / bare.seconds, 2),
      astroWithinAim: bare.seconds === null ? null : cold.seconds.astro <= 1.5 * bare.seconds,
    });
    runs.sort((a, b) => a.protocols - b.protocols);
    scale = summarize(runs, sizes);
    afterEach?.(scale);
  }
  return scale;
}

/** Part (k)'s results: the runs of every size and the projection through them. */
export type Scale = ReturnType<typeof summarize>;

/** The projection to {@link NATIONAL} schools through `runs` (see the module comment); `sizes`: measured now. */
export function summarize(runs: ScaleRun[], sizes: number[]) {
  const line = (pick: (r: ScaleRun) => number) => fit(runs.map((r) => [r.protocols, pick(r)]));
  const at = (l: { a: number; b: number }, n: number) => Math.max(0, l.a + l.b * n);
  const step = (name: 'prebuild' | 'astro' | 'pagefind' | 'pdfs' | 'docx') =>
    line((r) => r.cold.seconds[name] * (name === 'pdfs' || name === 'docx' ? (r.filesScaledToWhole ?? 1) : 1));
  const lines = {
    prebuild: step('prebuild'),
    astro: step('astro'),
    pagefind: step('pagefind'),
    pdfs: step('pdfs'),
    docx: step('docx'),
  };
  const whole = (n: number) => at(lines.prebuild, n) + at(lines.astro, n) + at(lines.pagefind, n);
  const files = (n: number) => at(lines.pdfs, n) + at(lines.docx, n);
  const rebuild = line((r) => r.rebuildAfterOneChange.seconds.total);
  const memory = line((r) => r.cold.peakMiB ?? 0);
  return {
    sizes: runs.map((r) => r.protocols),
    measuredNow: sizes,
    runs,
    projection: {
      method:
        'least-squares line a + b·n per step through the sizes measured, evaluated at n (a falling line, noise, ' +
        'is replaced by a flat one at the largest value measured); with shards every machine ' +
        'runs prebuild, astro and pagefind for the whole site and a 1/shards share of the PDFs and Word files ' +
        '(gathering, a file copy, left out); a size built as one shard counts its PDF and Word seconds ' +
        'filesScaledToWhole times; the search index, PDFs and Word files run side by side, so adding their ' +
        'seconds overstates the time a little',
      schools: NATIONAL,
      secondsPerStep: Object.fromEntries(Object.entries(lines).map(([k, l]) => [k, round(at(l, NATIONAL), 0)])),
      oneMachineHours: round((whole(NATIONAL) + files(NATIONAL)) / 3600, 2),
      shards: SHARDS,
      withShardsHours: round((whole(NATIONAL) + files(NATIONAL) / SHARDS) / 3600, 2),
      rebuildAfterOneChangeMinutes: round(at(rebuild, NATIONAL) / 60, 1),
      peakMemoryMiB: round(at(memory, NATIONAL), 0),
      basedOnSizes: runs.map((r) => r.protocols),
    },
  };
}
