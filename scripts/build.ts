/**
 * `npm run build`: checks the content, then builds the whole site into a temporary folder beside the output
 * folder and puts it in place only when every step succeeded:
 *
 * 1. `scripts/prebuild.ts`: checks all content (exit 2 on a bad file) and copies vendor files into `public/`;
 * 2. `astro build` into the temporary folder; when an earlier build's output is there and only some protocols changed,
 *    Astro renders only those protocols' pages and every page outside `/protocollen/<id>/`, and the other protocols'
 *    pages and the wizard with its bundle are copied from the earlier output (src/node/page-plan.ts); when nothing
 *    changed, Astro and Pagefind do not run and the whole site is copied; `--full` renders everything;
 * 3. `pagefind` indexes the searchable pages for search (src/node/search-pages.ts);
 * 4. `scripts/build-pdfs.ts` prints every protocol and redline to PDF;
 * 5. `scripts/build-docx.ts` writes the Word file beside each of them.
 * Steps 3, 4 and 5 run side by side; 4 and 5 start together with step 2 and, once loaded, wait for its pages
 * (src/node/site-ready.ts). Steps 4 and 5 reuse every file whose inputs did not change from the output cache
 * (`.cache/protocolwijzer/`, or `$PROTOCOLWIJZER_CACHE`; src/node/output-cache.ts) and say how many files they
 * made and how many they reused.
 *
 * `--shard i/n` (or `PROTOCOLWIJZER_SHARD=i/n`) builds the whole HTML site but only share i of n of the PDFs and
 * Word files (src/node/shards.ts); `npm run gather -- <shard outputs…>` puts the shares together (scripts/gather.ts).
 *
 * The output folder is `dist/`, or `$PROTOCOLWIJZER_OUT`. If a step fails, or the build is stopped (Ctrl-C,
 * SIGTERM), the temporary folder is removed and the previous output stays exactly as it was (review
 * attack-2026-11, failure 3). The swap is two renames on the same disk; a temporary folder left by a build that
 * was killed outright (SIGKILL) is removed by the next build. Astro gets a fresh cache folder beside it too, so the
 * output depends only on the checkout and the content, never on an earlier build.
 *
 * With `PROTOCOLWIJZER_BUILD_TIMES=<file>` the build writes the seconds of each step and what it rendered there as JSON
 * (for the benchmark, scripts/bench/scale.ts); the PDF and Word steps count from the moment the pages are there.
 *
 * Exit status: 0 built; 2 the content has an error (nothing built); 1 any other failure; 128 + signal when stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  pageManifest,
  planPages,
  readManifest,
  RENDER_ONLY_ENV,
  reusePages,
  reuseSite,
  writeManifest,
  type PagePlan,
} from '../src/node/page-plan.ts';
import { contentDir, ROOT } from '../src/node/paths.ts';
import { searchablePagesLeftOut, searchGlob } from '../src/node/search-pages.ts';
import { shardFrom, type Shard } from '../src/node/shards.ts';
import { SITE_READY_LINE, STARTED_EARLY_ENV } from '../src/node/site-ready.ts';

const out = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const parent = path.dirname(out);
const prefix = `.${path.basename(out)}-bouw-`;
const tmp = path.join(parent, `${prefix}${process.pid}`);
const old = path.join(parent, `.${path.basename(out)}-oud-${process.pid}`);
const cache = `${tmp}-cache`;
/**
 * Where Astro writes: the temporary folder, or, when that lies outside the checkout, a folder inside it that is then
 * moved there. Astro 5 builds an output outside its working folder in `.astro/` and copies it over together with its
 * own content-layer files (`collections/`, `content-assets.mjs`, `content-modules.mjs`, which would be published),
 * then removes `.astro/` and the types in it (`getOutDirWithinCwd` in astro/dist/core/build/common.js).
 */
const inCheckout = (dir: string) => {
  const rel = path.relative(ROOT, dir);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};
const ASTRO_PREFIX = '.dist-bouw-astro-';
const astroOut = inCheckout(tmp) ? tmp : path.join(ROOT, `${ASTRO_PREFIX}${process.pid}`);
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/**
 * Runs `astro build` into {@link astroOut} and puts the result at the temporary folder (a rename on one disk, else a
 * copy); resolves astro's exit code.
 */
async function astroBuild(env: NodeJS.ProcessEnv): Promise<number> {
  const code = await run(bin('astro'), ['build'], { ...env, PROTOCOLWIJZER_OUT: astroOut });
  if (code !== 0 || astroOut === tmp) return code;
  try {
    fs.renameSync(astroOut, tmp);
  } catch {
    fs.cpSync(astroOut, tmp, { recursive: true });
    fs.rmSync(astroOut, { recursive: true, force: true });
  }
  return 0;
}

/** Whether a process with this id runs (signal 0 tests without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The steps' child processes that are running (the PDF and Word steps from the start of Astro's step on). */
const children = new Set<ChildProcess>();
let stopping = false;

/** Removes the temporary folder (and a half-swapped old folder) of this build. */
function cleanUp(): void {
  const remove = (dir: string) => {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (e) {
      console.error(`Kon ${dir} niet opruimen: ${(e as Error).message}`);
    }
  };
  remove(tmp);
  if (astroOut !== tmp) remove(astroOut);
  remove(cache);
  if (fs.existsSync(old)) {
    if (!fs.existsSync(out)) fs.renameSync(old, out);
    else remove(old);
  }
}

/**
 * Starts one step as a child process (its own process group, so a stop reaches Chromium too); `exit` resolves its
 * exit code. Options: `stdin: 'pipe'` gives it a standard input to write to (a step started early,
 * {@link startEarly}); `yieldCpu` runs it under `nice -n 10` (not on Windows), so that on a busy machine the step it
 * runs beside gets the cores first: the PDFs, the longest of the last three steps.
 */
function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  opts: { stdin?: 'inherit' | 'pipe'; yieldCpu?: boolean } = {},
): { child: ChildProcess; exit: Promise<number> } {
  const nice = opts.yieldCpu && process.platform !== 'win32';
  const child = spawn(nice ? 'nice' : command, nice ? ['-n', '10', command, ...args] : args, {
    cwd: ROOT,
    stdio: [opts.stdin ?? 'inherit', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.stdin?.on('error', () => {}); // a step that ended early: its exit code tells
  const exit = new Promise<number>((resolve) => {
    child.on('error', (e) => {
      children.delete(child);
      console.error(`Kon ${path.basename(command)} niet starten: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 + (signal === 'SIGTERM' ? 15 : 2) : 1));
    });
  });
  return { child, exit };
}

/** Runs one step as a child process ({@link start}); resolves its exit code. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  opts: { yieldCpu?: boolean } = {},
): Promise<number> {
  return start(command, args, env, opts).exit;
}

/**
 * Starts a step that reads the built pages while Astro still builds them: it loads and prepares, then waits
 * (src/node/site-ready.ts). `go()` tells it the pages are there and resolves its exit code. A step that is never
 * told is stopped with the other steps, or ends when this process does (its standard input closes).
 */
function startEarly(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { yieldCpu?: boolean } = {},
): { go(): Promise<number> } {
  const { child, exit } = start(command, args, { ...env, [STARTED_EARLY_ENV]: '1' }, { ...opts, stdin: 'pipe' });
  return {
    go: () => {
      child.stdin?.end(`${SITE_READY_LINE}\n`);
      return exit;
    },
  };
}

/** Sends `signal` to the process group of every running step. */
function signalChildren(signal: NodeJS.Signals): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Resolves when no step's process runs any more. */
function childrenGone(): Promise<void> {
  return Promise.all([...children].map((c) => new Promise((resolve) => c.once('exit', resolve)))).then(() => {});
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.error(`\nBouwen gestopt (${signal}); ${path.relative(ROOT, out) || out} is niet veranderd.`);
  signalChildren('SIGTERM');
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    // Give the steps' own children (the browser) a moment to go, then remove what this build wrote.
    setTimeout(() => {
      cleanUp();
      process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
    }, 300);
  };
  void childrenGone().then(finish);
  // A child that ignores SIGTERM is killed after 10 s.
  setTimeout(() => {
    signalChildren('SIGKILL');
    finish();
  }, 10_000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

/**
 * `SOURCE_DATE_EPOCH` for the PDFs of drafts (reproducible-builds.org): as given, else the time of the checked-out
 * commit, else 0. Two builds of one commit thus date their PDFs alike, wherever the checkout lies.
 */
function sourceDateEpoch(): string {
  if (process.env.SOURCE_DATE_EPOCH) return process.env.SOURCE_DATE_EPOCH;
  const git = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' });
  return git.status === 0 && /^\d+$/.test(git.stdout.trim()) ? git.stdout.trim() : '0';
}

/** Runs the steps in order; returns the exit code of the first that fails, or 0. */
async function build(): Promise<number> {
  // Leftovers of a build that was killed outright.
  for (const f of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (f.startsWith(prefix) || f.startsWith(`.${path.basename(out)}-oud-`))
      fs.rmSync(path.join(parent, f), { recursive: true, force: true });
  }
  // Astro's folders in the checkout are shared by every build from it (the tests run several at once): only those
  // of a build that no longer runs are left over.
  for (const f of fs.readdirSync(ROOT)) {
    if (f.startsWith(ASTRO_PREFIX) && !running(Number(f.slice(ASTRO_PREFIX.length)))) {
      fs.rmSync(path.join(ROOT, f), { recursive: true, force: true });
    }
  }
  // NODE_ENV production: a build started from a test runner (NODE_ENV=test) gives the same bytes as npm run build.
  // Content is validated once, by prebuild, which writes the snapshot that astro and the PDF step read.
  const snapshot = process.env.PROTOCOLWIJZER_SITE_SNAPSHOT ?? path.join(cache, 'site-data.json');
  let shard: Shard | undefined;
  try {
    shard = shardFrom();
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const env = {
    ...(shard ? { PROTOCOLWIJZER_SHARD: `${shard.index}/${shard.count}` } : {}),
    NODE_ENV: 'production',
    PROTOCOLWIJZER_OUT: tmp,
    PROTOCOLWIJZER_ASTRO_CACHE: cache,
    PROTOCOLWIJZER_SITE_SNAPSHOT: snapshot,
    ASTRO_TELEMETRY_DISABLED: '1',
    SOURCE_DATE_EPOCH: sourceDateEpoch(),
    // No date given: each draft's files are dated by the last commit of its own file (src/node/build-date.ts).
    ...(process.env.SOURCE_DATE_EPOCH ? {} : { PROTOCOLWIJZER_DRAFT_DATE: 'git' }),
  };
  let plan: PagePlan = { mode: 'full', reason: '--full' };
  let manifest: ReturnType<typeof pageManifest> | undefined;
  // Stages run one after the other; the steps of one stage run side by side. The search index, the PDFs and the
  // Word files each read the pages Astro wrote and write their own files, so they need not wait for each other:
  // the browser printing PDFs leaves most of a core free for the other two. The PDF and Word steps start with
  // Astro, on the core it leaves free, and wait there for the pages (src/node/site-ready.ts): their start-up
  // (a few seconds of loading, hashing and starting the browser) is then off the build's path.
  let pdfs: ReturnType<typeof startEarly> | undefined;
  let docx: ReturnType<typeof startEarly> | undefined;
  const stages: [string, () => Promise<number>][][] = [
    [
      [
        'inhoud controleren',
        () => run(bin('tsx'), ['scripts/prebuild.ts'], { PROTOCOLWIJZER_SITE_SNAPSHOT: snapshot }),
      ],
    ],
    [
      [
        'site bouwen (astro)',
        () => {
          pdfs = startEarly(bin('tsx'), ['scripts/build-pdfs.ts'], env);
          docx = startEarly(bin('tsx'), ['scripts/build-docx.ts'], env, { yieldCpu: true });
          manifest = pageManifest(snapshot, contentDir());
          if (!process.argv.includes('--full')) plan = planPages(readManifest(out), manifest, out);
          const from = path.relative(ROOT, out) || out;
          console.log(
            plan.mode === 'full'
              ? `Pagina's: alles opnieuw (${plan.reason}).`
              : plan.mode === 'unchanged'
                ? `Pagina's: niets veranderd sinds de vorige bouw; de site en de zoekindex overgenomen uit ${from}.`
                : `Pagina's: ${plan.render.length} van ${plan.render.length + plan.reuse.length} protocollen opnieuw, ` +
                  `de andere overgenomen uit ${from}.`,
          );
          if (plan.mode === 'full') return astroBuild(env);
          if (plan.mode === 'unchanged') {
            fs.mkdirSync(tmp, { recursive: true });
            reuseSite(out, tmp);
            return Promise.resolve(0);
          }
          const { render, reuse } = plan;
          return astroBuild({ ...env, [RENDER_ONLY_ENV]: JSON.stringify(render) }).then((code) => {
            if (code === 0) reusePages(out, tmp, reuse);
            return code;
          });
        },
      ],
    ],
    [
      [
        'zoekindex maken (pagefind)',
        () => {
          if (plan.mode === 'unchanged') return Promise.resolve(0);
          const leftOut = searchablePagesLeftOut(tmp);
          if (leftOut.length) {
            console.error(
              `${leftOut.length} pagina's willen doorzocht worden maar staan niet in SEARCH_PAGES ` +
                `(src/node/search-pages.ts), bijvoorbeeld ${leftOut[0]}. Voeg hun pad daar toe.`,
            );
            return Promise.resolve(1);
          }
          return run(bin('pagefind'), ['--site', tmp, '--silent', '--glob', searchGlob()], env, { yieldCpu: true });
        },
      ],
      ["PDF's maken", () => pdfs!.go()],
      ['Word-bestanden maken', () => docx!.go()],
    ],
  ];
  const times: Record<string, number> = {};
  for (const stage of stages) {
    let failed: { name: string; code: number } | undefined;
    await Promise.all(
      stage.map(async ([name, step]) => {
        const started = performance.now();
        const code = await step();
        times[name] = Math.round(performance.now() - started) / 1000;
        if (code !== 0 && !failed && !stopping) {
          failed = { name, code };
          signalChildren('SIGTERM'); // the other steps of this stage are of no use any more
        }
      }),
    );
    if (stopping) return new Promise(() => {}); // stop() exits
    if (failed) {
      console.error(`Bouwen mislukt bij: ${failed.name}. ${path.relative(ROOT, out) || out} is niet veranderd.`);
      return failed.name === 'inhoud controleren' ? failed.code : 1;
    }
  }
  // Every step succeeded: record what the pages were made from, and put the new site in place.
  writeManifest(tmp, manifest!);
  if (process.env.PROTOCOLWIJZER_BUILD_TIMES) {
    fs.writeFileSync(process.env.PROTOCOLWIJZER_BUILD_TIMES, JSON.stringify({ seconds: times, pages: plan }));
  }
  if (fs.existsSync(out)) fs.renameSync(out, old);
  fs.renameSync(tmp, out);
  fs.rmSync(old, { recursive: true, force: true });
  return 0;
}

let code: number;
try {
  code = await build();
} catch (e) {
  console.error(`Bouwen mislukt: ${(e as Error).message}`);
  code = 1;
}
cleanUp();
process.exit(code);
