/**
 * Runs after `astro build`: prints every protocol's print page (`/protocollen/<id>/print/`) to
 * `dist/protocollen/<id>/<id>.pdf` with Paged.js in headless Chromium. Each PDF is written to a temporary
 * file and renamed, so a failure leaves no half-written PDF; any failure exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const protocolsDir = path.join(dist, 'protocollen');
const ids = fs.readdirSync(protocolsDir).filter((d) => fs.existsSync(path.join(protocolsDir, d, 'print', 'index.html')));
const server = await startStaticServer(dist);
let browser;
try {
  browser = await launchChromium();
  for (const id of ids) {
    const started = performance.now();
    const { pdf, pages } = await makePdf(browser, `${server.url}/protocollen/${id}/print/`);
    const out = path.join(protocolsDir, id, `${id}.pdf`);
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
