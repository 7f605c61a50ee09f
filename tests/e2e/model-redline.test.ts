import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { changeLabel } from '../../src/lib/render/change-text.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { DIST, fold, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const REDLINE = path.join(DIST, 'protocollen/de-linde/vergelijk/scope-2012/de-linde-verschillen-scope-2012.pdf');

/** `pdftotext` of the model redline, pages `first`–`last` (all by default). */
function redlineText(first?: number, last?: number, ...options: string[]): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...options, ...range, REDLINE, '-'], { encoding: 'utf8' });
}

/** The differences the redline must list, from the same diff the build uses (so a library edit breaks nothing here). */
function expectedDifferences(): string[] {
  const { modelDocs, protocols } = loadSite();
  const diff = diffVersions(modelDocs.get('scope-2012')!, protocols.get('de-linde')!.doc, {}, { against: 'model' });
  return diff.changes.map(
    (e) => `${e.number} ${changeLabel(e.kind, { against: 'model' })} ${(e.after ?? e.before)!.title}`,
  );
}

describe('the model redline of De Linde against SCOPE (2012)', () => {
  const pages = () => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' }))![1]);
  /** The differences as the first pages list them, `V17 andere keuze gemaakt Toestemming … (p. 6)`. */
  const listedLines = () =>
    redlineText(1, 3, '-layout')
      .split('\n')
      .map(fold)
      .filter((l) => /^V\d+ [a-z]/.test(l));
  const labelLines = (n: number) => redlineText(n, n, '-layout').split('\n').map(fold);

  test('has A4 pages with the school, the model and the version in the running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' });
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const n = pages();
    for (let p = 1; p <= n; p++) {
      const lines = redlineText(p)
        .split('\n')
        .map((l) => l.trim());
      expect(lines, `page ${p}`).toContain('Basisschool De Linde');
      expect(lines, `page ${p}`).toContain('Model SCOPE (november 2012) → concept 2.0');
      expect(lines, `page ${p}`).toContain(`pagina ${p} van ${n}`);
    }
  });

  test('lists every difference from the first pages, each with its kind in words and the page where it stands', () => {
    const expected = expectedDifferences();
    expect(expected.length).toBeGreaterThan(15);
    const lines = listedLines();
    expect(lines.map((l) => l.replace(/ \(p\. \d+\)$/, ''))).toEqual(expected);
    expect(lines.every((l) => / \(p\. \d+\)$/.test(l))).toBe(true);
    expect(fold(redlineText(1))).toContain(`${expected.length} verschillen van SCOPE naar Basisschool De Linde.`);
  });

  test('labels every difference in the full text on the page the list gives, so it is found without colour', () => {
    const listed = listedLines().flatMap((l) => {
      const m = /^(V\d+) ([a-z ]+?) [A-Z'].* \(p\. (\d+)\)$/.exec(l);
      return m ? [[`${m[1]} ${m[2]!.toUpperCase()}`, Number(m[3])] as const] : [];
    });
    expect(listed).toHaveLength(41);
    const all = Array.from({ length: pages() }, (_, i) => i + 1);
    const pageOf = (label: string) => all.find((n) => n > 2 && labelLines(n).includes(label));
    expect(listed.map(([label]) => [label, pageOf(label)])).toEqual(listed);
    // A moved article is also marked where it stood in the model ('V29 VERPLAATST NAAR ART. 6.1').
    const movedFrom = all
      .filter((n) => n > 2)
      .flatMap((n) => labelLines(n))
      .filter((l) => /^V\d+ VERPLAATST NAAR ART\. [\d.]+$/.test(l));
    expect(movedFrom.length).toBeGreaterThan(0);
  });

  test('shows another variant worded quite differently (V17, image consent) as two whole texts under captions', () => {
    const page = Number(/\(p\. (\d+)\)$/.exec(listedLines().find((l) => l.startsWith('V17 '))!)![1]);
    const lines = labelLines(page);
    expect(lines).toContain('V17 ANDERE KEUZE GEMAAKT');
    expect(lines).toContain('Tekst in SCOPE:');
    expect(lines).toContain('Tekst in Basisschool De Linde:');
  });
});

describe('the model diff page links its redline', () => {
  test('De Linde against SCOPE: a download link to the PDF, which exists', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/vergelijk/scope-2012/`);
      const href = await page
        .getByRole('link', { name: 'Download de verschillen als PDF (om te printen)' })
        .getAttribute('href');
      expect(href).toBe('/protocollen/de-linde/vergelijk/scope-2012/de-linde-verschillen-scope-2012.pdf');
      expect((await page.request.get(`${site.url}${href}`)).status()).toBe(200);
    } finally {
      await page.close();
    }
  });

  test('the rebuild of SCOPE against SCOPE itself: no differences, so no link and no PDF', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/scope-2012/vergelijk/scope-2012/`);
      expect(await page.getByRole('link', { name: 'Download de verschillen als PDF (om te printen)' }).count()).toBe(0);
      expect(await page.getByText('Geen verschillen met dit model, dus geen PDF met verschillen.').count()).toBe(1);
      expect(fs.existsSync(path.join(DIST, 'protocollen/scope-2012/vergelijk/scope-2012/print/index.html'))).toBe(
        false,
      );
    } finally {
      await page.close();
    }
  });
});

describe('a comparison with a model the school did not start from prints in the browser', () => {
  test('De Linde against Mill Hill: a print button, no link to a PDF or Word file, and none built', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/vergelijk/mill-hill-2023/`);
      const button = page.getByRole('link', { name: 'Druk de verschillen af (of bewaar ze als PDF)' });
      expect(await button.getAttribute('href')).toBe('/protocollen/de-linde/vergelijk/mill-hill-2023/print/?afdrukken');
      expect(await page.locator('main a[href$=".pdf"], main a[href$=".docx"]').count()).toBe(0);
      expect(fold(await page.locator('main').innerText())).toContain(
        'alleen de verschillen met het startpunt van dit protocol klaar (SCOPE)',
      );
      const folder = path.join(DIST, 'protocollen/de-linde/vergelijk/mill-hill-2023');
      expect(fs.readdirSync(folder).filter((f) => /\.(pdf|docx)$/.test(f))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('its print page lays out the redline with the print CSS and Paged.js, then opens the print dialog', async () => {
    const context = await site.browser.newContext();
    try {
      await context.addInitScript(() => {
        (window as unknown as { __printed: number }).__printed = 0;
        window.print = () => void (window as unknown as { __printed: number }).__printed++;
      });
      const page = await context.newPage();
      await page.goto(`${site.url}/protocollen/de-linde/vergelijk/mill-hill-2023/print/?afdrukken`);
      await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1, undefined, {
        timeout: 60_000,
      });
      // Paged.js takes the stylesheet link out once it has read it; the page as served links the print CSS.
      expect(await (await page.request.get(page.url())).text()).toContain(
        '<link rel="stylesheet" href="/vendor/redline.css">',
      );
      expect(await page.locator('.pagedjs_page').count()).toBeGreaterThan(2);
      expect(fold(await page.locator('.pagedjs_page').first().innerText())).toMatch(/\d+ verschillen van Mill Hill/);
    } finally {
      await context.close();
    }
  });

  test('the same print page without ?afdrukken (as the build prints it) opens no print dialog', async () => {
    const context = await site.browser.newContext();
    try {
      await context.addInitScript(() => {
        (window as unknown as { __printed: number }).__printed = 0;
        window.print = () => void (window as unknown as { __printed: number }).__printed++;
      });
      const page = await context.newPage();
      await page.goto(`${site.url}/protocollen/de-linde/vergelijk/scope-2012/print/`);
      await page.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done,
        undefined,
        { timeout: 60_000 },
      );
      expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
