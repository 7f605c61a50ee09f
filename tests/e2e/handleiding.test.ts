import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { fold, readableText, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

describe('the handleiding (content/docs/*.mdx)', () => {
  test('is linked from the home page: one guide each for school leaders, the MR and families', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/`);
      const hrefs = await page
        .locator('main a[href^="/handleiding/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual([
        '/handleiding/schoolleiders/',
        '/handleiding/medezeggenschapsraad/',
        '/handleiding/ouders/',
        '/handleiding/',
      ]);
      await page.goto(`${site.url}/handleiding/`);
      expect(await page.locator('main h2 a').allTextContents()).toEqual([
        'Een protocol samenstellen, publiceren en bijwerken',
        'Een vergelijking lezen en instemmen',
        'Hoe het protocol in elkaar zit, en wie je iets vraagt',
      ]);
    } finally {
      await page.close();
    }
  });

  test('embeds a real article of De Linde’s protocol, word for word, in the site’s layout', async () => {
    const page = await site.browser.newPage();
    try {
      const response = await page.goto(`${site.url}/handleiding/schoolleiders/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('header nav a[aria-current="page"]').count()).toBe(0);
      // This guide's example is from the draft (from="concept"): only the draft settles consent per purpose.
      const draft = loadSite().protocols.get('de-linde')!.doc;
      const article = documentArticles(draft).find((a) => a.key === 'all-users/beeld-toestemming-per-doel')!;
      expect(fold(await page.locator('figure.example .example-heading').innerText())).toBe(
        `${article.number} Toestemming voor beeld, per doel`,
      );
      expect(fold(await page.locator('figure.example figcaption').innerText())).toBe(
        'Voorbeeld uit het concept van versie 2.0 van het protocol van Basisschool De Linde',
      );
      expect(fold(await page.locator('figure.example .body').innerText())).toBe(readableText(article.text));
      expect(await page.locator('figure.example figcaption a').getAttribute('href')).toBe(
        '/protocollen/de-linde/concept/#all-users--beeld-toestemming-per-doel',
      );
    } finally {
      await page.close();
    }
  });

  test('shows the MR a real word diff, marked with <del> and <ins>', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/handleiding/medezeggenschapsraad/`);
      expect(await page.locator('figure.example del').first().textContent()).toBe('[verwijderd: SCOPE]');
      expect(await page.locator('figure.example ins').first().textContent()).toBe('[toegevoegd: Basisschool De Linde]');
    } finally {
      await page.close();
    }
  });
});
