import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, fold, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const REDLINE = path.join(DIST, 'protocollen/de-linde/vergelijk/scope-2012/de-linde-verschillen-scope-2012.pdf');

/** `pdftotext` of the model redline, pages `first`–`last` (all by default). */
function redlineText(first?: number, last?: number, ...options: string[]): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...options, ...range, REDLINE, '-'], { encoding: 'utf8' });
}

describe('the model redline of De Linde against SCOPE (2012)', () => {
  test('has 7 A4 pages with the school, the model and the version in the running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [REDLINE], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+7$/m);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    for (let n = 1; n <= 7; n++) {
      const lines = redlineText(n).split('\n').map((l) => l.trim());
      expect(lines, `page ${n}`).toContain('Basisschool De Linde');
      expect(lines, `page ${n}`).toContain('Model SCOPE (november 2012) → concept 2.0');
      expect(lines, `page ${n}`).toContain(`pagina ${n} van 7`);
    }
  });

  test('lists the differences V1–V20 from page 1, each with its kind in words and the page where it stands', () => {
    const lines = redlineText(1, 2, '-layout')
      .split('\n')
      .map(fold)
      .filter((l) => /^V\d+ [a-z]/.test(l));
    expect(lines).toEqual([
      'V1 gewijzigd Sociale media horen bij de samenleving (p. 3)',
      'V2 naam van de school ingevuld Leren omgaan met sociale media (p. 3)',
      'V3 naam van de school ingevuld Vertrouwen en richtlijnen (p. 3)',
      'V4 naam van de school ingevuld De school deelt nieuws via sociale media (p. 3)',
      'V5 weggelaten De school luistert mee (p. 4)',
      'V6 gewijzigd Voor wie de afspraken gelden (p. 4)',
      'V7 andere keuze gemaakt Geen sociale media en opnamen in de les, tenzij het mag (p. 4)',
      'V8 naam van de school ingevuld Schrijven over school wordt aangemoedigd (p. 5)',
      'V9 andere keuze gemaakt Toestemming voor beeldmateriaal (p. 5)',
      "V10 andere keuze gemaakt Geen 'vrienden' met leerlingen via een privéaccount (p. 5)",
      'V11 andere keuze gemaakt Geen reactie op nepaccounts (p. 6)',
      'V12 toegevoegd Telefoon in de tas (p. 6)',
      'V13 toegevoegd Iedereen kan kwetsende berichten melden (p. 6)',
      'V14 toegevoegd Groepsapps van ouders (p. 6)',
      'V15 verplaatst en gewijzigd Bij twijfel naar de leidinggevende (p. 6)',
      'V16 naam van de school ingevuld Ouders en leerlingen informeren via sociale media (p. 7)',
      'V17 naam van de school ingevuld Berichten die niet over school gaan (p. 7)',
      'V18 naam van de school ingevuld Vrijheid van meningsuiting (p. 7)',
      'V19 naam van de school ingevuld Iedereen houdt zich aan de afspraken (p. 7)',
      'V20 gewijzigd Eerst een gesprek (p. 7)',
    ]);
    expect(fold(redlineText(1))).toContain('20 verschillen van SCOPE naar Basisschool De Linde.');
  });

  test('labels every difference in the full text on the page the list gives, so it is found without colour', () => {
    const listed = redlineText(1, 2, '-layout')
      .split('\n')
      .map(fold)
      .flatMap((l) => {
        const m = /^(V\d+) ([a-z ]+?) [A-Z'].* \(p\. (\d+)\)$/.exec(l);
        return m ? [[`${m[1]} ${m[2]!.toUpperCase()}`, Number(m[3])] as const] : [];
      });
    expect(listed).toHaveLength(20);
    const labelLines = (n: number) => redlineText(n, n, '-layout').split('\n').map(fold);
    const pageOf = (label: string) => [3, 4, 5, 6, 7].find((n) => labelLines(n).includes(label));
    expect(listed.map(([label]) => [label, pageOf(label)])).toEqual(listed);
    // The moved V15 is also marked where it stood in the model (after B4, on page 7).
    expect(labelLines(7)).toContain('V15 VERPLAATST NAAR ART. 6.1');
  });

  test('shows another variant worded quite differently (V9, image consent) as two whole texts under captions', () => {
    const lines = redlineText(5, 5, '-layout').split('\n').map(fold);
    expect(lines).toContain('V9 ANDERE KEUZE GEMAAKT');
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
