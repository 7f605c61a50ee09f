/**
 * Runs before `astro build`: checks all content once (so a bad file stops the build before anything is written,
 * exit 2; warnings such as a consent dated after the adoption are printed and do not stop it), writes the validated
 * data as a snapshot that `astro build` and `scripts/build-pdfs.ts` read instead of checking it again
 * (src/node/site-snapshot.ts; the path is `PROTOCOLWIJZER_SITE_SNAPSHOT`), and copies the Paged.js polyfill (its
 * package `exports` hide the file), its handlers, `templates/print.css` and
 * `templates/redline.css` into `public/vendor/`, and the site's font into `public/fonts/`. Paged.js reads linked
 * stylesheets; it does not process an inline `<style>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, formatProblem } from '../src/lib/errors/content-error.ts';
import { summarizeFindings } from '../src/lib/lint/review-protocol.ts';
import { reviewWith } from '../src/node/review.ts';
import { loadSite } from '../src/node/site-data.ts';
import { ROOT, SITE_FONT } from '../src/node/paths.ts';
import { DEFAULT_SNAPSHOT, snapshotFromEnv, writeSiteSnapshot } from '../src/node/site-snapshot.ts';

try {
  const site = loadSite();
  writeSiteSnapshot(site, snapshotFromEnv() ?? DEFAULT_SNAPSHOT);
  for (const w of site.warnings) console.warn(`waarschuwing: ${formatProblem(w)}${w.rule ? ` [${w.rule}]` : ''}`);
  console.log(
    `inhoud in orde: ${site.library.clauses.size} bepalingen, ${site.models.size} voorbeeldprotocollen, ${site.protocols.size} protocollen`,
  );
  // The review of each protocol (npm run review -- <file> for the details). Its findings never stop a build.
  for (const p of site.protocols.values()) {
    console.log(
      `controle ${p.file}: ${summarizeFindings(reviewWith(p.protocol, p.doc, site.library, site.modelDocs, p.inherited))}`,
    );
  }
} catch (e) {
  // Exit 2 for a bad file (as npm run diff), 1 for anything else; never a stack trace for a content mistake.
  if (e instanceof ContentError) {
    console.error(`De inhoud bevat fouten; er is niets gebouwd.\n${e.message}`);
    process.exit(2);
  }
  console.error(`De inhoud kon niet gelezen worden: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
fs.mkdirSync(path.join(ROOT, 'public/vendor'), { recursive: true });
fs.copyFileSync(
  path.join(ROOT, 'node_modules/pagedjs/dist/paged.polyfill.min.js'),
  path.join(ROOT, 'public/vendor/paged.polyfill.min.js'),
);
fs.copyFileSync(path.join(ROOT, 'templates/print.css'), path.join(ROOT, 'public/vendor/print.css'));
// The PDF.js worker for the wizard's import, served from the site itself (no other host, whatever the CSP); as .js,
// since a static server may not know .mjs and a module worker needs a JavaScript MIME type.
fs.copyFileSync(
  path.join(ROOT, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'),
  path.join(ROOT, 'public/vendor/pdf.worker.min.js'),
);
fs.copyFileSync(path.join(ROOT, 'templates/redline.css'), path.join(ROOT, 'public/vendor/redline.css'));
fs.copyFileSync(path.join(ROOT, 'templates/paged-handlers.js'), path.join(ROOT, 'public/vendor/paged-handlers.js'));
// The site's only font, served from the site itself (no font host: families' privacy, the AVG).
fs.mkdirSync(path.join(ROOT, 'public/fonts'), { recursive: true });
fs.copyFileSync(SITE_FONT, path.join(ROOT, 'public/fonts', path.basename(SITE_FONT)));
