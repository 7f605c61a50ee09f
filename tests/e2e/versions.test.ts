import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, fold, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const REDLINE = path.join(DIST, 'protocollen/de-linde/wijzigingen/de-linde-wijzigingen-1.0-2.0.pdf');

/** `pdftotext` of the redline, pages `first`–`last` (all by default); `-layout` keeps a line's parts together. */
function redlineText(first?: number, last?: number, ...options: string[]): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...options, ...range, REDLINE, '-'], { encoding: 'utf8' });
}

describe('the changes page of De Linde: draft 2.0 against adopted version 1.0 (JavaScript off)', () => {
  test('numbers the five changes W1–W5 in document order, each with its kind in words, linked from the summary', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      expect((await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`))?.status()).toBe(200);
      expect(fold(await page.locator('h1').innerText())).toBe('Wijzigingen in het protocol van Basisschool De Linde versie 1.0 → concept 2.0');
      const list = await page.locator('.change-list a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent!.replace(/\s+/g, ' ').trim()]));
      expect(list).toEqual([
        ['#w1', 'W1 geschrapt Kennis en informatie delen mag'],
        ['#w2', 'W2 andere keuze gemaakt Telefoon in de tas'],
        ['#w3', 'W3 andere waarde ingevuld Iedereen kan kwetsende berichten melden'],
        ['#w4', 'W4 toegevoegd Groepsapps van ouders'],
        ['#w5', 'W5 verplaatst en gewijzigd Eerst een gesprek'],
      ]);
      expect(await page.locator('.diff-summary .counts li').allInnerTexts()).toEqual([
        '1 andere waarde ingevuld',
        '1 andere keuze gemaakt',
        '1 toegevoegd',
        '1 geschrapt',
        '1 verplaatst en gewijzigd',
        '26 ongewijzigd',
      ]);
      // W5: the moved and edited article says where it was and is, gives its reason, and marks whole words.
      const w5 = page.locator('article#w5');
      expect(await w5.locator('.change-where').innerText()).toBe('versie 1.0 art. 3.9 → concept 2.0 art. 7.2');
      expect(fold(await w5.locator('.reason').innerText())).toMatch(/^Toelichting: Hoort bij de gevolgen, niet bij de afspraken voor iedereen\./);
      expect(await w5.locator('.words del').evaluateAll((ds) => ds.map((d) => d.lastChild!.previousSibling!.textContent))).toEqual(['daar', 'voor ']);
      expect(await w5.locator('.words ins').evaluateAll((ds) => ds.map((d) => d.lastChild!.previousSibling!.textContent))).toEqual([
        'hiervoor',
        'Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.',
      ]);
      // W3: the changed value of the variable, old and new.
      expect(await page.locator('article#w3 table.variables tbody tr').innerText()).toBe(
        'Bij wie kan iemand op school zoiets bijvoorbeeld melden?\tgroepsleerkracht, vertrouwenspersoon\tgroepsleerkracht, intern begeleider, vertrouwenspersoon',
      );
      // An article that was only renumbered (5.1 → 6.1) is not listed.
      expect(await page.locator('article.change').count()).toBe(5);
    } finally {
      await context.close();
    }
  });

  test('shows each change beside the reference model (SCOPE 2012), and says toward or away from it', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`);
      const w2 = page.locator('article#w2 .three-way');
      await w2.locator('summary').click();
      expect(await w2.locator('.col h4').allInnerTexts()).toEqual(['versie 1.0', 'concept 2.0', 'SCOPE (november 2012)']);
      expect(await w2.locator('.col').nth(2).locator('.missing').innerText()).toBe('Het model regelt dit niet.');
      expect(await w2.locator('.direction').innerText()).toBe('Deze wijziging brengt de tekst verder van het model af.');
      expect(await page.locator('article#w1 .direction').textContent()).toBe('Deze wijziging brengt de tekst dichter bij het model.');
    } finally {
      await page.close();
    }
  });

  test('links the redline PDF, and the PDF exists', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`);
      const href = await page.getByRole('link', { name: 'Download de wijzigingen als PDF (om te printen)' }).getAttribute('href');
      expect(href).toBe('/protocollen/de-linde/wijzigingen/de-linde-wijzigingen-1.0-2.0.pdf');
      expect((await page.request.get(`${site.url}${href}`)).status()).toBe(200);
    } finally {
      await page.close();
    }
  });
});

describe('the redline PDF of De Linde (Paged.js in Chromium)', () => {
  test('has 6 A4 pages with the school and both versions in the running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+6$/m);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    for (let n = 1; n <= 6; n++) {
      const lines = redlineText(n).split('\n').map((l) => l.trim());
      expect(lines, `page ${n}`).toContain('Basisschool De Linde');
      expect(lines, `page ${n}`).toContain('Wijzigingen versie 1.0 → concept 2.0');
      expect(lines, `page ${n}`).toContain(`pagina ${n} van 6`);
    }
  });

  test('lists the numbered changes on page 1, each with the page where it stands', () => {
    const lines = redlineText(1, 1, '-layout')
      .split('\n')
      .map(fold)
      .filter((l) => /^W\d/.test(l));
    expect(lines).toEqual([
      'W1 geschrapt Kennis en informatie delen mag (p. 3)',
      'W2 andere keuze gemaakt Telefoon in de tas (p. 4)',
      'W3 andere waarde ingevuld Iedereen kan kwetsende berichten melden (p. 4)',
      'W4 toegevoegd Groepsapps van ouders (p. 5)',
      'W5 verplaatst en gewijzigd Eerst een gesprek (p. 6)',
    ]);
  });

  test('labels every change in the full text where it stands, so it is found without colour', () => {
    const pageOf = (label: string) => [2, 3, 4, 5, 6].find((n) => fold(redlineText(n)).includes(label));
    expect([pageOf('W1 GESCHRAPT'), pageOf('W2 ANDERE KEUZE GEMAAKT'), pageOf('W3 ANDERE WAARDE INGEVULD'), pageOf('W4 TOEGEVOEGD'), pageOf('W5 VERPLAATST EN GEWIJZIGD')]).toEqual([
      3, 4, 4, 5, 6,
    ]);
  });

  test('marks both ends of the move W5: the old place (art. 3.9, page 4) points to the new one and back', () => {
    const lines = (n: number) => redlineText(n, n, '-layout').split('\n').map(fold);
    expect(lines(4)).toContain('W5 VERPLAATST NAAR ART. 7.2');
    expect(lines(4)).toContain('3.9 Eerst een gesprek: staat nu als art. 7.2 op pagina 6.');
    expect(lines(6)).toContain('7.2 Eerst een gesprek (was art. 3.9, pagina 4)');
  });
});

describe('the coverage matrix /dekking/', () => {
  test('shows every choice point against the five models and De Linde, in words', async () => {
    const page = await site.browser.newPage();
    try {
      expect((await page.goto(`${site.url}/dekking/`))?.status()).toBe(200);
      const heads = await page.locator('table.coverage thead th a').allInnerTexts();
      expect(heads.length).toBe(6);
      expect(heads.at(-1)).toBe('Basisschool De Linde');
      const phones = page.locator('tr#keuze-phones-at-school td');
      const cells = (await phones.allInnerTexts()).map((t) => t.split('\n')[0]);
      expect(cells).toHaveLength(6);
      expect(cells.at(-1)).toBe('Telefoon in de tas');
      expect(cells).toContain('niet geregeld');
      expect(fs.existsSync(path.join(DIST, 'dekking/index.html'))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
