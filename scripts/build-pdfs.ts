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
 * written to a temporary file and renamed, so a failure leaves no half-written PDF; any failure exits 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';
import { loadSite } from '../src/node/site-data.ts';
import { modelRedlinePdfName, redlinePdfName } from '../src/lib/versions/status.ts';
import { protocolOutputs } from '../src/node/outputs.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const protocolsDir = path.join(dist, 'protocollen');
const built = (page: string) => fs.existsSync(path.join(protocolsDir, page, 'index.html'));
const site = loadSite();
/** Each print page and the PDF it becomes, relative to `dist/protocollen`. */
const jobs: { page: string; out: string }[] = [];
/** PDFs that are the same document as one printed: copied after printing. */
const copies: { from: string; to: string }[] = [];
const under = (sitePath: string) => sitePath.replace(/^\/protocollen\//, '');
for (const p of site.protocols.values()) {
  for (const o of protocolOutputs(p)) {
    if (o.sameAs) copies.push({ from: under(o.sameAs), to: under(o.pdf) });
    else if (built(under(o.print))) jobs.push({ page: under(o.print), out: under(o.pdf) });
  }
}
for (const p of site.protocols.values()) {
  const previous = p.history.at(-1);
  if (previous && built(`${p.id}/wijzigingen/print/`)) {
    jobs.push({ page: `${p.id}/wijzigingen/print/`, out: `${p.id}/wijzigingen/${redlinePdfName(p.id, previous.version, p.protocol.version)}` });
  }
}
for (const p of site.protocols.values()) {
  for (const model of site.models.keys()) {
    const page = `${p.id}/vergelijk/${model}/print/`;
    if (built(page)) jobs.push({ page, out: `${p.id}/vergelijk/${model}/${modelRedlinePdfName(p.id, model)}` });
  }
}

const server = await startStaticServer(dist);
let browser;
const started = performance.now();
try {
  browser = await launchChromium();
  const b = browser;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const t0 = performance.now();
      const { pdf, pages } = await makePdf(b, `${server.url}/protocollen/${job.page}`);
      const out = path.join(protocolsDir, job.out);
      fs.writeFileSync(`${out}.tmp`, pdf);
      fs.renameSync(`${out}.tmp`, out);
      console.log(`PDF ${path.relative(ROOT, out)}: ${pages} pagina's, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
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
} finally {
  await browser?.close();
  await server.close();
}
