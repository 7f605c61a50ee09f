import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { libraryReadability } from '../../src/lib/readability/library-readability.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

/** Opens a page and records every request it makes, by URL. */
async function openRecording(path: string): Promise<{ page: Page; requests: string[]; status?: number }> {
  const page = await site.browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return { page, requests, status: response?.status() };
}

describe('the home page', () => {
  test('leads to the library, the reference models and the protocols, and each of those pages opens', async () => {
    const { page } = await openRecording('/');
    try {
      const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const target of ['/bibliotheek/', '/modellen/', '/protocollen/']) expect(hrefs).toContain(target);
      const nav = await page
        .locator('header nav a')
        .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
      expect(nav).toEqual([
        ['/', 'Home'],
        ['/bibliotheek/', 'Bibliotheek'],
        ['/modellen/', 'Voorbeeldprotocollen'],
        ['/protocollen/', 'Protocollen'],
        ['/samenstellen/', 'Samenstellen'],
        ['/dekking/', 'Dekking'],
        ['/zoeken/', 'Zoeken'],
      ]);
      for (const [target, h1] of [
        ['/bibliotheek/', 'Bibliotheek met bepalingen'],
        ['/modellen/', 'Voorbeeldprotocollen'],
        ['/protocollen/', 'Protocollen'],
      ] as const) {
        const response = await page.request.get(`${site.url}${target}`);
        expect(response.status(), target).toBe(200);
        await page.goto(`${site.url}/`);
        await page.locator(`main a[href="${target}"]`).first().click();
        await page.waitForURL(`${site.url}${target}`);
        expect(await page.locator('h1').innerText()).toBe(h1);
        expect(await page.locator(`header nav a[href="${target}"]`).getAttribute('aria-current')).toBe('page');
      }
    } finally {
      await page.close();
    }
  });

  test('has a skip link to the main content as the first thing a keyboard reaches', async () => {
    const { page } = await openRecording('/');
    try {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('href')]),
      ).toEqual(['Naar de inhoud', '#inhoud']);
    } finally {
      await page.close();
    }
  });

  test('answers an unknown address with 404', async () => {
    const { page, status } = await openRecording('/bestaat-niet/');
    await page.close();
    expect(status).toBe(404);
  });
});

describe('no page asks another host for anything (privacy: a static site, nothing leaves the machine)', () => {
  test.each([
    '/',
    '/bibliotheek/',
    '/bibliotheek/all-users/beeld-schriftelijke-toestemming/',
    '/modellen/',
    '/modellen/lankforst-2024/',
    '/protocollen/',
    '/protocollen/de-linde/',
    '/protocollen/de-linde/vergelijk/scope-2012/',
  ])('%s', async (path) => {
    const { page, requests, status } = await openRecording(path);
    try {
      expect(status).toBe(200);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('/protocollen/de-linde/print/ (the Paged.js print preview, with its scripts running)', async () => {
    const { page, requests, status } = await openRecording('/protocollen/de-linde/print/');
    try {
      expect(status).toBe(200);
      await page.waitForFunction(() => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true);
      expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
      expect(requests.map((url) => new URL(url).pathname)).toEqual(
        expect.arrayContaining(['/protocollen/de-linde/print/', '/vendor/print.css', '/vendor/paged.polyfill.min.js']),
      );
    } finally {
      await page.close();
    }
  });
});

describe('the library page', () => {
  test('shows a Flesch-Douma score for the summary and the text of every clause, and the spread', async () => {
    const { page } = await openRecording('/bibliotheek/');
    try {
      const scores = await page.locator('.readability').allTextContents();
      // The numbers come from the library itself, so that adding a clause breaks nothing here.
      const { library } = loadSite();
      const sums = libraryReadability(library).summaries;
      expect(scores.length).toBe(library.clauses.size);
      expect(
        scores.every((s) => /^Leesbaarheid: samenvatting -?\d+ \([a-z ]+\), tekst -?\d+ \([a-z ]+\)$/.test(s)),
      ).toBe(true);
      expect(await page.locator('.readability-spread li').first().textContent()).toBe(
        `Samenvattingen: laagste ${sums.min}, mediaan ${sums.median}, hoogste ${sums.max}; ${sums.atLeast} van ${sums.count} halen 60.`,
      );
    } finally {
      await page.close();
    }
  });
});
