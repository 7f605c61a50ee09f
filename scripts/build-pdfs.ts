/**
 * Runs after `astro build`: prints with Paged.js in headless Chromium
 * - every protocol's print page (`/protocollen/<id>/print/`) to `dist/protocollen/<id>/<id>.pdf`, its draft
 *   (`concept/print/`) to `concept/<id>-concept-<version>.pdf` and every adopted version (`<version>/print/`) to
 *   `<version>/<id>-<version>.pdf` (`protocolOutputs`); a version that is the main page's is copied, not printed twice;
 * - every version redline (`/protocollen/<id>/wijzigingen/print/`) to
 *   `dist/protocollen/<id>/wijzigingen/<id>-wijzigingen-<old>-<new>.pdf`;
 * - the model redline against the model the school started from (`startsFrom`;
 *   `/protocollen/<id>/vergelijk/<model>/print/`, only where the protocol differs from it) to
 *   `dist/protocollen/<id>/vergelijk/<model>/<id>-verschillen-<model>.pdf`. Redlines against the other models are
 *   not printed here: their pages print in the reader's browser (the same print page, `?afdrukken`). Both redlines'
 *   paths come from `redlineOutputs`, as the Word step's do.
 * Every PDF goes through the output cache (src/node/output-cache.ts): a PDF whose page, stylesheets, scripts, date
 * and tools are unchanged is copied from `.cache/protocolwijzer/` instead of printed. The log ends with how many PDFs
 * were made and how many reused. Run on its own, the step starts the browser only when a PDF has to be made;
 * `scripts/build.ts` starts it while Astro runs, and then it loads the site data, hashes its tools and starts the
 * browser at once, and waits until the pages are built (src/node/site-ready.ts) before it starts its server.
 * With `--shard i/n` (or `PROTOCOLWIJZER_SHARD`) only the PDFs whose output path falls in share i are written
 * (src/node/shards.ts); a copy goes with the PDF it copies.
 * A few pages are laid out at once (one per core, at most 3): Paged.js is single-threaded per page. Each PDF is
 * written to a temporary file and renamed, so a failure leaves no half-written PDF; any failure exits 1 (and
 * `scripts/build.ts` then keeps the previous site). A PDF whose text Paged.js could not lay out completely stops
 * the build with a message ({@link makePdf}).
 *
 * Reproducible: each PDF is dated with the protocol's adoption date, or, for a draft, the last commit of its file or
 * `SOURCE_DATE_EPOCH` (src/node/build-date.ts), or the Unix epoch; nothing else in it depends on the time or place
 * of the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer, type StaticServer } from '../src/node/static-server.ts';
import { findChromium, launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';
import { siteData } from '../src/node/site-data.ts';
import { buildDate } from '../src/node/build-date.ts';
import { protocolOutputs, redlineOutputs } from '../src/node/outputs.ts';
import {
  OutputCache,
  browserVersion,
  cacheKey,
  packageVersion,
  pageInputs,
  treeDigest,
} from '../src/node/output-cache.ts';
import { inShard, recordShard, shardFrom } from '../src/node/shards.ts';
import { siteReady, STARTED_EARLY_ENV } from '../src/node/site-ready.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const protocolsDir = path.join(dist, 'protocollen');
const built = (page: string) => fs.existsSync(path.join(protocolsDir, page, 'index.html'));
// The snapshot the build's first step validated (PROTOCOLWIJZER_SITE_SNAPSHOT), or the content checked afresh.
const site = siteData();
const shard = shardFrom();
const cache = new OutputCache();
/** Bytes of a built site file by its site path, each file read and hashed once. */
const digests = new Map<string, string>();
const digest = (sitePath: string): string => {
  let d = digests.get(sitePath);
  if (d === undefined) {
    const file = path.join(dist, sitePath);
    d = fs.existsSync(file) && fs.statSync(file).isFile() ? cacheKey([fs.readFileSync(file)]) : 'ontbreekt';
    digests.set(sitePath, d);
  }
  return d;
};
const readSite = (sitePath: string) => {
  const file = path.join(dist, sitePath);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
};
/** Everything a PDF depends on besides its page: the tools that lay it out and print it. */
const tools = [
  `pagedjs ${packageVersion('pagedjs')}`,
  `playwright-core ${packageVersion('playwright-core')}`,
  `pdf-lib ${packageVersion('pdf-lib')}`,
  `node ${process.version}`,
  (() => {
    try {
      return cache.dir ? browserVersion(findChromium()) : '';
    } catch {
      return 'geen browser';
    }
  })(),
  treeDigest(['src/node/make-pdf.ts']),
].join('\n');
/** The cache key of one PDF: its page's HTML, every file the page loads, its date and the tools. */
function pdfKey(job: { page: string; date: Date }): string {
  const sitePath = `/protocollen/${job.page}`;
  const html = fs.readFileSync(path.join(protocolsDir, job.page, 'index.html'));
  const inputs = pageInputs(html.toString('utf8'), sitePath, readSite);
  return cacheKey(['pdf', tools, job.date.toISOString(), html, ...inputs.flatMap((i) => [i, digest(i)])]);
}

/** The server of the built pages, once they are there. */
const serving: { server?: StaticServer } = {};
// Stopped (scripts/build.ts passes on Ctrl-C or SIGTERM): close the browser and the server, then go.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.allSettled([starting?.then((b) => b.close()), serving.server?.close()]).then(() =>
      process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)),
    );
  });
}
/**
 * The browser, started once: by the first PDF that is not in the cache, or, when the build started this step while
 * Astro runs, at once, so that it is up when the pages are (src/node/site-ready.ts).
 */
let starting: ReturnType<typeof launchChromium> | undefined;
const getBrowser = () => (starting ??= launchChromium());
if (process.env[STARTED_EARLY_ENV] === '1') getBrowser().catch(() => {}); // a failure shows when a PDF needs it
await siteReady();
const server = await startStaticServer(dist); // its file list is read now, so only once the pages are there
serving.server = server;
const { url } = server;

/** Each print page, the PDF it becomes (both relative to `dist/protocollen`) and the PDF's date. */
const jobs: { page: string; out: string; date: Date }[] = [];
/** PDFs that are the same document as one printed: copied after printing. */
const copies: { from: string; to: string }[] = [];
const under = (sitePath: string) => sitePath.replace(/^\/protocollen\//, '');
for (const p of site.protocols.values()) {
  for (const o of protocolOutputs(p)) {
    const date = buildDate(o.version.protocol.adoption?.date, o.version.file);
    if (o.sameAs) copies.push({ from: under(o.sameAs), to: under(o.pdf) });
    else if (built(under(o.print))) jobs.push({ page: under(o.print), out: under(o.pdf), date });
  }
}
for (const p of site.protocols.values()) {
  for (const r of redlineOutputs(p)) {
    if (built(under(r.print)))
      jobs.push({ page: under(r.print), out: under(r.pdf), date: buildDate(p.protocol.adoption?.date, p.file) });
  }
}

const all = [...jobs.map((j) => j.out), ...copies.map((c) => c.to)].map((f) => `protocollen/${f}`);
const mine = jobs.filter((j) => inShard(`/protocollen/${j.out}`, shard));
const myCopies = copies.filter((c) => inShard(`/protocollen/${c.from}`, shard));
let next = 0;
const started = performance.now();
const written: string[] = [];
try {
  const worker = async () => {
    while (next < mine.length) {
      const job = mine[next++]!;
      const out = path.join(protocolsDir, job.out);
      await cache.write(pdfKey(job), out, async () => {
        const t0 = performance.now();
        const { pdf, pages } = await makePdf(await getBrowser(), `${url}/protocollen/${job.page}`, {
          date: job.date,
        });
        console.log(
          `PDF ${path.relative(dist, out)}: ${pages} pagina's, ${((performance.now() - t0) / 1000).toFixed(2)} s`,
        );
        return pdf;
      });
      written.push(`protocollen/${job.out}`);
    }
  };
  const parallel = Math.max(1, Math.min(3, os.availableParallelism()));
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const c of myCopies) {
    const to = path.join(protocolsDir, c.to);
    if (!fs.existsSync(path.dirname(to))) continue; // the page was not built (a partial build)
    fs.copyFileSync(path.join(protocolsDir, c.from), `${to}.tmp`);
    fs.renameSync(`${to}.tmp`, to);
    written.push(`protocollen/${c.to}`);
  }
  if (shard) recordShard(dist, shard, all, written);
  cache.prune(['pdf']);
  const share = shard ? ` (deel ${shard.index}/${shard.count}: ${mine.length} van ${jobs.length})` : '';
  console.log(
    `PDF's: ${cache.summary()}, ${myCopies.length} gekopieerd${share}, in ${((performance.now() - started) / 1000).toFixed(1)} s (${parallel} tegelijk)`,
  );
} catch (e) {
  console.error(`PDF maken mislukt: ${(e as Error).message}`);
  process.exitCode = 1;
  next = mine.length; // the other workers stop after their current page
} finally {
  await starting?.then((b) => b.close()).catch(() => {}); // also a browser started early and not needed
  await server.close();
}
