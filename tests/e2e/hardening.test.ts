/**
 * The built site under a Content-Security-Policy (review attack-2026-11, failure 14): every page carries one, and
 * the wizard, search (Pagefind) and the print pages (Paged.js) still work under it with no violation; favicon.ico
 * exists. And the wizard when storage is full or the saved work is broken (failures 5 and 6), in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';
import { DIST, PAGE_TYPES, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

/** Collects what Chromium reports as blocked by the page's policy. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

describe('Content-Security-Policy', () => {
  test('every HTML page carries one that allows only the site itself, before any script', () => {
    const pages = (fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
      f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThan(100);
    for (const f of pages) {
      const html = fs.readFileSync(path.join(DIST, f), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      expect(meta, f).not.toBeNull();
      expect(meta!.index, f).toBeLessThan(html.search(/<script/i) === -1 ? Infinity : html.search(/<script/i));
      expect(meta![1]).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(meta![1]).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    }
  });

  test.each(PAGE_TYPES)('%s (%s) runs with no violation', async (_, p) => {
    const page = await site.browser.newPage();
    try {
      const violations = watchCsp(page);
      await page.goto(`${site.url}${p}`, { waitUntil: 'networkidle' });
      if (p.startsWith('/zoeken/')) await page.locator('#search-results li').first().waitFor();
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the wizard loads its library, previews, and prints with Paged.js under the policy', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    try {
      const violations = watchCsp(page);
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${site.url}/samenstellen/`);
      await page.locator('#import-file').setInputFiles({
        name: 'de-linde.yaml',
        mimeType: 'text/yaml',
        buffer: fs.readFileSync(path.join(ROOT, 'content/protocols/de-linde.yaml')),
      });
      await page.locator('.preview-body article.article').first().waitFor();
      await page.getByRole('button', { name: /Meenemen/ }).click();
      const [print] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).click(),
      ]);
      const printViolations = watchCsp(print);
      await print.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done,
        undefined,
        { timeout: 60_000 },
      );
      expect(await print.locator('.pagedjs_page').count()).toBeGreaterThan(3);
      expect([...violations, ...printViolations]).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a protocol's print page lays out under the policy", async () => {
    const page = await site.browser.newPage();
    try {
      const violations = watchCsp(page);
      await page.goto(`${site.url}/protocollen/de-linde/print/`);
      await page.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done,
        undefined,
        { timeout: 60_000 },
      );
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('favicon.ico is served', async () => {
    const res = await fetch(`${site.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/icon/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the wizard when storage fails (review failures 5 and 6)', () => {
  test('storage full: says at once that the work is not saved, offers a download, and still prints', async () => {
    const context = await site.browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${site.url}/samenstellen/`);
      await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
      await page.locator('#school-name').fill('Basisschool Het Anker');
      const alert = page.getByRole('alert').filter({ hasText: 'kon niet in deze browser worden bewaard' });
      await alert.waitFor();
      expect(await page.locator('.wizard-notice').count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        alert.getByRole('button', { name: 'Download uw werkbestand' }).click(),
      ]);
      expect(fs.readFileSync((await download.path())!, 'utf8')).toContain('Basisschool Het Anker');

      await page.locator('#import-file').setInputFiles({
        name: 'de-linde.yaml',
        mimeType: 'text/yaml',
        buffer: fs.readFileSync(path.join(ROOT, 'content/protocols/de-linde.yaml')),
      });
      await page.locator('.preview-body article.article').first().waitFor();
      await page.getByRole('button', { name: /Meenemen/ }).click();
      const [print] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).click(),
      ]);
      await print.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done,
        undefined,
        { timeout: 60_000 },
      );
      expect(await print.locator('body').innerText()).toContain('Basisschool De Linde');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each([
    ['school name a number', '{"draft":{"v":1,"school":{"name":5}},"step":0}'],
    ['sections a string', '{"draft":{"v":1,"sections":"abc"},"step":2}'],
    ['another version', '{"draft":{"v":2},"step":0}'],
    ['broken JSON', '{"draft":'],
  ])('saved work with %s: usable page, the data kept and offered, Opnieuw beginnen clears it', async (_, raw) => {
    const context = await site.browser.newContext({ acceptDownloads: true });
    await context.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('protocolwijzer:samenstellen:v1', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, raw);
    const page = await context.newPage();
    try {
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${site.url}/samenstellen/`);
      await page.locator('#school-sector').waitFor();
      const alert = page.getByRole('alert').filter({ hasText: 'kon niet worden gelezen' });
      await alert.waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        alert.getByRole('button', { name: 'Download het opgeslagen werk' }).click(),
      ]);
      expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(raw);
      // A reload still offers it: the first edit did not overwrite it silently.
      await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
      await page.locator('#school-name').fill('Nieuw');
      expect(await page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:onleesbaar'))).toBe(raw);
      await page.getByRole('button', { name: 'Opnieuw beginnen' }).first().click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'kon niet worden gelezen' }).count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:onleesbaar'))).toBeNull();
    } finally {
      await context.close();
    }
  });
});
