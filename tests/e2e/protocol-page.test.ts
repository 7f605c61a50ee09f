import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { articleNumber, sectionHeading } from '../../src/lib/render/render-html.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { audienceViews, documentForAudience } from '../../src/lib/audience/audience-views.ts';
import { fold, readableText, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const loaded = loadSite().protocols.get('de-linde')!;
const { protocol, doc } = loaded;
const articles = documentArticles(doc);
/** Version 1.0, in force: what the main page and the audience views show. */
const inForce = loaded.history.at(-1)!;

// The draft 2.0 lives at /protocollen/de-linde/concept/ (the main page shows the version in force, see
// published-versions.test.ts); this page is the draft the MR reviews, with everything the school added.
describe('the draft page of Basisschool De Linde, with JavaScript switched off', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    const response = await page.goto(`${site.url}/protocollen/de-linde/concept/`);
    expect(response?.status()).toBe(200);
  });
  afterAll(() => context.close());

  test('ships no scripts: everything below works without JavaScript', async () => {
    expect(await page.locator('script').count()).toBe(0);
  });

  test('names the school in the h1', async () => {
    expect(protocol.school.name).toBe('Basisschool De Linde');
    expect(fold(await page.locator('h1').innerText())).toBe('Protocol sociale media Basisschool De Linde');
  });

  test('has a table of contents listing every section and the articles of numbered ones (as the PDF), each link landing on an existing id', async () => {
    const hrefs = await page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const articlesOf = (s: (typeof doc.sections)[number]) =>
      s.numbered ? s.items.flatMap((i) => ('article' in i ? [i.article.anchor] : [])) : [];
    const expected = doc.sections.flatMap((s) => [s.anchor, ...articlesOf(s)]);
    expect(hrefs).toEqual(expected.map((anchor) => `#${anchor}`));
    const targets = await page.evaluate(
      (ids) => ids.map((id) => document.querySelectorAll(`[id="${id}"]`).length),
      expected,
    );
    expect(targets).toEqual(expected.map(() => 1));
  });

  test('numbers each table-of-contents entry once, with the number of the protocol (no list markers besides)', async () => {
    const entries = await page
      .locator('nav.toc li')
      .evaluateAll((items) => items.map((li) => getComputedStyle(li).listStyleType));
    expect(new Set(entries)).toEqual(new Set(['none']));
    expect(await page.locator('nav.toc a[href="#sectie-2"]').textContent()).toBe(sectionHeading(doc.sections[1]!));
  });

  test('following a table-of-contents link scrolls the article into view', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('nav.toc a[href="#custom--groepsapps-ouders"]').click();
    expect(page.url()).toBe(`${site.url}/protocollen/de-linde/concept/#custom--groepsapps-ouders`);
    const top = await page.locator('[id="custom--groepsapps-ouders"]').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
  });

  test(`shows all ${articles.length} articles of the composed protocol, and no others`, async () => {
    expect(articles.length).toBe(43);
    expect(await page.locator('article.article').count()).toBe(articles.length);
  });

  test.each(articles.map((a) => [a.anchor, a] as const))(
    'shows article #%s with its number, title and text',
    async (anchor, a) => {
      const article = page.locator(`article.article[id="${anchor}"]`);
      expect(await article.count()).toBe(1);
      const badge =
        a.origin === 'custom'
          ? ' eigen artikel van de school'
          : a.origin === 'override'
            ? ' eigen tekst van de school'
            : '';
      expect(fold((await article.locator('.article-heading').textContent()) ?? '')).toBe(
        `${articleNumber(a)} ${a.title}${badge}`,
      );
      expect(fold(await article.locator('.body').innerText())).toBe(readableText(a.text));
    },
  );

  test("fills in the school's own values and its own wording", async () => {
    expect(
      fold((await page.locator('[id="all-users--beeld-toestemming-per-doel"] .article-heading').textContent()) ?? ''),
    ).toBe('3.5 Toestemming voor beeld, per doel');
    expect(fold(await page.locator('[id="all-users--beeld-toestemming-per-doel"] .body').innerText())).toContain(
      'voor elk doel apart: de website van de school, de schoolapp, de nieuwsbrief en de schoolgids.',
    );
    expect(fold(await page.locator('[id="measures--gesprek"] .body').innerText())).toBe(
      'Basisschool De Linde gaat met betrokkenen in gesprek als hiervoor aanleiding is. Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.',
    );
  });

  test('states, from the recorded history, who adopted the version in force and when the participation council consented', async () => {
    const status = page.locator('dl.meta dt:text-is("Status") + dd');
    expect(await status.textContent()).toBe(
      'Concept van versie 2.0: nog niet vastgesteld. Nu geldt versie 1.0, vastgesteld door het bestuur van Stichting Voorbeeldscholen Utrecht op 19 juni 2023, na instemming van de medezeggenschapsraad op 12 juni 2023.',
    );
  });

  test('links to the changes since the previous adopted version', async () => {
    const link = page.getByRole('link', { name: 'Wijzigingen sinds versie 1.0' });
    expect(await link.getAttribute('href')).toBe('/protocollen/de-linde/wijzigingen/');
  });

  test('says where to report a problem', async () => {
    const items = await page.locator('section[aria-labelledby="melden"] li').allTextContents();
    expect(items.map(fold)).toEqual([
      'groepsleerkracht',
      'intern begeleider: Fatima el Amrani, ib@delinde.example.nl',
      'vertrouwenspersoon: Joost de Vries, vertrouwenspersoon@delinde.example.nl, 030 123 45 67',
    ]);
    expect(await page.locator('section[aria-labelledby="melden"] a[href="mailto:ib@delinde.example.nl"]').count()).toBe(
      1,
    );
    // A phone number is a tel: link, so a parent on a phone can call with one tap.
    expect(await page.locator('section[aria-labelledby="melden"] a[href="tel:0301234567"]').textContent()).toBe(
      '030 123 45 67',
    );
  });

  test("lists the school's other documents, then its board's, linking only those with a web address", async () => {
    const section = page.locator('section[aria-labelledby="documenten"]');
    expect(fold(await section.locator('h2').innerText())).toBe('Andere documenten van de school');
    expect((await section.locator('li').allTextContents()).map(fold)).toEqual([
      'Anti-pestprotocol',
      'Privacyreglement (op te vragen bij de directie)',
      'Klachtenregeling Stichting Voorbeeldscholen Utrecht (via het bestuur)',
      'Privacyreglement Stichting Voorbeeldscholen Utrecht (via het bestuur)',
    ]);
    const hrefs = await section
      .locator('a')
      .evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(hrefs).toEqual([
      ['Anti-pestprotocol', 'https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf'],
      [
        'Klachtenregeling Stichting Voorbeeldscholen Utrecht',
        'https://www.voorbeeldscholen.example.nl/documenten/klachtenregeling.pdf',
      ],
      [
        'Privacyreglement Stichting Voorbeeldscholen Utrecht',
        'https://www.voorbeeldscholen.example.nl/documenten/privacyreglement.pdf',
      ],
    ]);
  });

  test('links to its PDF, and the server sends that PDF', async () => {
    const link = page.locator('a', { hasText: 'Download als PDF' });
    expect(await link.count()).toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toBe('/protocollen/de-linde/concept/de-linde-concept-2.0.pdf');
    const response = await context.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('links to a comparison with each of the five reference models', async () => {
    const hrefs = await page
      .locator('section[aria-labelledby="vergelijk"] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      ['hoeksche-2020', 'lankforst-2024', 'mill-hill-2023', 'roc-top-2018', 'scope-2012'].map(
        (m) => `/protocollen/de-linde/vergelijk/${m}/`,
      ),
    );
  });

  test('opens each section with "In het kort": the summaries of its articles', async () => {
    const boxes = await page
      .locator('.doc-section')
      .evaluateAll((sections) =>
        sections.map((s) => [...s.querySelectorAll('.in-het-kort li')].map((li) => li.textContent)),
      );
    expect(boxes).toEqual(doc.sections.map((s) => s.items.flatMap((i) => ('article' in i ? [i.article.summary] : []))));
    expect(await page.locator('.doc-section > h2 + .in-het-kort > h3').count()).toBe(doc.sections.length);
  });

  test('offers "Wat geldt voor mij?" near the top, before the articles, with a page for pupils, parents and staff', async () => {
    const nav = page.locator('nav[aria-labelledby="voor-mij"]');
    expect(await nav.locator('h2').textContent()).toBe('Wat geldt voor mij?');
    expect(
      await nav.locator('a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
    ).toEqual([
      ['Voor leerlingen', '/protocollen/de-linde/voor/leerlingen/'],
      ['Voor ouders/verzorgers', '/protocollen/de-linde/voor/ouders/'],
      ['Voor medewerkers', '/protocollen/de-linde/voor/medewerkers/'],
    ]);
    const order = await page.evaluate(() =>
      ['voor-mij', 'melden', 'toc-title', 'sectie-1'].map(
        (id) => document.getElementById(id)!.getBoundingClientRect().top,
      ),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('fits a 360 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  });
});

describe.each(audienceViews(protocol.school.pupils).map((v) => [v.slug, v] as const))(
  'the page for %s of De Linde (the version in force), with JavaScript switched off',
  (slug, view) => {
    const part = documentForAudience(inForce.doc, view);
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
      page = await context.newPage();
      const response = await page.goto(`${site.url}/protocollen/de-linde/voor/${slug}/`);
      expect(response?.status()).toBe(200);
    });
    afterAll(() => context.close());

    test('asks the reader’s question in the h1 and marks its own link as current', async () => {
      expect(fold(await page.locator('h1').innerText())).toBe(
        `Wat geldt voor ${view.label}? Protocol sociale media Basisschool De Linde`,
      );
      expect(await page.locator('nav[aria-labelledby="voor-mij"] a[aria-current="page"]').getAttribute('href')).toBe(
        `/protocollen/de-linde/voor/${slug}/`,
      );
    });

    test('shows exactly the articles that concern the reader, with their full text and protocol numbers', async () => {
      const shown = await page.locator('article.article').evaluateAll((els) => els.map((el) => el.id));
      expect(shown).toEqual(documentArticles(part).map((a) => a.anchor));
      for (const a of documentArticles(part)) {
        expect(fold(await page.locator(`article.article[id="${a.anchor}"] .body`).innerText())).toBe(
          readableText(a.text),
        );
      }
    });

    test('still says where to report a problem, and fits 360 px', async () => {
      expect(await page.locator('section[aria-labelledby="melden"] li').count()).toBe(
        inForce.protocol.school.contacts.filter((c) => c.reporting).length,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    });
  },
);
