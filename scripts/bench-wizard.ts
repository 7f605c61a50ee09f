/**
 * Part (e) of `npm run bench`: the wizard (/samenstellen/) in Chromium, on a built site.
 * - keystroke to preview: from the `keydown` of a key typed in a variable field of the largest protocol (the start
 *   with the most articles, a sector default) to the moment the preview's DOM is updated and laid out, in ms (median, p95, max);
 * - the JavaScript the wizard page loads before any interaction (external and inline), gzipped, in KB;
 * - the keyboard walk of issue 13 (src/node/wizard-walk.ts): a new vo school from an empty wizard to a review-clean
 *   protocol by keyboard only, at 360 and 1280 px: the screens each step takes and the actions (aims: the decisions
 *   on at most 15 screens, at most 120 actions).
 *
 * Run alone: `npx tsx scripts/bench-wizard.ts [dist] [--no-walk]` (default `dist/`; prints the figures, writes
 * nothing; `--no-walk` skips the keyboard walk, for a quick look at the keystroke figures).
 */
import zlib from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../src/node/browser.ts';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';
import type { WizardData } from '../src/lib/wizard/wizard-data.ts';
import { walkNewVoSchool } from '../src/node/wizard-walk.ts';

/** Keystrokes measured after the warm-up. */
const KEYSTROKES = 300;
const WARMUP = 30;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Measures the wizard on the site in `dist`.
 * @param dist a built site (with `/samenstellen/`).
 * @param opts `walk`: also do the keyboard walk at 360 and 1280 px (default true).
 */
export async function benchWizard(dist: string, opts: { walk?: boolean } = {}) {
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: { url: string; body: Buffer }[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), body: await r.body() });
    });
    await page.goto(`${server.url}/samenstellen/`, { waitUntil: 'networkidle' });
    await page.locator('#school-sector').waitFor();
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    );
    const gz = (b: Buffer | string) => zlib.gzipSync(b, { level: 9 }).length;
    const external = scripts.map((s) => ({
      file: path.basename(new URL(s.url).pathname),
      bytes: s.body.length,
      gzip: gz(s.body),
    }));
    const inlineGzip = inline.reduce((sum, s) => sum + gz(s), 0);
    const jsGzipKB = round((external.reduce((s, x) => s + x.gzip, 0) + inlineGzip) / 1024, 1);

    // The largest protocol: the start with the most articles.
    const data = (await (await fetch(`${server.url}/samenstellen/bibliotheek.json`)).json()) as WizardData;
    const count = (s: WizardData['starts'][number]) => s.protocol.sections.reduce((n, x) => n + x.articles.length, 0);
    // The largest start: a sector default (every clause that fits the sector) beats any model.
    const largest = [...data.starts].sort((a, b) => count(b) - count(a))[0]!;
    await page.locator('.wizard-steps button', { hasText: 'Beginnen' }).click();
    if (largest.id.startsWith('sector:'))
      await page.locator('#school-sector').selectOption(largest.id.slice('sector:'.length));
    else await page.locator('.more-starts summary').click();
    await page.locator(`button[aria-describedby="start-${largest.id.replace(':', '-')}"]`).click();
    await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
    await page.locator('#school-name').fill('Basisschool De Meting');
    // A text field of an article's value: on "Gegevens", else among the decisions, else in "Alle artikelen".
    const selector = 'input[type="text"][id*="-var-"], textarea[id*="-var-"]';
    let field = page.locator(selector).first();
    for (const step of ['Keuzes', 'Alle artikelen']) {
      if ((await field.count()) > 0) break;
      await page.locator('.wizard-steps button', { hasText: step }).click();
      if (step === 'Alle artikelen') {
        await page.locator('#filter-choice').check();
        // Open articles one by one until one shows a text field.
        for (let i = 0; (await page.locator(selector).count()) === 0 && i < 80; i++) {
          const closed = page.locator('.article-more:not([open]) > summary');
          if ((await closed.count()) === 0) break;
          await closed.first().click();
        }
      }
      field = page.locator(selector).first();
    }
    await field.focus();
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __samples: number[] };
      w.__samples = [];
      document.addEventListener('keydown', () => (w.__t0 = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (!w.__t0) return;
        void document.querySelector('.preview-body')!.getBoundingClientRect(); // layout included
        w.__samples.push(performance.now() - w.__t0);
        w.__t0 = 0;
      }).observe(document.querySelector('.preview-body')!, { childList: true, subtree: true, characterData: true });
    });
    for (let i = 0; i < WARMUP + KEYSTROKES; i++) await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    const samples = (await page.evaluate(() => (window as unknown as { __samples: number[] }).__samples)).slice(WARMUP);

    // The keyboard walk, on a phone and on a laptop, each in a fresh context (empty storage).
    const walks: Record<string, Awaited<ReturnType<typeof walkNewVoSchool>>> = {};
    for (const width of opts.walk === false ? [] : [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 900 } });
      const walkPage = await context.newPage();
      walkPage.on('dialog', (d) => void d.accept());
      await walkPage.goto(`${server.url}/samenstellen/`);
      walks[`${width}px`] = await walkNewVoSchool(walkPage);
      await context.close();
    }
    return {
      start: largest.id,
      articles: count(largest),
      keystrokes: samples.length,
      keystrokeToPreviewMs: {
        median: round(quantile(samples, 0.5)),
        p95: round(quantile(samples, 0.95)),
        max: round(Math.max(...samples)),
      },
      aimP95Ms: 16,
      jsGzipKB,
      aimJsGzipKB: 80,
      scripts: [...external, { file: '(inline)', bytes: inline.reduce((s, x) => s + x.length, 0), gzip: inlineGzip }],
      keyboardWalk: Object.fromEntries(
        Object.entries(walks).map(([k, w]) => [
          k,
          { screens: w.screens, decisionScreens: w.screens['Keuzes'], actions: w.actions, review: w.reviewSummary },
        ]),
      ),
      aimDecisionScreens: 15,
      aimActions: 120,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'dist');
  console.log(JSON.stringify(await benchWizard(path.resolve(dist), { walk: !args.includes('--no-walk') }), null, 2));
}
