/**
 * The wizard's way to publish without a developer, in Chromium: Word, the publication package (a .zip made in the
 * browser) with a self-contained family page, the print edition with whom to report to, and what the MR needs:
 * the (G)MR's decision (instemming or not) and a reason per change against the version in force.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { changeLabel } from '../../src/lib/render/change-text.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import { ROOT } from '../../src/node/paths.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { docxText, fold } from '../helpers/docx.ts';
import { useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const content = loadSite();
const linde = content.protocols.get('de-linde')!;
const DRAFT_FILE = path.join(ROOT, 'content/protocols/de-linde.yaml');
const IN_FORCE_FILE = path.join(ROOT, 'content/protocols/de-linde/1.0.yaml');

/** A wizard in a fresh browser context with De Linde's draft 2.0 opened from its work file. */
async function wizardWithDraft(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/samenstellen/`);
  await page.locator('#school-sector').waitFor();
  await page.locator('#import-file').setInputFiles(DRAFT_FILE);
  await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
  await expect.poll(() => page.locator('#school-name').inputValue()).toBe('Basisschool De Linde');
  return { context, page };
}

/** Clicks a button and returns the bytes of the download it starts, with the file name. */
async function download(page: Page, name: string): Promise<{ bytes: Uint8Array; file: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { bytes: new Uint8Array(fs.readFileSync((await d.path())!)), file: d.suggestedFilename() };
}

describe('the wizard’s last step publishes without a developer', () => {
  test('speaks of a work file, never of content/protocols, building the site or YAML', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      const words = await page.locator('main').innerText();
      expect(words).not.toMatch(/content\/protocols|bouw de site|YAML/);
      expect(words).toContain('Download het werkbestand');
    } finally {
      await context.close();
    }
  });

  test('"Download als Word" gives the protocol as a .docx with every article', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      const { bytes, file } = await download(page, 'Download als Word');
      expect(file).toBe('basisschool-de-linde.docx');
      const text = await docxText(bytes);
      expect(text).toContain('CONCEPT Versie: concept versie 2.0');
      for (const a of documentArticles(linde.doc)) expect(text).toContain(fold(a.title));
    } finally {
      await context.close();
    }
  });

  test('the publication package holds a self-contained family page, the .docx, the work file and LEESMIJ.txt', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      const { bytes, file } = await download(page, 'Publicatiepakket downloaden');
      expect(file).toBe('basisschool-de-linde-publicatie.zip');
      const files = unzipSync(bytes);
      expect(Object.keys(files).sort()).toEqual([
        'LEESMIJ.txt',
        'basisschool-de-linde.docx',
        'basisschool-de-linde.yaml',
        'index.html',
      ]);
      // The work file opens again as the same protocol.
      const work = parseProtocol(strFromU8(files['basisschool-de-linde.yaml']!), 'werkbestand.yaml', content.library, [
        ...content.models.keys(),
      ]);
      expect(work.sections).toEqual(linde.protocol.sections);
      expect(work.reasons).toEqual(linde.protocol.reasons);
      expect(strFromU8(files['LEESMIJ.txt']!)).toContain(`1. Open de Protocolwijzer: ${site.url}/samenstellen/`);
      const html = strFromU8(files['index.html']!);
      expect(html).toContain('src:url(data:font/woff2;base64,'); // the site's font, embedded
      expect(gzipSync(html).length).toBeLessThanOrEqual(40 * 1024);

      // Opened as a file on its own: nothing is requested from anywhere, axe finds nothing (axe needs JavaScript to
      // run; the page itself has no script, see publish.test.ts).
      expect(html).not.toMatch(/<script/i);
      const viewer = await site.browser.newContext({ viewport: { width: 360, height: 780 } });
      try {
        const requests: string[] = [];
        const p = await viewer.newPage();
        p.on('request', (r) => requests.push(r.url()));
        const local = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'family-')), 'index.html');
        fs.writeFileSync(local, html);
        await p.goto(`file://${local}`);
        expect(requests).toEqual([`file://${local}`]);
        expect(fold(await p.locator('h1').innerText())).toBe('Protocol sociale media Basisschool De Linde');
        expect(await p.locator('article.article').count()).toBe(documentArticles(linde.doc).length);
        expect(await p.locator('a[href="tel:0301234567"]').count()).toBe(1);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
        const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
        fs.rmSync(path.dirname(local), { recursive: true, force: true });
      } finally {
        await viewer.close();
      }
    } finally {
      await context.close();
    }
  });

  test('the print edition carries "Een probleem melden" and the school’s documents', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      await page.evaluate(() => (window.open = () => null)); // read what it stored instead of opening a tab
      await page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).click();
      const stored = await page.evaluate(
        () => JSON.parse(localStorage.getItem('protocolwijzer:afdrukken')!).html as string,
      );
      expect(stored).toContain('<h2 id="melden">Een probleem melden</h2>');
      expect(stored).toContain('<a href="tel:0301234567">030 123 45 67</a>');
      expect(stored).toContain(
        'Anti-pestprotocol</a>: <span class="url">https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf</span>',
      );
      expect(stored).toContain('class="in-het-kort"');
    } finally {
      await context.close();
    }
  });
});

describe('what the MR needs, in the wizard', () => {
  test('a (G)MR that did not consent is recorded as "geen instemming", shown as refused and exported as niet-ingestemd', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '3 Gegevens' }).click();
      await page.locator('#adoption-by').fill('de directie');
      await page.locator('#adoption-date').fill('2025-10-01');
      await page.getByRole('button', { name: 'Besluit van de (G)MR toevoegen' }).click();
      await page.locator('#consent-0-body').fill('MR');
      await page.locator('#consent-0-date').fill('2025-09-24');
      expect(await page.locator('#consent-0-outcome-ingestemd').isChecked()).toBe(true);
      await page.getByLabel('Geen instemming: de raad stemde niet in').check();
      await expect
        .poll(() => page.locator('.preview-status').innerText())
        .toBe('Vastgesteld door de directie op 1 oktober 2025. De MR stemde op 24 september 2025 niet in.');
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      const { bytes } = await download(page, 'Download het werkbestand');
      const exported = parseProtocol(strFromU8(bytes), 'x.yaml', content.library, [...content.models.keys()]);
      expect(exported.adoption?.consent).toEqual([{ body: 'MR', date: '2025-09-24', outcome: 'niet-ingestemd' }]);
      const word = await docxText((await download(page, 'Download als Word')).bytes);
      expect(word).toContain('De MR stemde op 24 september 2025 niet in.');
    } finally {
      await context.close();
    }
  });

  test('with the version in force opened, step 6 lists every change W1… with its reason, and an edited reason is exported', async () => {
    const diff = diffVersions(linde.history.at(-1)!.doc, linde.doc, linde.protocol.reasons);
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '6 Controleren' }).click();
      await page.locator('#previous-file').setInputFiles(IN_FORCE_FILE);
      await expect.poll(() => page.locator('.reason-list textarea').count()).toBe(diff.changes.length);
      expect(await page.locator('.reasons [role="status"]').innerText()).toBe(
        `Vergeleken met versie 1.0: ${diff.changes.length} wijzigingen.`,
      );
      const labels = await page.locator('.reason-list label').allInnerTexts();
      expect(labels).toEqual(
        diff.changes.map((e) => `${e.number} ${changeLabel(e.kind, {})}: ${(e.after ?? e.before)!.title}`),
      );
      const withReason = diff.changes.find((e) => e.reason)!;
      const field = page.locator(`#reason-${withReason.number!.toLowerCase()}`);
      expect(await field.inputValue()).toBe(withReason.reason);
      await field.fill('Op verzoek van de oudergeleding.');
      await page.getByRole('button', { name: '7 Meenemen' }).click();
      const { bytes } = await download(page, 'Download het werkbestand');
      const exported = parseProtocol(strFromU8(bytes), 'x.yaml', content.library, [...content.models.keys()]);
      // Kept under the key the file used for it (for another variant that may be the old clause's id).
      const key = [withReason.key, withReason.before?.key].find((k) => k && linde.protocol.reasons[k] !== undefined)!;
      expect(exported.reasons).toEqual({ ...linde.protocol.reasons, [key]: 'Op verzoek van de oudergeleding.' });
    } finally {
      await context.close();
    }
  });

  test('a draft opened as the version in force is refused with the reason, and nothing changes', async () => {
    const { context, page } = await wizardWithDraft();
    try {
      await page.getByRole('button', { name: '6 Controleren' }).click();
      await page.locator('#previous-file').setInputFiles(DRAFT_FILE);
      await expect
        .poll(() => page.locator('#previous-error').innerText())
        .toContain('Dit werkbestand is nog niet vastgesteld.');
      expect(await page.locator('.reason-list').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
