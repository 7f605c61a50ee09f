import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { renderPrintHtml } from '../../src/lib/render/render-print.ts';
import { protocolOutputs } from '../../src/node/outputs.ts';
import { loadSite, versionsOf } from '../../src/node/site-data.ts';
import { acceptAll, docxPart, docxText, revisions } from '../helpers/docx.ts';
import { DE_LINDE_CONCEPT_PDF, DE_LINDE_PDF, DIST, fold, readableText, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const data = loadSite();
const linde = data.protocols.get('de-linde')!;
const inForce = linde.history.at(-1)!;

/** Opens a page without JavaScript (as the published pages work) and runs `fn` on it. */
async function withPage<T>(url: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    expect((await page.goto(`${site.url}${url}`))?.status(), url).toBe(200);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** `pdftotext` of one page of a PDF. */
function pdfPage(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
}

describe('/protocollen/de-linde/ shows the version in force, 1.0', () => {
  test('says which version it is and since when, in plain words, at the top', async () => {
    await withPage('/protocollen/de-linde/', async (page) => {
      expect(await page.locator('.version-line').innerText()).toBe(
        'Dit is versie 1.0, vastgesteld op 19 juni 2023. Deze versie geldt nu.',
      );
      expect(await page.locator('.draft-banner').count()).toBe(0);
      const order = await page.evaluate(() =>
        ['.version-line', '#voor-mij', '#toc-title'].map((s) => document.querySelector(s)!.getBoundingClientRect().top),
      );
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });
  });

  test('shows exactly the articles of version 1.0, with their text', async () => {
    await withPage('/protocollen/de-linde/', async (page) => {
      const shown = await page.locator('article.article').evaluateAll((els) => els.map((el) => el.id));
      expect(shown).toEqual(documentArticles(inForce.doc).map((a) => a.anchor));
      expect(shown).not.toContain('custom--groepsapps-ouders'); // only in the draft
      for (const a of documentArticles(inForce.doc).slice(0, 5)) {
        expect(fold(await page.locator(`article.article[id="${a.anchor}"] .body`).innerText())).toBe(
          readableText(a.text),
        );
      }
    });
  });

  test('lists every version: the draft and each adopted version, linked', async () => {
    await withPage('/protocollen/de-linde/', async (page) => {
      const items = await page
        .locator('section.versions li')
        .evaluateAll((lis) =>
          lis.map((li) => [li.querySelector('a')!.getAttribute('href'), li.textContent!.replace(/\s+/g, ' ').trim()]),
        );
      expect(items).toEqual([
        ['/protocollen/de-linde/concept/', 'Concept van versie 2.0: nog niet vastgesteld.'],
        [
          '/protocollen/de-linde/1.0/',
          'Versie 1.0 (geldt nu): Vastgesteld door het bestuur van Stichting Voorbeeldscholen Utrecht op 19 juni 2023, na instemming van de medezeggenschapsraad op 12 juni 2023.',
        ],
      ]);
    });
  });

  test('its PDF is version 1.0: "versie 1.0" (never "concept") in the running header of every page', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [DE_LINDE_PDF], { encoding: 'utf8' }))![1]);
    expect(fold(pdfPage(DE_LINDE_PDF, 1))).toContain('Versie versie 1.0');
    for (let n = 2; n <= pages; n++) {
      const lines = pdfPage(DE_LINDE_PDF, n)
        .split('\n')
        .map((l) => l.trim());
      expect(lines, `page ${n}`).toContain('versie 1.0');
      expect(lines.join(' '), `page ${n}`).not.toContain('concept');
    }
  });

  test('is what search finds: the draft and the version pages are not indexed', async () => {
    for (const url of ['/protocollen/de-linde/concept/', '/protocollen/de-linde/1.0/']) {
      await withPage(url, async (page) => expect(await page.locator('[data-pagefind-body]').count(), url).toBe(0));
    }
    await withPage('/protocollen/de-linde/', async (page) =>
      expect(await page.locator('[data-pagefind-body]').count()).toBe(1),
    );
  });
});

describe('/protocollen/de-linde/concept/ is the draft, opened by a banner', () => {
  test('says whose proposal it is, that it does not apply yet, and which version does, with a link', async () => {
    await withPage('/protocollen/de-linde/concept/', async (page) => {
      expect(fold(await page.locator('.draft-banner p').first().innerText())).toBe(
        'Concept. Dit is een voorstel van Basisschool De Linde voor versie 2.0. Het geldt nog niet. Nu geldt versie 1.0, vastgesteld op 19 juni 2023.',
      );
      const link = page.locator('.draft-banner a');
      expect([await link.innerText(), await link.getAttribute('href')]).toEqual([
        'Lees versie 1.0, die nu geldt',
        '/protocollen/de-linde/',
      ]);
      const bannerTop = await page.locator('.draft-banner').evaluate((el) => el.getBoundingClientRect().top);
      const h1Bottom = await page.locator('h1').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bannerTop).toBeGreaterThanOrEqual(h1Bottom); // right under the title, before anything else
    });
  });

  test('its PDF says "concept" in the running header of every page', () => {
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [DE_LINDE_CONCEPT_PDF], { encoding: 'utf8' }))![1],
    );
    for (let n = 2; n <= pages; n++)
      expect(pdfPage(DE_LINDE_CONCEPT_PDF, n), `page ${n}`).toContain('concept versie 2.0');
  });
});

describe('every adopted version has its own page and PDF', () => {
  test('/protocollen/de-linde/1.0/ shows version 1.0 with its own PDF and Word file', async () => {
    await withPage('/protocollen/de-linde/1.0/', async (page) => {
      expect(await page.locator('.version-line').innerText()).toBe(
        'Dit is versie 1.0, vastgesteld op 19 juni 2023. Deze versie geldt nu.',
      );
      expect(await page.locator('article.article').count()).toBe(documentArticles(inForce.doc).length);
      expect(await page.locator('a', { hasText: 'Download als PDF' }).getAttribute('href')).toBe(
        '/protocollen/de-linde/1.0/de-linde-1.0.pdf',
      );
      expect(await page.locator('a', { hasText: 'Download als Word' }).getAttribute('href')).toBe(
        '/protocollen/de-linde/1.0/de-linde-1.0.docx',
      );
    });
    const own = path.join(DIST, 'protocollen/de-linde/1.0/de-linde-1.0.pdf');
    expect(fs.readFileSync(own).equals(fs.readFileSync(DE_LINDE_PDF))).toBe(true); // the version in force, printed once
  });

  test('a school with only a draft shows the draft with the banner on its main page', async () => {
    const draftOnly = [...data.protocols.values()].find((p) => !versionsOf(p).inForce)!;
    await withPage(`/protocollen/${draftOnly.id}/`, async (page) => {
      expect(fold(await page.locator('.draft-banner p').first().innerText())).toBe(
        `Concept. Dit is een voorstel van ${draftOnly.protocol.school.name} voor versie ${draftOnly.protocol.version}. Het geldt nog niet. Er is nog geen vastgestelde versie.`,
      );
    });
  });
});

describe('the Word files beside the PDFs', () => {
  /** Every published version of every protocol, with its page and .docx. */
  const outputs = [...data.protocols.values()].flatMap((p) =>
    protocolOutputs(p).map((o) => [`${o.page} (${o.docx.split('/').pop()})`, o] as const),
  );

  test.each(outputs)('%s: linked from its page, and its text equals the page’s text', async (_, o) => {
    const file = path.join(DIST, o.docx);
    const text = await docxText(new Uint8Array(fs.readFileSync(file)));
    const sectionTitles = o.version.doc.sections.map((s) => s.title);
    await withPage(o.page, async (page) => {
      expect(await page.locator('a', { hasText: 'Download als Word' }).getAttribute('href')).toBe(o.docx);
      // The page's text, with the numbers Word makes itself (a real numbered list) left out.
      const web = await page.evaluate((titles) => {
        const copy = document.querySelector('.protocol-text')!.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.num').forEach((n) => n.remove());
        copy.querySelectorAll('.section-heading').forEach((h, i) => (h.textContent = titles[i]!));
        document.body.append(copy);
        const t = copy.innerText;
        copy.remove();
        return t;
      }, sectionTitles);
      expect(fold(web).length).toBeGreaterThan(1000);
      expect(text.endsWith(fold(web))).toBe(true);
    });
  });

  test('the redlines: the version redline and the one against the starting model have a .docx beside their PDF, linked, whose change list is the page’s', async () => {
    const pages = [
      '/protocollen/de-linde/wijzigingen/',
      `/protocollen/de-linde/vergelijk/${data.protocols.get('de-linde')!.protocol.startsFrom}/`,
    ];
    for (const url of pages) {
      await withPage(url, async (page) => {
        const pdf = await page.locator('a[href$=".pdf"]').getAttribute('href');
        const docx = await page
          .locator('a', { hasText: 'Download als Word, met bijgehouden wijzigingen' })
          .getAttribute('href');
        expect(docx, url).toBe(pdf!.replace(/\.pdf$/, '.docx'));
        const bytes = new Uint8Array(fs.readFileSync(path.join(DIST, docx!)));
        const xml = docxPart(bytes, 'word/document.xml');
        const revs = revisions(xml);
        expect(revs.length, url).toBeGreaterThan(0);
        expect(new Set(revs.map((r) => r.author))).toEqual(new Set(['Protocolwijzer']));
        const listed = await page
          .locator('.change-list a')
          .evaluateAll((as) => as.map((a) => a.textContent!.replace(/\s+/g, ' ').trim()));
        const head = acceptAll(xml.slice(0, xml.search(/<w:(ins|del)\s/)));
        for (const line of listed) expect(head, url).toContain(line);
      });
    }
  });
});

describe('paper for families', () => {
  test('a very long school name and an article longer than a page are printed whole: nothing clipped, nothing lost', async () => {
    const name =
      'Openbare Basisschool voor Montessori-, Dalton- en Jenaplanonderwijs De Wijde Wereld Achter de Grote Kerk van Sint-Michielsgestel-Noord';
    const long = Array.from(
      { length: 60 },
      (_, i) => `Zin ${i + 1} van een heel lang artikel dat over meer dan één pagina doorloopt.`,
    ).join(' ');
    const url = `https://www.example.nl/documenten/${'privacyreglement'.repeat(12)}.pdf`; // one unbreakable word
    const doc = structuredClone(linde.doc);
    doc.organisation = name;
    doc.documents = [{ title: 'Privacyreglement', url }];
    const first = doc.sections[1]!.items.find((i) => 'article' in i) as { article: { text: string } };
    first.article.text = long;
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/samenstellen/`);
      await page.evaluate(
        (html) => localStorage.setItem('protocolwijzer:afdrukken', JSON.stringify({ title: 'test', html })),
        renderPrintHtml(doc, 'Concept.'),
      );
      await page.goto(`${site.url}/samenstellen/afdrukken/?geen-afdrukvenster`);
      await page.waitForFunction(() => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true);
      // Every running header stays inside its box, and no page's text runs off its right edge.
      const overflow = await page.evaluate(() => [
        ...[...document.querySelectorAll('.pagedjs_margin-top-left, .pagedjs_margin-top-right')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.className),
        ...[...document.querySelectorAll('.pagedjs_page_content')].flatMap((content) => {
          const right = content.getBoundingClientRect().right;
          return [...content.querySelectorAll('p, li, h1, h2, h3, dt, dd')]
            .filter((el) => el.getBoundingClientRect().right > right + 1)
            .map((el) => el.textContent!.slice(0, 40));
        }),
      ]);
      expect(overflow).toEqual([]);
      const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'long-')), 'long.pdf');
      fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const all = fold(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
      for (let i = 1; i <= 60; i++) expect(all).toContain(`Zin ${i} van een heel lang artikel`);
      expect(all.replace(/\s/g, '')).toContain(url); // the address whole, wrapped where need be
      // The whole name in the running header of every page after the cover, wrapped if need be, never cut off.
      for (let n = 2; n <= pages; n++) expect(fold(pdfPage(pdf, n)), `page ${n}`).toContain(name);
    } finally {
      await page.close();
    }
  });
});
