import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { loadClauses } from '../../src/node/load-content.ts';
import { useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

describe('search with Pagefind, in the browser, from files on this site', () => {
  test('finds the protocol, a model and a library clause for "telefoon in de tas", with no request to another host', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      const hosts = new Set<string>();
      page.on('request', (r) => hosts.add(new URL(r.url()).hostname));
      await page.goto(`${site.url}/zoeken/`);
      await page.locator('#q').fill('telefoon tas');
      await page.locator('button[type="submit"]').click();
      await page.locator('#search-results li').first().waitFor();
      expect(page.url()).toBe(`${site.url}/zoeken/?q=telefoon%20tas`);
      const results = await page.locator('#search-results li').evaluateAll((items) =>
        items.map((li) => ({
          href: li.querySelector('a')!.getAttribute('href'),
          kind: li.querySelector('.meta')!.textContent,
        })),
      );
      expect(results).toContainEqual({
        href: '/bibliotheek/devices/telefoon-in-tas/',
        kind: 'Bepaling uit de bibliotheek',
      });
      // De Linde 2.0 has no bag rule any more; the rebuilt Lankforst protocol keeps its own.
      expect(results).toContainEqual({ href: '/protocollen/lankforst-2024/', kind: 'Protocol van een school' });
      expect(results).toContainEqual({ href: '/modellen/lankforst-2024/', kind: 'Voorbeeldprotocol' });
      // "Telefoon in de tas" is in De Linde's draft 2.0 only: search follows the version in force (1.0), and the
      // draft's page is not indexed.
      expect(results.map((r) => r.href)).not.toContain('/protocollen/de-linde/concept/');
      expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ resultaten voor “telefoon tas”\.$/);
      // What version 1.0 says about phones (a teacher's permission) finds De Linde's protocol page.
      await page.locator('#q').fill('communicatieapparatuur');
      await page.locator('button[type="submit"]').click();
      await expect
        .poll(() => page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
        .toContain('/protocollen/de-linde/');
      expect([...hosts]).toEqual(['127.0.0.1']);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    } finally {
      await context.close();
    }
  });

  test('runs the search in a link (?q=), and says so when nothing is found', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/zoeken/?q=qqqqzzzz`);
      await expect.poll(() => page.locator('#search-status').textContent()).toBe('Niets gevonden voor “qqqqzzzz”.');
      expect(await page.locator('#search-results li').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('indexes the 6 protocols, 5 models and every clause of the library, and no print or audience pages', async () => {
    const clauses = loadClauses().size;
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/zoeken/`);
      // A string, so vitest's transform leaves the browser's own import() alone. A null search lists every page.
      const urls: string[] = await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const search = await pagefind.search(null);
        return Promise.all(search.results.map(async (r) => (await r.data()).url));
      })()`);
      const count = (prefix: string) => urls.filter((u) => u.startsWith(prefix)).length;
      expect([count('/protocollen/'), count('/modellen/'), count('/bibliotheek/'), urls.length]).toEqual([
        7,
        5,
        clauses,
        12 + clauses,
      ]);
      expect(urls.filter((u) => u.includes('/voor/') || u.includes('/print/'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
