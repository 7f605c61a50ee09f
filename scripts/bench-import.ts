/**
 * Bench part (h), the importer (issue 12):
 * - leave-one-out on the five reference models: each `content/reference-models/<id>/source.txt` imported with that
 *   model's own articles removed from the aligner's examples (and the threshold calibrated without them), every
 *   imported article scored against the model's mapping: aligned to the right clause, found as one article,
 *   non-normative parts turned into articles. Also a stricter run that hides, besides, the body of every clause made
 *   only from the held-out model (its wording is that model's own);
 * - the three fictional fixtures (text, .docx, PDF printed by Chromium) against their hand-written alignments;
 * - speed: a 15-page PDF read and aligned in the browser (the built wizard in Chromium), from choosing the file to the
 *   review on screen; the first import on a page (loading the reader and building the aligner) and a second one.
 * Standalone: `npx tsx scripts/bench-import.ts [dist]` prints the JSON and writes it as the `importer` part of
 * bench/results.json, keeping the other parts of that file as they are (it needs a built site for the speed part;
 * without one the speed part is left out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { importText } from '../src/lib/import/import-text.ts';
import { buildAligner } from '../src/lib/import/align.ts';
import { alignClauses } from '../src/lib/import/library-data.ts';
import { scoreFixture, scoreImport, type ExpectedArticle } from '../src/lib/import/measure-import.ts';
import { launchChromium } from '../src/node/browser.ts';
import { importBytes, loadImportContext, type ImportContext } from '../src/node/import-file.ts';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import { makeDocx } from '../tests/fixtures/import/docx-word-numbering-and-headings/make-docx.ts';
import { printFixturePdf } from '../tests/helpers/print-fixture-pdf.ts';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Leave-one-out on the five models. */
function leaveOneOut(ctx: ImportContext, strict: boolean) {
  const clauses = alignClauses(ctx.library.clauses.values());
  const choicePoints = [...ctx.library.choicePoints.values()];
  return [...ctx.models.values()].map((model) => {
    const aligner = buildAligner(clauses, ctx.examples, { excludeModel: model.id, strict });
    const started = performance.now();
    const result = importText(model.sourceText, aligner, { choicePoints });
    const ms = performance.now() - started;
    const s = scoreImport(result, model);
    return {
      model: model.id,
      threshold: aligner.threshold,
      modelArticles: s.modelArticles,
      importedArticles: s.importedArticles,
      alignedRight: s.alignedRight,
      alignedShare: s.alignedShare,
      ownArticles: s.ownArticles,
      alignedWrong: s.alignedWrong,
      foundAsOne: s.foundAsOne,
      foundShare: s.foundShare,
      nonNormativeAsArticles: s.nonNormativeAsArticles,
      importMs: round(ms, 1),
      ...(strict ? {} : { mistakes: s.mistakes }),
    };
  });
}

/** The fixtures against their hand-written alignments. */
async function fixtures(ctx: ImportContext, pdf: Uint8Array) {
  const dir = path.join(ROOT, 'tests/fixtures/import');
  const expected = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as { articles: ExpectedArticle[] })
      .articles;
  const cases: [string, Uint8Array, string][] = [
    [
      'text-bullets-lead-ins-and-prose',
      new Uint8Array(fs.readFileSync(path.join(dir, 'text-bullets-lead-ins-and-prose/protocol.txt'))),
      'protocol.txt',
    ],
    ['docx-word-numbering-and-headings', await makeDocx(), 'protocol.docx'],
    ['pdf-chromium-headers-and-footers', pdf, 'protocol.pdf'],
  ];
  const out = [];
  for (const [name, bytes, file] of cases) {
    const { result } = await importBytes(bytes, file, ctx);
    const s = scoreFixture(result, expected(name));
    out.push({ fixture: name, ...s, alignedShare: round(s.right / s.expected) });
  }
  return out;
}

/** Seconds from choosing a 15-page PDF to the review on screen, in the built wizard. */
async function browserSpeed(dist: string) {
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    let pdf = await printFixturePdf(browser, 4);
    // Aim at 15 pages: the fixture prints 1 + 4 × sections pages; repeat until at least 15.
    let pages = 0;
    for (let repeat = 4; repeat < 12; repeat++) {
      pdf = await printFixturePdf(browser, repeat);
      pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      if (pages >= 15) break;
    }
    const file = path.join(fs.mkdtempSync(path.join(path.dirname(dist), '.bench-import-')), 'protocol-15.pdf');
    fs.writeFileSync(file, pdf);
    const times: { first: number; again: number }[] = [];
    for (let round_ = 0; round_ < 3; round_++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}/samenstellen/`);
      // The import sits on the wizard's first step, "Beginnen".
      await page.locator('#own-protocol-file').waitFor();
      const timeOne = async () => {
        const started = performance.now();
        await page.setInputFiles('#own-protocol-file', file);
        await page.locator('.own-protocol-review').waitFor();
        await page.waitForFunction(() => !document.querySelector('#own-protocol-file:disabled'));
        return performance.now() - started;
      };
      const first = await timeOne();
      await page.getByRole('button', { name: 'Annuleren' }).click();
      const again = await timeOne();
      times.push({ first, again });
      await page.close();
    }
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      pages,
      firstImportSeconds: round(median(times.map((t) => t.first)) / 1000),
      secondImportSeconds: round(median(times.map((t) => t.again)) / 1000),
      runs: times.map((t) => ({ first: round(t.first / 1000), again: round(t.again / 1000) })),
      aimSeconds: 2,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Measures the importer.
 * @param dist a built site, for the browser speed; without one the speed part is left out.
 */
export async function benchImport(dist?: string) {
  const ctx = loadImportContext();
  const browser = await launchChromium();
  let pdf: Uint8Array;
  try {
    pdf = await printFixturePdf(browser);
  } finally {
    await browser.close();
  }
  const loo = leaveOneOut(ctx, false);
  const total = (key: 'alignedRight' | 'foundAsOne' | 'modelArticles' | 'nonNormativeAsArticles') =>
    loo.reduce((s, m) => s + m[key], 0);
  const matched = loo.reduce((s, m) => s + m.alignedRight + m.ownArticles + m.alignedWrong, 0);
  return {
    leaveOneOut: {
      aims: { alignedShare: 0.85, foundShare: 0.9, nonNormativeAsArticles: 0 },
      models: loo,
      overall: {
        alignedShare: round(total('alignedRight') / matched),
        foundShare: round(total('foundAsOne') / total('modelArticles')),
        nonNormativeAsArticles: total('nonNormativeAsArticles'),
      },
    },
    leaveOneOutStrict: leaveOneOut(ctx, true),
    fixtures: await fixtures(ctx, pdf),
    ...(dist && fs.existsSync(path.join(dist, 'samenstellen/index.html'))
      ? { browser15Pages: await browserSpeed(dist) }
      : {}),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dist = process.argv[2] ?? path.join(ROOT, 'dist');
  const importer = await benchImport(dist);
  console.log(JSON.stringify(importer, null, 2));
  const file = path.join(ROOT, 'bench/results.json');
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No earlier results (or unreadable ones): this run's importer part is the file.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(
    tmp,
    `${JSON.stringify({ ...results, importer, importerMeasuredAt: new Date().toISOString() }, null, 2)}\n`,
  );
  fs.renameSync(tmp, file);
  console.error(`importer part of ${path.relative(ROOT, file)} written`);
}
