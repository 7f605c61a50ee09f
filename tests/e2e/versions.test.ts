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

/** Dutch kind of each change as the page and the redline label it, by the redline's page-1 wording. */
const KIND_LABEL: Record<string, string> = {
  toegevoegd: 'TOEGEVOEGD',
  geschrapt: 'GESCHRAPT',
  'andere keuze gemaakt': 'ANDERE KEUZE GEMAAKT',
  'andere waarde ingevuld': 'ANDERE WAARDE INGEVULD',
  'verplaatst en gewijzigd': 'VERPLAATST EN GEWIJZIGD',
};

describe('the changes page of De Linde: draft 2.0 against adopted version 1.0 (JavaScript off)', () => {
  test('numbers the 21 changes W1–W21 in document order, each with its kind in words, linked from the summary', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      expect((await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`))?.status()).toBe(200);
      expect(fold(await page.locator('h1').innerText())).toBe(
        'Wijzigingen in het protocol van Basisschool De Linde versie 1.0 → concept 2.0',
      );
      const list = await page
        .locator('.change-list a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent!.replace(/\s+/g, ' ').trim()]));
      expect(list).toHaveLength(21);
      expect(list.slice(0, 5)).toEqual([
        ['#w1', 'W1 toegevoegd Vaststelling, instemming en evaluatie'],
        ['#w2', 'W2 geschrapt Voor wie de afspraken gelden'],
        ['#w3', 'W3 toegevoegd Voor wie dit protocol geldt'],
        ['#w4', 'W4 geschrapt Kennis en informatie delen mag'],
        ['#w5', 'W5 andere keuze gemaakt Toestemming voor beeld, per doel'],
      ]);
      expect(list.at(-1)).toEqual(['#w21', 'W21 verplaatst en gewijzigd Eerst een gesprek']);
      expect(await page.locator('.diff-summary .counts li').allInnerTexts()).toEqual([
        '1 andere waarde ingevuld',
        '2 andere keuze gemaakt',
        '15 toegevoegd',
        '2 geschrapt',
        '1 verplaatst en gewijzigd',
        '24 ongewijzigd',
      ]);
      // W21: the moved and edited article says where it was and is, gives its reason, and marks whole words.
      const w21 = page.locator('article#w21');
      expect(await w21.locator('.change-where').innerText()).toBe('versie 1.0 art. 3.9 → concept 2.0 art. 8.2');
      expect(fold(await w21.locator('.reason').innerText())).toMatch(
        /^Toelichting: Hoort bij de gevolgen, niet bij de afspraken voor iedereen\./,
      );
      expect(
        await w21.locator('.words del').evaluateAll((ds) => ds.map((d) => d.lastChild!.previousSibling!.textContent)),
      ).toEqual(['daar', 'voor ']);
      expect(
        await w21.locator('.words ins').evaluateAll((ds) => ds.map((d) => d.lastChild!.previousSibling!.textContent)),
      ).toEqual(['hiervoor', 'Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.']);
      // W13: the changed value of the variable, old and new.
      expect(await page.locator('article#w13 table.variables tbody tr').innerText()).toBe(
        'Bij wie kan iemand op school zoiets bijvoorbeeld melden?\tgroepsleerkracht, vertrouwenspersoon\tgroepsleerkracht, intern begeleider, vertrouwenspersoon',
      );
      // Every change has its reason (toelichting) for the MR; an article that was only renumbered is not listed.
      expect(await page.locator('article.change').count()).toBe(21);
      expect(await page.locator('article.change .reason').count()).toBe(21);
    } finally {
      await context.close();
    }
  });

  test('shows each change beside the reference model (SCOPE 2012), and says toward or away from it', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`);
      const w9 = page.locator('article#w9 .three-way');
      await w9.locator('summary').click();
      expect(await w9.locator('.col h4').allInnerTexts()).toEqual([
        'versie 1.0',
        'concept 2.0',
        'SCOPE (november 2012)',
      ]);
      expect(await w9.locator('.col').nth(2).locator('.missing').innerText()).toBe('Het model regelt dit niet.');
      expect(await w9.locator('.direction').innerText()).toBe(
        'Deze wijziging brengt de tekst verder van het model af.',
      );
      expect(await page.locator('article#w4 .direction').textContent()).toBe(
        'Deze wijziging brengt de tekst dichter bij het model.',
      );
    } finally {
      await page.close();
    }
  });

  test('lists the review of the draft for the MR: nothing found in De Linde 2.0', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`);
      expect(fold(await page.locator('section.review-summary h2').innerText())).toBe('Controle op wet en afspraken');
      expect(fold(await page.locator('section.review-summary').innerText())).toContain('Uitkomst: niets gevonden.');
      expect(await page.locator('section.review-summary .finding').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('links the redline PDF, and the PDF exists', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/wijzigingen/`);
      const href = await page
        .getByRole('link', { name: 'Download de wijzigingen als PDF (om te printen)' })
        .getAttribute('href');
      expect(href).toBe('/protocollen/de-linde/wijzigingen/de-linde-wijzigingen-1.0-2.0.pdf');
      expect((await page.request.get(`${site.url}${href}`)).status()).toBe(200);
    } finally {
      await page.close();
    }
  });
});

describe('the model diffs list the review for the MR', () => {
  test('SCOPE 2012 against itself shows its opt-out consent as an error, linked to its article', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/scope-2012/vergelijk/hoeksche-2020/`);
      const error = page.locator('section.review-summary .finding-error[data-rule="outdated-image-consent"]');
      expect(await error.count()).toBe(1);
      expect(fold(await error.innerText())).toMatch(/^FOUT bij artikel A\.5: .*opt-out/);
      expect(await error.locator('a').getAttribute('href')).toBe('/protocollen/scope-2012/#all-users--beeld-bezwaar');
    } finally {
      await page.close();
    }
  });
});

describe('the redline PDF of De Linde (Paged.js in Chromium)', () => {
  const pages = () => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' }))![1]);
  /** The numbered changes as page 1 (and 2) list them: `W5 andere keuze gemaakt Toestemming … (p. 5)`. */
  const listed = () =>
    redlineText(1, 2, '-layout')
      .split('\n')
      .map(fold)
      .filter((l) => /^W\d/.test(l));

  test('has A4 pages with the school and both versions in the running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' });
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    const n = pages();
    expect(n).toBeGreaterThanOrEqual(6);
    for (let p = 1; p <= n; p++) {
      const lines = redlineText(p)
        .split('\n')
        .map((l) => l.trim());
      expect(lines, `page ${p}`).toContain('Basisschool De Linde');
      expect(lines, `page ${p}`).toContain('Wijzigingen versie 1.0 → concept 2.0');
      expect(lines, `page ${p}`).toContain(`pagina ${p} van ${n}`);
    }
  });

  test('lists the numbered changes from page 1, each with the page where it stands', () => {
    const lines = listed();
    expect(lines.map((l) => /^W(\d+)/.exec(l)![1])).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(lines[0]).toBe('W1 toegevoegd Vaststelling, instemming en evaluatie (p. 3)');
    expect(lines.at(-1)).toBe(`W21 verplaatst en gewijzigd Eerst een gesprek (p. ${pages()})`);
  });

  test('labels every change in the full text on the page the list gives, so it is found without colour', () => {
    for (const line of listed()) {
      const [, number, kind, page] =
        /^(W\d+) (toegevoegd|geschrapt|andere keuze gemaakt|andere waarde ingevuld|verplaatst en gewijzigd) .* \(p\. (\d+)\)$/.exec(
          line,
        )!;
      expect(fold(redlineText(Number(page))), line).toContain(`${number} ${KIND_LABEL[kind!]}`);
    }
  });

  test('marks both ends of the move W21: the old place (art. 3.9) points to the new one and back', () => {
    const lines = (n: number) => redlineText(n, n, '-layout').split('\n').map(fold);
    const last = pages();
    const old = Array.from({ length: last }, (_, i) => i + 1).find((n) =>
      lines(n).includes('W21 VERPLAATST NAAR ART. 8.2'),
    )!;
    expect(old).toBeDefined();
    expect(lines(old)).toContain(`3.9 Eerst een gesprek: staat nu als art. 8.2 op pagina ${last}.`);
    expect(lines(last)).toContain(`8.2 Eerst een gesprek (was art. 3.9, pagina ${old})`);
  });
});

describe('the coverage matrix /dekking/', () => {
  test('shows every choice point against the five models, De Esdoorn and De Linde, in words', async () => {
    const page = await site.browser.newPage();
    try {
      expect((await page.goto(`${site.url}/dekking/`))?.status()).toBe(200);
      const heads = await page.locator('table.coverage thead th a').allInnerTexts();
      expect(heads.length).toBe(7);
      expect(heads.at(-1)).toBe('Basisschool De Linde');
      const phones = page.locator('tr#keuze-phones-at-school td');
      const cells = (await phones.allInnerTexts()).map((t) => t.split('\n')[0]);
      expect(cells).toHaveLength(7);
      expect(cells.at(-1)).toBe('Telefoons en andere apparaten: nee, tenzij (de hele schooldag weg)');
      expect(cells).toContain('niet geregeld');
      expect(fs.existsSync(path.join(DIST, 'dekking/index.html'))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
