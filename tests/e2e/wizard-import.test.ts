/**
 * "Begin met het protocol dat uw school nu heeft" in the built wizard (Chromium): a .docx and a PDF printed with page headers and
 * footers are read in the browser, reviewed per article and turned into an ordinary draft (autosave, undo); every bad
 * file of issue 12 gets its Dutch message next to the control and leaves the work as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makeDocx } from '../fixtures/import/docx-word-numbering-and-headings/make-docx.ts';
import { BAD_FILES } from '../helpers/bad-import-files.ts';
import { PDF_FIXTURE, printFixturePdf } from '../helpers/print-fixture-pdf.ts';
import { useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const SHOTS = process.env.IMPORT_SHOTS;

async function startStep(width = 1280): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/samenstellen/`);
  // The import sits on the first step, "Beginnen".
  await page.locator('#own-protocol-file').waitFor();
  return page;
}

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:v1'));

describe('importing the current protocol in the wizard', () => {
  test('a .docx is read in the browser and reviewed per article: own text, library text, word diff, sureness, choice', async () => {
    const page = await startStep();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setInputFiles('#own-protocol-file', {
      name: 'het-lage-veld.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await makeDocx()),
    });
    await page.locator('.import-article').first().waitFor();
    expect(await page.locator('.import-article').count()).toBe(11);
    const second = page.locator('.import-article').nth(2);
    expect(await second.locator('.import-text').first().innerText()).toContain(
      'Je mobiele telefoon mag mee naar school',
    );
    expect(await second.locator('h5').nth(1).innerText()).toMatch(/^Bibliotheek: /);
    expect(await second.locator('.import-diff ins').count()).toBeGreaterThan(0);
    expect(await second.innerText()).toMatch(/Zekerheid van de match: \d+%/);
    // The rule about the chess club has no clause: own article, leave out (or one article with the one before it).
    const chess = page.locator('.import-article').nth(5);
    expect(await chess.getByLabel('Tekst van de bibliotheek').count()).toBe(0);
    expect(await chess.getByLabel('Eigen artikel').isChecked()).toBe(true);
    // Its candidates are offered with their scores; "none" is chosen.
    expect(await chess.locator('select option').last().innerText()).toBe('Geen: een eigen artikel');
    expect(await chess.locator('select').inputValue()).toBe('');
    expect(await page.locator('#import-missing + p + ul').innerText()).toContain('Maatregelen voor leerlingen');
    // Nothing left this machine: every request went to the site itself.
    expect(requests.every((u) => u.startsWith(site.url))).toBe(true);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-review-1280.png'), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).include('.own-protocol').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    // Keep the school's own words for article 2, then make the draft.
    await second.getByLabel('Uw eigen woorden bij dit artikel').check();
    await page.getByRole('button', { name: 'Maak hier een concept van' }).click();
    // The draft goes on to the decisions, as after any start (step 2, "Keuzes").
    await expect.poll(async () => page.locator('#step-heading').innerText()).toContain('Keuzes');
    const draft = JSON.parse((await saved(page))!).draft;
    expect(draft.school.name).toBe('Scholengemeenschap Het Lage Veld');
    expect(draft.adoption).toEqual({
      by: 'College van Bestuur',
      date: '2025-03-14',
      consent: [{ body: 'MR', date: '2025-03-03', outcome: 'ingestemd' }],
    });
    expect(Object.values(draft.overrides)).toContain(
      'Je mobiele telefoon mag mee naar school, maar in de les gebruik je hem alleen als de docent daar vooraf toestemming voor geeft.',
    );
    const articles = draft.sections.flatMap(
      (s: { articles: { clause?: string; custom?: string; text?: string }[] }) => s.articles,
    );
    expect(articles.find((a: { text?: string }) => a.text?.includes('schoolschaakclub'))?.custom).toBeTruthy();
    expect(await page.locator('.preview-body').innerText()).toContain('Je mobiele telefoon mag mee naar school');
    // One undo step brings the empty wizard back.
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    expect(JSON.parse((await saved(page))!).draft.sections).toEqual([]);
    await page.context().close();
  });

  test('two rules in a row on one clause are offered as one article; an article can take another candidate', async () => {
    const page = await startStep();
    const text = fs.readFileSync(
      path.join(import.meta.dirname, '../fixtures/import/text-two-rules-on-one-clause/protocol.txt'),
      'utf8',
    );
    await page.locator('#own-protocol-paste').fill(text);
    await page.getByRole('button', { name: 'Tekst inlezen' }).click();
    await page.locator('.import-article').first().waitFor();
    const [first, second, third] = [0, 1, 2].map((i) => page.locator('.import-article').nth(i));
    expect(await first!.getByLabel('Uw eigen woorden bij dit artikel').isChecked()).toBe(true);
    expect(await second!.getByLabel('Samenvoegen met het artikel hiervoor (één artikel)').isChecked()).toBe(true);
    expect(await second!.locator('[data-note=merged]').innerText()).toContain('Samengevoegd met artikel 1');
    // The third rule: its second candidate, chosen in the select, is the clause beside it and in the draft.
    const select = third!.locator('select');
    const options = await select.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(2);
    // The score first, so a narrow screen still shows it: "41% · Wachtwoorden geheim houden (Voor leerlingen)".
    expect(options[0]).toMatch(/^\d+% · .+ \(Voor leerlingen\)$/);
    const secondValue = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(secondValue!);
    expect(await third!.locator('h5').nth(1).innerText()).toContain(
      options[1]!.replace(/^\d+% · /, '').replace(/ \([^()]*\)$/, ''),
    );
    if (SHOTS)
      await page.locator('.import-articles').screenshot({ path: path.join(SHOTS, 'import-merge-and-candidate.png') });
    const { violations } = await new AxeBuilder({ page }).include('.own-protocol').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Maak hier een concept van' }).click();
    await expect.poll(async () => page.locator('#step-heading').innerText()).toContain('Keuzes');
    const draft = JSON.parse((await saved(page))!).draft;
    const clauses = draft.sections
      .flatMap((s: { articles: { clause?: string }[] }) => s.articles)
      .map((a: { clause?: string }) => a.clause);
    expect(clauses).toHaveLength(2);
    expect(clauses[1]).toBe(secondValue);
    expect(Object.values(draft.overrides).join(' ')).toContain('Ook in de pauze blijft je telefoon uit en in je tas.');
    await page.context().close();
  });

  test('a PDF printed with page headers and page numbers: the chrome is recognised, not turned into articles', async () => {
    const page = await startStep(360);
    const pdf = await printFixturePdf(site.browser);
    await page.setInputFiles('#own-protocol-file', {
      name: 'de-kwakel.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await page.locator('.import-article').first().waitFor({ timeout: 30_000 });
    const expected = JSON.parse(fs.readFileSync(path.join(PDF_FIXTURE, 'expected.json'), 'utf8')) as {
      articles: unknown[];
    };
    expect(await page.locator('.import-article').count()).toBe(expected.articles.length);
    const nonNormative = await page.locator('.import-nonnormative').innerText();
    expect(nonNormative).toContain('Kopregel op elke pagina: Protocol sociale media – OBS De Kwakel (fictief)');
    expect(nonNormative).toContain('Paginanummer: Pagina 1 van 5');
    expect(await page.locator('.import-articles').innerText()).not.toContain('Pagina 2 van 5');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-review-360.png'), fullPage: true });
    await page.context().close();
  });

  test('every bad file gets its Dutch message next to the control, and the work stays as it was', async () => {
    const page = await startStep();
    await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
    await page.locator('#school-name').fill('Testschool De Eik');
    await page.locator('.wizard-steps button', { hasText: 'Beginnen' }).click();
    const before = JSON.parse((await saved(page))!).draft;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-import-'));
    for (const f of BAD_FILES) {
      const file = path.join(dir, f.name);
      fs.writeFileSync(file, await f.bytes());
      await page.setInputFiles('#own-protocol-file', file);
      const error = page.locator(`#own-protocol-errors li[data-rule="${f.rule}"]`);
      await error.waitFor({ timeout: 30_000 });
      expect(await error.innerText()).toMatch(new RegExp(`^${f.name.replace('.', '\\.')}: `));
      expect(await page.locator('#own-protocol-file').getAttribute('aria-describedby')).toContain(
        'own-protocol-errors',
      );
      expect(JSON.parse((await saved(page))!).draft).toEqual(before);
      if (SHOTS && f.rule === 'import-pdf-no-text')
        await page.locator('.own-protocol').screenshot({ path: path.join(SHOTS, 'import-error.png') });
    }
    await page.context().close();
  });
});
