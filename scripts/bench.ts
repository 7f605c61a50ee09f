/**
 * `npm run bench`: measures the build and its parts and writes `bench/results.json`. It records numbers
 * and ratios only; it asserts nothing about time (machines differ). About 3–4 minutes on 2 cores.
 *
 * (a) `npm run build` of the included protocols (a copy of content/) into a temporary folder (dist/ is left alone),
 *     by step: cold (empty output cache), then again into the same output after one school's name changed, and
 *     the rebuild's share of the cold build (aim ≤ 0.5; issue 15);
 * (b) is now part (k);
 * (c) seconds per PDF in a warm browser, from the build of (a);
 * (d) milliseconds per comparison (`diffVersions` against a model) of every included protocol with every model;
 * (e) the wizard in Chromium, on the build of (a): keystroke to updated preview for the largest reference model,
 *     and the gzipped JavaScript the page loads (scripts/bench-wizard.ts).
 * (g) gzipped weight of each protocol page and everything it loads (budget 40 KB);
 * (f) milliseconds per version diff (`diffVersions`) of a 200-article protocol against its previous version and
 *     against each of the five models (scripts/bench-versions.ts);
 * (h) milliseconds per review (`reviewProtocol`) of each included protocol, and its findings per rule
 *     (scripts/bench-review.ts).
 * (i) the importer (scripts/bench-import.ts): leave-one-out on the five models, the three fixtures against their
 *     hand-written alignments, and a 15-page PDF read and aligned in the built wizard in Chromium.
 * (j) seconds per protocol .docx and per redline .docx, and the gzipped weight of the self-contained family page
 *     of the wizard's publication package, font included (budget 40 KB, no JavaScript) (scripts/bench-docx.ts).
 * (k) the build at scale (scripts/bench/scale.ts; alone: `npm run bench:scale`): 50, 200 and 1,000 generated
 *     protocols over 20 boards (`BENCH_SIZES=50,200` to choose), cold and after one change, PDFs made and reused,
 *     astro beside a bare Astro build of as many pages, peak memory, and the projection to 9,000 schools.
 * The builds include the Word files (`build-docx`).
 *
 * Each part lives in its own module under scripts/bench/ (build, generate-protocols, pdfs, diffs, page-weight,
 * stats); this file runs them in order and writes the results.
 *
 * Set `BENCH_KEEP=1` to keep the temporary folders (their paths are printed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { loadSite } from '../src/node/site-data.ts';
import { timeBuild } from './bench/build.ts';
import { timeDiffs } from './bench/diffs.ts';
import { benchScale, benchSizes, earlierRuns } from './bench/scale.ts';
import { pageWeights } from './bench/page-weight.ts';
import { timePdfs } from './bench/pdfs.ts';
import { round, seconds } from './bench/stats.ts';
import { benchImport } from './bench-import.ts';
import { benchWizard } from './bench-wizard.ts';
import { timeReviews } from './bench-review.ts';
import { timeVersionDiffs } from './bench-versions.ts';
import { benchDocx } from './bench-docx.ts';

const benchStarted = performance.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-bench-'));
const keep = process.env.BENCH_KEEP === '1';
try {
  const site = loadSite();
  const ids = [...site.protocols.keys()];
  const modelIds = [...site.models.keys()];

  console.log(`(a) build of the ${ids.length} included protocols, cold …`);
  const outA = path.join(tmp, 'out-included');
  // A copy of the content, so the rebuild after one change leaves content/ alone; an empty cache: a cold build. The
  // copy sits beside content/ because the handleiding's MDX imports components by relative path (../../src/…).
  const contentA = path.join(ROOT, `.bench-inhoud-${process.pid}`);
  fs.cpSync(path.join(ROOT, 'content'), contentA, { recursive: true });
  const buildA = { content: contentA, cache: path.join(tmp, 'cache-included'), work: tmp };
  const included = await timeBuild('(a) cold', outA, buildA);
  console.log(`    ${included.seconds.total} s (${JSON.stringify(included.seconds)})`);
  console.log(`(a) rebuild after one school's name changed, into the same output …`);
  // A school without earlier versions (an earlier version must carry the same school name).
  const school = [...site.protocols.values()].find((p) => p.history.length === 0)!.id;
  const changed = path.join(contentA, 'protocols', `${school}.yaml`);
  fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace(/^( {2}name: .*)$/m, '$1 (gewijzigd)'));
  const rebuildA = await timeBuild('(a) rebuild', outA, buildA);
  const rebuildShare = round(rebuildA.seconds.total / included.seconds.total, 2);
  console.log(
    `    ${rebuildA.seconds.total} s (${JSON.stringify(rebuildA.seconds)}), ${rebuildShare} of the cold build, ` +
      `pages ${JSON.stringify(rebuildA.pages)}`,
  );

  console.log('(c) PDFs in a warm browser …');
  const pdf = await timePdfs(outA, ids);
  console.log(`    median ${pdf.medianSeconds} s per protocol`);

  console.log(`(d) diffs, ${ids.length} protocols × ${modelIds.length} models …`);
  const diff = timeDiffs(site);
  console.log(`    median ${diff.medianOfMediansMs} ms per pair, worst p95 ${diff.maxP95Ms} ms`);

  console.log('(e) the wizard in Chromium …');
  const wizard = await benchWizard(outA);
  console.log(
    `    keystroke to preview p95 ${wizard.keystrokeToPreviewMs.p95} ms (${wizard.start}), ` +
      `JavaScript ${wizard.jsGzipKB} KB gzipped; keyboard walk at 360 px: decisions on ` +
      `${wizard.keyboardWalk['360px']?.decisionScreens} screens, ${wizard.keyboardWalk['360px']?.actions.total} actions`,
  );
  console.log('(f) version diffs of a 200-article protocol …');
  const versionDiff = timeVersionDiffs(site);
  const review = timeReviews(site);
  console.log(`    median ${versionDiff.againstPrevious.medianMs} ms against its previous version`);
  console.log('(g) page weight of each protocol page and what it loads, gzipped …');
  const weight = pageWeights(outA, ids);
  console.log(`    largest ${weight.maxKb} KB (budget 40 KB)`);
  console.log('(i) the importer: leave-one-out on the models, the fixtures, a 15-page PDF in the browser …');
  const importer = await benchImport(outA);
  console.log(
    `    right clause ${importer.leaveOneOut.overall.alignedShare}, found as one ${importer.leaveOneOut.overall.foundShare}, ` +
      `${importer.browser15Pages ? `${importer.browser15Pages.pages}-page PDF ${importer.browser15Pages.firstImportSeconds} s` : 'no browser run'}`,
  );
  console.log('(j) Word files and the family page of the publication package …');
  const word = await benchDocx(site);
  console.log(
    `    median ${word.protocolDocx.medianSeconds} s per .docx, ${word.redlineDocx.medianSeconds} s per redline .docx, ` +
      `family page ${word.familyPage.maxKb} KB gzipped`,
  );

  const perProtocolA = included.seconds.total / ids.length;
  console.log('(k) the build at scale …');
  const earlier = earlierRuns(path.join(ROOT, 'bench/results.json'));
  const scale = await benchScale(site, benchSizes(), path.join(tmp, 'schaal'), earlier);
  const results = {
    timestamp: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    },
    buildIncluded: {
      protocols: ids.length,
      ...included.seconds,
      secondsPerProtocol: round(perProtocolA),
      peakMiB: included.peakMiB,
      htmlPages: included.htmlPages,
      pdfFiles: included.pdfFiles,
      docxFiles: included.docxFiles,
      rebuildAfterOneChange: { ...rebuildA.seconds, pages: rebuildA.pages, pdfs: rebuildA.pdfs, docx: rebuildA.docx },
      rebuildShareOfCold: rebuildShare,
      rebuildWithinAim: rebuildShare <= 0.5,
    },
    pdfWarm: pdf,
    diff,
    wizard,
    versionDiff,
    review,
    pageWeight: weight,
    importer,
    word,
    scale,
    benchSeconds: seconds(performance.now() - benchStarted),
  };
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench/results.json written (${results.benchSeconds} s in all)`);
} finally {
  fs.rmSync(path.join(ROOT, `.bench-inhoud-${process.pid}`), { recursive: true, force: true });
  if (keep) console.log(`temporary folders kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
