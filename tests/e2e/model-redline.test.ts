import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import { changeLabel } from '../../src/lib/render/change-text.ts';
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
  return diff.changes.map((e) => `${e.number} ${changeLabel(e.kind, { against: 'model' })} ${(e.after ?? e.before)!.title}`);
}

/** The pages that list the differences (page 1 up to the page where the full text starts), `-layout`. */
function listText(): string {
  let last = 1;
  while (last < pageCount() && !redlineText(last, last).includes('Volledige tekst van')) last++;
  return redlineText(1, last, '-layout');
}

/** Number of pages of the redline, from pdfinfo. */
function pageCount(): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' }))![1]);
}

describe('the model redline of De Linde against SCOPE (2012)', () => {
  test('has A4 pages with the school, the model and the version in the running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' });
    const pages = pageCount();
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    for (let n = 1; n <= pages; n++) {
      const lines = redlineText(n).split('\n').map((l) => l.trim());
      expect(lines, `page ${n}`).toContain('Basisschool De Linde');
      expect(lines, `page ${n}`).toContain('Model SCOPE (november 2012) → concept 2.0');
      expect(lines, `page ${n}`).toContain(`pagina ${n} van ${pages}`);
    }
  });

  test('lists every difference from the first pages, each with its kind in words and the page where it stands', () => {
    const expected = expectedDifferences();
    expect(expected.length).toBeGreaterThan(15);
    const lines = listText()
      .split('\n')
      .map(fold)
      .filter((l) => /^V\d+ [a-z]/.test(l));
    expect(lines.map((l) => l.replace(/ \(p\. \d+\)$/, ''))).toEqual(expected);
    expect(lines.every((l) => / \(p\. \d+\)$/.test(l))).toBe(true);
    expect(fold(redlineText(1))).toContain(`${expected.length} verschillen van SCOPE naar Basisschool De Linde.`);
  });

  test('labels every difference in the full text on the page the list gives, so it is found without colour', () => {
    const listed = listText()
      .split('\n')
      .map(fold)
      .flatMap((l) => {
        const m = /^(V\d+) ([a-z ]+?) [A-Z'].* \(p\. (\d+)\)$/.exec(l);
        return m ? [[`${m[1]} ${m[2]!.toUpperCase()}`, Number(m[3])] as const] : [];
      });
    expect(listed).toHaveLength(expectedDifferences().length);
    const pages = Array.from({ length: pageCount() - 1 }, (_, i) => i + 2);
    const labelLines = (n: number) => redlineText(n, n, '-layout').split('\n').map(fold);
    const pageOf = (label: string) => pages.find((n) => labelLines(n).includes(label));
    expect(listed.map(([label]) => [label, pageOf(label)])).toEqual(listed);
    // The moved article (twijfel-leidinggevende) is also marked where it stood in the model.
    const moved = listed.find(([label]) => label.endsWith('VERPLAATST EN GEWIJZIGD'))!;
    const number = moved[0].split(' ')[0]!;
    expect(pages.some((n) => labelLines(n).some((l) => l.startsWith(`${number} VERPLAATST NAAR ART. 6.1`)))).toBe(true);
  });

  test('shows another variant worded quite differently (image consent) as two whole texts under captions', () => {
    const item = listText()
      .split('\n')
      .map(fold)
      .map((l) => /^(V\d+) andere keuze gemaakt Toestemming voor beeld, per doel \(p\. (\d+)\)$/.exec(l))
      .find((m) => m)!;
    const lines = redlineText(Number(item[2]), Number(item[2]), '-layout').split('\n').map(fold);
    expect(lines).toContain(`${item[1]} ANDERE KEUZE GEMAAKT`);
    expect(lines).toContain('Tekst in SCOPE:');
    expect(lines).toContain('Tekst in Basisschool De Linde:');
  });
});

describe('the model diff page links its redline', () => {
  test('De Linde against SCOPE: a download link to the PDF, which exists', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/vergelijk/scope-2012/`);
      const href = await page.getByRole('link', { name: 'Download de verschillen als PDF (om te printen)' }).getAttribute('href');
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
      expect(fs.existsSync(path.join(DIST, 'protocollen/scope-2012/vergelijk/scope-2012/print/index.html'))).toBe(false);
    } finally {
      await page.close();
    }
  });
});
