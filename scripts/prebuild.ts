/**
 * Runs before `astro build`: checks all content (so a bad file stops the build before anything is written)
 * and copies the Paged.js polyfill (its package `exports` hide the file), its handlers, `templates/print.css` and
 * `templates/redline.css` into `public/vendor/`, and the site's font into `public/fonts/`. Paged.js reads linked
 * stylesheets; it does not process an inline `<style>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, formatProblem } from '../src/lib/errors/content-error.ts';
import { loadSite } from '../src/node/site-data.ts';
import { ROOT } from '../src/node/paths.ts';

try {
  const site = loadSite();
  for (const w of site.warnings) console.warn(`waarschuwing: ${formatProblem(w)}${w.rule ? ` [${w.rule}]` : ''}`);
  console.log(`inhoud in orde: ${site.library.clauses.size} bepalingen, ${site.models.size} voorbeeldprotocollen, ${site.protocols.size} protocollen`);
} catch (e) {
  if (e instanceof ContentError) {
    console.error(`De inhoud bevat fouten; er is niets gebouwd.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
fs.mkdirSync(path.join(ROOT, 'public/vendor'), { recursive: true });
fs.copyFileSync(path.join(ROOT, 'node_modules/pagedjs/dist/paged.polyfill.min.js'), path.join(ROOT, 'public/vendor/paged.polyfill.min.js'));
fs.copyFileSync(path.join(ROOT, 'templates/print.css'), path.join(ROOT, 'public/vendor/print.css'));
// The PDF.js worker for the wizard's import, served from the site itself (no other host, whatever the CSP); as .js,
// since a static server may not know .mjs and a module worker needs a JavaScript MIME type.
fs.copyFileSync(path.join(ROOT, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'), path.join(ROOT, 'public/vendor/pdf.worker.min.js'));
fs.copyFileSync(path.join(ROOT, 'templates/redline.css'), path.join(ROOT, 'public/vendor/redline.css'));
fs.copyFileSync(path.join(ROOT, 'templates/paged-handlers.js'), path.join(ROOT, 'public/vendor/paged-handlers.js'));
// The site's only font, served from the site itself (no font host: families' privacy, the AVG).
fs.mkdirSync(path.join(ROOT, 'public/fonts'), { recursive: true });
for (const file of ['atkinson-hyperlegible-latin-400-normal.woff2']) {
  fs.copyFileSync(path.join(ROOT, 'node_modules/@fontsource/atkinson-hyperlegible/files', file), path.join(ROOT, 'public/fonts', file));
}
