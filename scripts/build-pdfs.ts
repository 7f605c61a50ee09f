/**
 * Runs after `astro build`: prints with Paged.js in headless Chromium
 * - every protocol's print page (`/protocollen/<id>/print/`) to `dist/protocollen/<id>/<id>.pdf`, its draft
 *   (`concept/print/`) to `concept/<id>-concept-<version>.pdf` and every adopted version (`<version>/print/`) to
 *   `<version>/<id>-<version>.pdf` (`protocolOutputs`); a version that is the main page's is copied, not printed twice;
 * - every version redline (`/protocollen/<id>/wijzigingen/print/`) to
 *   `dist/protocollen/<id>/wijzigingen/<id>-wijzigingen-<old>-<new>.pdf`;
 * - every model redline (`/protocollen/<id>/vergelijk/<model>/print/`, only where the protocol differs from the
 *   model) to `dist/protocollen/<id>/vergelijk/<model>/<id>-verschillen-<model>.pdf`.
 * A few pages are laid out at once (one per core, at most 3): Paged.js is single-threaded per page. Each PDF is
 * written to a temporary file and renamed, so a failure leaves no half-written PDF; any failure exits 1 (and
 * `scripts/build.ts` then keeps the previous site). A PDF whose text Paged.js could not lay out completely stops
 * the build with a message ({@link makePdf}).
 *
 * Reproducible: each PDF is dated with the protocol's adoption date, or, for a draft, `SOURCE_DATE_EPOCH`
 * (seconds; `scripts/build.ts` sets it to the commit's time), or the Unix epoch; nothing else in it depends on the
 * time or place of the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';
import { siteData } from '../src/node/site-data.ts';
import { modelRedlinePdfName, redlinePdfName } from '../src/lib/versions/status.ts';
import { protocolOutputs } from '../src/node/outputs.ts';
import { buildDate } from '../src/node/build-date.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const protocolsDir = path.join(dist, 'protocollen');
const built = (page: string) => fs.existsSync(path.join(protocolsDir, page, 'index.html'));
// The snapshot the build's first step validated (PROTOCOLWIJZER_SITE_SNAPSHOT), or the content checked afresh.
const site = siteData();

/** Each print page, the PDF it becomes (both relative to `dist/protocollen`) and the PDF's date. */
const jobs: { page: string; out: string; date: Date }[] = [];
/** PDFs that are the same document as one printed: copied after printing. */
const copies: { from: string; to: string }[] = [];
const under = (sitePath: string) => sitePath.replace(/^\/protocollen\//, '');
for (const p of site.protocols.values()) {
  for (const o of protocolOutputs(p)) {
    const date = buildDate(o.version.protocol.adoption?.date);
    if (o.sameAs) copies.push({ from: under(o.sameAs), to: under(o.pdf) });
    else if (built(under(o.print))) jobs.push({ page: under(o.print), out: under(o.pdf), date });
  }
}
for (const p of site.protocols.values()) {
  const previous = p.history.at(-1);
  if (previous && built(`${p.id}/wijzigingen/print/`)) {
    const out = `${p.id}/wijzigingen/${redlinePdfName(p.id, previous.version, p.protocol.version)}`;
    jobs.push({ page: `${p.id}/wijzigingen/print/`, out, date: buildDate(p.protocol.adoption?.date) });
  }
}
for (const p of site.protocols.values()) {
  for (const model of site.models.keys()) {
    const page = `${p.id}/vergelijk/${model}/print/`;
    if (built(page)) jobs.push({ page, out: `${p.id}/vergelijk/${model}/${modelRedlinePdfName(p.id, model)}`, date: buildDate(p.protocol.adoption?.date) });
  }
}

let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
const server = await startStaticServer(dist);
// Stopped (scripts/build.ts passes on Ctrl-C or SIGTERM): close the browser and the server, then go.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.allSettled([browser?.close(), server.close()]).then(() => process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)));
  });
}
let next = 0;
const started = performance.now();
try {
  browser = await launchChromium();
  const b = browser;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const t0 = performance.now();
      const { pdf, pages } = await makePdf(b, `${server.url}/protocollen/${job.page}`, { date: job.date });
      const out = path.join(protocolsDir, job.out);
      fs.writeFileSync(`${out}.tmp`, pdf);
      fs.renameSync(`${out}.tmp`, out);
      console.log(`PDF ${path.relative(dist, out)}: ${pages} pagina's, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    }
  };
  const parallel = Math.max(1, Math.min(3, os.availableParallelism()));
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const c of copies) {
    const to = path.join(protocolsDir, c.to);
    if (!fs.existsSync(path.dirname(to))) continue; // the page was not built (a partial build)
    fs.copyFileSync(path.join(protocolsDir, c.from), `${to}.tmp`);
    fs.renameSync(`${to}.tmp`, to);
  }
  console.log(`${jobs.length} PDF's in ${((performance.now() - started) / 1000).toFixed(1)} s (${parallel} tegelijk)`);
} catch (e) {
  console.error(`PDF maken mislukt: ${(e as Error).message}`);
  process.exitCode = 1;
  next = jobs.length; // the other workers stop after their current page
} finally {
  await browser?.close();
  await server.close();
}
