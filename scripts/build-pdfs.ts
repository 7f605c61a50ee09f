/**
 * Runs after `astro build`: prints every protocol's print page (`/protocollen/<id>/print/`) to
 * `dist/protocollen/<id>/<id>.pdf`, and every redline (`/protocollen/<id>/wijzigingen/print/`) to
 * `dist/protocollen/<id>/wijzigingen/<id>-wijzigingen-<old>-<new>.pdf`, with Paged.js in headless Chromium. Each PDF is written to a temporary
 * file and renamed, so a failure leaves no half-written PDF; any failure exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';
import { loadSite } from '../src/node/site-data.ts';
import { redlinePdfName } from '../src/lib/versions/status.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const protocolsDir = path.join(dist, 'protocollen');
const ids = fs.readdirSync(protocolsDir).filter((d) => fs.existsSync(path.join(protocolsDir, d, 'print', 'index.html')));
/** Each print page and the PDF it becomes, relative to `dist/protocollen`. */
const jobs: { page: string; out: string }[] = ids.map((id) => ({ page: `${id}/print/`, out: `${id}/${id}.pdf` }));
for (const p of loadSite().protocols.values()) {
  const previous = p.history.at(-1);
  if (previous && fs.existsSync(path.join(protocolsDir, p.id, 'wijzigingen', 'print', 'index.html'))) {
    jobs.push({ page: `${p.id}/wijzigingen/print/`, out: `${p.id}/wijzigingen/${redlinePdfName(p.id, previous.version, p.protocol.version)}` });
  }
}
const server = await startStaticServer(dist);
let browser;
try {
  browser = await launchChromium();
  for (const job of jobs) {
    const started = performance.now();
    const { pdf, pages } = await makePdf(browser, `${server.url}/protocollen/${job.page}`);
    const out = path.join(protocolsDir, job.out);
    fs.writeFileSync(`${out}.tmp`, pdf);
    fs.renameSync(`${out}.tmp`, out);
    console.log(`PDF ${path.relative(ROOT, out)}: ${pages} pagina's, ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
} catch (e) {
  console.error(`PDF maken mislukt: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server.close();
}
