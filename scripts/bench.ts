/**
 * `npm run bench`: measures the build and its parts and writes `bench/results.json`. It records numbers
 * and ratios only; it asserts nothing about time (machines differ). About 3–4 minutes on 2 cores.
 *
 * (a) build of the included protocols: prebuild, `astro build` and the PDFs, each a child process, as
 *     `npm run build` runs them, into a temporary folder (dist/ is left alone);
 * (b) the same build for 200 generated protocols (variations of the included ones: other schools, other
 *     choices, other order), in a temporary copy of content/ (`PROTOCOLWIJZER_CONTENT`, `PROTOCOLWIJZER_OUT`);
 * (c) seconds per PDF in a warm browser, from the build of (a);
 * (d) milliseconds per comparison (`diffDocuments`) of every included protocol with every reference model;
 * (e) the wizard in Chromium, on the build of (a): keystroke to updated preview for the largest reference model,
 *     and the gzipped JavaScript the page loads (scripts/bench-wizard.ts).
 * (g) gzipped weight of each protocol page and everything it loads (budget 40 KB);
 * (f) milliseconds per version diff (`diffVersions`) of a 200-article protocol against its previous version and
 *     against each of the five models (scripts/bench-versions.ts);
 * (h) milliseconds per review (`reviewProtocol`) of each included protocol, and its findings per rule
 *     (scripts/bench-review.ts);
 * (i) seconds per protocol .docx and per redline .docx, and the gzipped weight of the self-contained family page
 *     of the wizard's publication package, font included (budget 40 KB, no JavaScript) (scripts/bench-docx.ts).
 * The builds of (a) and (b) include the Word files (`build-docx`).
 *
 * Set `BENCH_KEEP=1` to keep the temporary folders (their paths are printed).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, stringify } from 'yaml';
import { diffDocuments } from '../src/lib/diff/diff-documents.ts';
import { parseProtocol } from '../src/lib/compose/parse-protocol.ts';
import { documentArticles, type Library } from '../src/lib/compose/document.ts';
import type { ProtocolInput } from '../src/lib/schema/protocol.ts';
import { launchChromium } from '../src/node/browser.ts';
import { makePdf } from '../src/node/make-pdf.ts';
import { ROOT } from '../src/node/paths.ts';
import { loadSite } from '../src/node/site-data.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { benchWizard } from './bench-wizard.ts';
import { timeReviews } from './bench-review.ts';
import { timeVersionDiffs } from './bench-versions.ts';
import { benchDocx } from './bench-docx.ts';

/** How many protocols part (b) generates. */
const GENERATED = 200;
/** Warm rounds per PDF in part (c), after one round to warm up. */
const PDF_ROUNDS = 3;
/** Part (d): each pair runs at least this many times, and for at least this long. */
const DIFF_MIN_RUNS = 200;
const DIFF_MIN_MS = 250;
const DIFF_MAX_RUNS = 20_000;

const seconds = (ms: number) => Math.round(ms) / 1000;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The value below which `q` (0–1) of the sorted values lie (nearest rank). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
const median = (values: number[]) => quantile(values, 0.5);

/** Runs a command in the project root; resolves with its duration in ms and its output; exits the bench when it fails. */
function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) {
        console.error(`${label} failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`);
        process.exit(1);
      }
      resolve({ ms, output });
    });
  });
}

/** Counts files under a folder whose name ends with `suffix`. */
function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  return n;
}

/** prebuild + astro build + build-pdfs + build-docx, as `npm run build` runs them, with the given content and output folders. */
async function timeBuild(label: string, out: string, content?: string) {
  const env: NodeJS.ProcessEnv = { PROTOCOLWIJZER_OUT: out, ...(content ? { PROTOCOLWIJZER_CONTENT: content } : {}) };
  const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
  const prebuild = await run(`${label}: prebuild`, bin('tsx'), ['scripts/prebuild.ts'], env);
  const astro = await run(`${label}: astro build`, bin('astro'), ['build'], env);
  const search = await run(`${label}: pagefind`, bin('pagefind'), ['--site', out, '--silent'], env);
  const pdfs = await run(`${label}: build-pdfs`, bin('tsx'), ['scripts/build-pdfs.ts'], env);
  const docx = await run(`${label}: build-docx`, bin('tsx'), ['scripts/build-docx.ts'], env);
  const totalMs = prebuild.ms + astro.ms + search.ms + pdfs.ms + docx.ms;
  return {
    seconds: {
      prebuild: seconds(prebuild.ms),
      astroBuild: seconds(astro.ms),
      pagefind: seconds(search.ms),
      pdfs: seconds(pdfs.ms),
      docx: seconds(docx.ms),
      total: seconds(totalMs),
    },
    htmlPages: countFiles(out, '.html'),
    pdfFiles: countFiles(out, '.pdf'),
    docxFiles: countFiles(out, '.docx'),
    totalMs,
  };
}

/** A small deterministic random generator (mulberry32), so every run generates the same protocols. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHOOL_KINDS: Record<string, string[]> = {
  po: ['Basisschool', 'Kindcentrum', 'Openbare basisschool', 'Christelijke basisschool'],
  so: ['School voor speciaal onderwijs'],
  vo: ['Lyceum', 'College', 'Scholengemeenschap'],
  mbo: ['ROC', 'Vakcollege'],
};
const NAMES = ['De Eik', 'De Wilg', 'De Esdoorn', 'Het Kompas', 'De Regenboog', 'De Vlinder', 'Het Baken', 'De Horizon', 'De Klimop', 'Het Anker', 'De Zonnewijzer', 'De Meander'];
const PLACES = ['Utrecht', 'Zwolle', 'Tilburg', 'Leeuwarden', 'Delft', 'Arnhem', 'Middelburg', 'Assen', 'Venlo', 'Haarlem'];

/**
 * Writes `count` valid protocols into `<content>/protocols/` (after emptying it), each a variation of one of
 * the included protocols: another school name and place, another variant at some choice points (variants
 * without required values, so the defaults apply), sometimes a section in another order. Each file is
 * checked with {@link parseProtocol}; one that does not pass is written without the changed choices.
 *
 * @returns how many files chose another variant at one choice point or more.
 */
function generateProtocols(content: string, count: number, library: Library, modelIds: string[]): number {
  const dir = path.join(content, 'protocols');
  const bases = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ProtocolInput);
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  // The handleiding embeds articles of De Linde, which the generated site does not have; it is not what is measured.
  fs.rmSync(path.join(content, 'docs'), { recursive: true, force: true });
  const variantsOf = new Map<string, string[]>();
  for (const c of library.clauses.values()) {
    const required = Object.values(c.variables).some((v) => v.required);
    if (c.choicePoint && !required) variantsOf.set(c.choicePoint, [...(variantsOf.get(c.choicePoint) ?? []), c.id]);
  }
  const rnd = random(20_251_121);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  let withOtherChoices = 0;
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const p = structuredClone(base);
    const sector = p.school.sector;
    p.school.name = `${pick(SCHOOL_KINDS[sector] ?? ['School'])} ${pick(NAMES)} ${i + 1}`;
    p.school.place = pick(PLACES);
    p.version = `${1 + (i % 3)}.${i % 10}`;
    const plain = stringify(p);
    // Other choices: swap some variants for another variant of the same choice point.
    const used = new Set(p.sections.flatMap((s) => s.articles.flatMap((a) => ('clause' in a ? [a.clause] : []))));
    let swapped = false;
    for (const section of p.sections) {
      section.articles = section.articles.map((a) => {
        if (!('clause' in a)) return a;
        const cp = library.clauses.get(a.clause)?.choicePoint;
        const others = cp ? (variantsOf.get(cp) ?? []).filter((id) => !used.has(id)) : [];
        if (!others.length || rnd() < 0.5) return a;
        const other = pick(others);
        used.delete(a.clause);
        used.add(other);
        if (p.overrides) delete p.overrides[a.clause];
        swapped = true;
        return { clause: other };
      });
    }
    // Another order: reverse the articles of one section now and then.
    if (rnd() < 0.3) {
      const section = pick(p.sections);
      section.articles = [...section.articles].reverse();
    }
    const file = path.join(dir, `gen-${String(i + 1).padStart(3, '0')}.yaml`);
    let text = stringify(p);
    try {
      parseProtocol(text, file, library, modelIds);
      if (swapped) withOtherChoices++;
    } catch {
      text = plain;
      parseProtocol(text, file, library, modelIds); // a plain rename must pass; if not, the bench stops here
    }
    fs.writeFileSync(file, text);
  }
  return withOtherChoices;
}

/** (c): each included protocol's PDF, made again in one warm browser from the build of (a). */
async function timePdfs(out: string, ids: string[]) {
  const server = await startStaticServer(out);
  const browser = await launchChromium();
  try {
    const url = (id: string) => `${server.url}/protocollen/${id}/print/`;
    await makePdf(browser, url(ids[0]!)); // warm-up, not counted
    const samples = new Map<string, { ms: number[]; pages: number }>(ids.map((id) => [id, { ms: [], pages: 0 }]));
    for (let round = 0; round < PDF_ROUNDS; round++) {
      for (const id of ids) {
        const started = performance.now();
        const { pages } = await makePdf(browser, url(id));
        const s = samples.get(id)!;
        s.ms.push(performance.now() - started);
        s.pages = pages;
      }
    }
    const perProtocol = ids.map((id) => {
      const s = samples.get(id)!;
      return { protocol: id, pages: s.pages, seconds: seconds(median(s.ms)), runs: s.ms.map(seconds) };
    });
    return {
      chromium: browser.version(),
      rounds: PDF_ROUNDS,
      perProtocol,
      medianSeconds: round(median(perProtocol.map((p) => p.seconds))),
      medianSecondsPerPage: round(median(perProtocol.map((p) => p.seconds / p.pages)), 4),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** (d): every included protocol against every reference model, each pair repeated until its median is stable. */
function timeDiffs(site: ReturnType<typeof loadSite>) {
  const pairs = [];
  for (const [id, { doc }] of site.protocols) {
    for (const [modelId, modelDoc] of site.modelDocs) {
      for (let i = 0; i < 20; i++) diffDocuments(modelDoc, doc); // warm-up
      const ms: number[] = [];
      const started = performance.now();
      while (ms.length < DIFF_MAX_RUNS && (ms.length < DIFF_MIN_RUNS || performance.now() - started < DIFF_MIN_MS)) {
        const t = performance.now();
        diffDocuments(modelDoc, doc);
        ms.push(performance.now() - t);
      }
      const { counts } = diffDocuments(modelDoc, doc);
      pairs.push({
        protocol: id,
        model: modelId,
        articles: { protocol: documentArticles(doc).length, model: documentArticles(modelDoc).length },
        counts,
        runs: ms.length,
        medianMs: round(median(ms), 4),
        p95Ms: round(quantile(ms, 0.95), 4),
      });
    }
  }
  return {
    pairs,
    medianOfMediansMs: round(median(pairs.map((p) => p.medianMs)), 4),
    maxP95Ms: round(Math.max(...pairs.map((p) => p.p95Ms)), 4),
  };
}

/**
 * Gzipped bytes (level 9) of each protocol page and the files it loads: the HTML (its CSS is inlined) and every
 * `url(/fonts/…)` in it. The same budget is asserted in tests/e2e/page-weight.test.ts, from what a browser loads.
 */
function pageWeights(out: string, ids: string[]) {
  const perPage: Record<string, number> = {};
  for (const id of ids) {
    const html = fs.readFileSync(path.join(out, 'protocollen', id, 'index.html'));
    const fonts = [...new Set(html.toString().match(/\/fonts\/[\w.-]+\.woff2/g) ?? [])];
    const bytes = [html, ...fonts.map((f) => fs.readFileSync(path.join(out, f)))].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    perPage[id] = round(bytes / 1024, 1);
  }
  return { kbGzipped: perPage, maxKb: Math.max(...Object.values(perPage)), budgetKb: 40 };
}

const benchStarted = performance.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-bench-'));
const keep = process.env.BENCH_KEEP === '1';
try {
  const site = loadSite();
  const ids = [...site.protocols.keys()];
  const modelIds = [...site.models.keys()];

  console.log(`(a) build of the ${ids.length} included protocols …`);
  const outA = path.join(tmp, 'out-included');
  const included = await timeBuild('(a)', outA);
  console.log(`    ${included.seconds.total} s (${JSON.stringify(included.seconds)})`);

  console.log(`(b) build of ${GENERATED} generated protocols …`);
  const content = path.join(tmp, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const withOtherChoices = generateProtocols(content, GENERATED, site.library, modelIds);
  const outB = path.join(tmp, 'out-generated');
  const generated = await timeBuild('(b)', outB, content);
  console.log(`    ${generated.seconds.total} s (${JSON.stringify(generated.seconds)})`);

  console.log('(c) PDFs in a warm browser …');
  const pdf = await timePdfs(outA, ids);
  console.log(`    median ${pdf.medianSeconds} s per protocol`);

  console.log(`(d) diffs, ${ids.length} protocols × ${modelIds.length} models …`);
  const diff = timeDiffs(site);
  console.log(`    median ${diff.medianOfMediansMs} ms per pair, worst p95 ${diff.maxP95Ms} ms`);

  console.log('(e) the wizard in Chromium …');
  const wizard = await benchWizard(outA);
  console.log(`    keystroke to preview p95 ${wizard.keystrokeToPreviewMs.p95} ms (${wizard.model}), JavaScript ${wizard.jsGzipKB} KB gzipped`);
  console.log('(f) version diffs of a 200-article protocol …');
  const versionDiff = timeVersionDiffs(site);
  const review = timeReviews(site);
  console.log(`    median ${versionDiff.againstPrevious.medianMs} ms against its previous version`);
  console.log('(g) page weight of each protocol page and what it loads, gzipped …');
  const weight = pageWeights(outA, ids);
  console.log(`    largest ${weight.maxKb} KB (budget 40 KB)`);
  console.log('(i) Word files and the family page of the publication package …');
  const word = await benchDocx(site);
  console.log(`    median ${word.protocolDocx.medianSeconds} s per .docx, ${word.redlineDocx.medianSeconds} s per redline .docx, family page ${word.familyPage.maxKb} KB gzipped`);

  const perProtocolA = included.totalMs / 1000 / ids.length;
  const perProtocolB = generated.totalMs / 1000 / GENERATED;
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
      htmlPages: included.htmlPages,
      pdfFiles: included.pdfFiles,
    },
    buildGenerated: {
      protocols: GENERATED,
      withOtherChoices,
      ...generated.seconds,
      secondsPerProtocol: round(perProtocolB),
      htmlPages: generated.htmlPages,
      pdfFiles: generated.pdfFiles,
      ratioToIncluded: {
        total: round(generated.totalMs / included.totalMs, 2),
        astroBuild: round(generated.seconds.astroBuild / included.seconds.astroBuild, 2),
        pdfs: round(generated.seconds.pdfs / included.seconds.pdfs, 2),
        protocols: round(GENERATED / ids.length, 2),
        secondsPerProtocol: round(perProtocolB / perProtocolA, 2),
      },
    },
    pdfWarm: pdf,
    diff,
    wizard,
    versionDiff,
    review,
    pageWeight: weight,
    word,
    benchSeconds: seconds(performance.now() - benchStarted),
  };
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench/results.json written (${results.benchSeconds} s in all)`);
} finally {
  if (keep) console.log(`temporary folders kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
