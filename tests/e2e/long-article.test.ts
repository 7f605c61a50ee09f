/**
 * Nothing cut off without a word (review attack-2026-11, failure 10: a 900,000-word article came out as 6 pages and
 * the build said nothing). A 50,000-word article is laid out completely, every word in the PDF; when Paged.js cannot
 * lay a page out, or leaves words out, `makePdf` stops with a Dutch message instead of writing a short PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../src/node/browser.ts';
import { IncompletePdfError, makePdf, missingWords, offPageText } from '../../src/node/make-pdf.ts';
import { startStaticServer, type StaticServer } from '../../src/node/static-server.ts';
import type { Browser } from 'playwright-core';
import { assertBuilt, DIST } from './built-site.ts';

const WORDS = 50_000;
let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  // The real print page of the demo school with one article of 50,000 words (one paragraph, the hardest case).
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-long-'));
  for (const dir of ['vendor', 'fonts']) fs.cpSync(path.join(DIST, dir), path.join(tmp, dir), { recursive: true });
  const page = fs.readFileSync(path.join(DIST, 'protocollen/de-linde/print/index.html'), 'utf8');
  const at = page.indexOf('</article>');
  const long = `<p>${Array.from({ length: WORDS }, (_, i) => `w${i}`).join(' ')}</p>`;
  fs.mkdirSync(path.join(tmp, 'lang'));
  fs.writeFileSync(path.join(tmp, 'lang/index.html'), page.slice(0, at) + long + page.slice(at));
  // The same page, with something that grows after Paged.js laid page 1 out (as a page number written in afterwards
  // can), so it is pushed past the page's edge: still in the page's text, but not on paper.
  // (A script file of its own: the page's Content-Security-Policy allows no other inline script.)
  fs.mkdirSync(path.join(tmp, 'groeit'));
  fs.writeFileSync(
    path.join(tmp, 'groeit/groeit.js'),
    `window.Paged.registerHandlers(class extends window.Paged.Handler {
      afterRendered() {
        const p = document.createElement('p');
        p.textContent = 'Weggeduwd '.repeat(600);
        document.querySelector('.pagedjs_page_content > div').append(p);
      }
    });`,
  );
  const grows = '<script src="/groeit/groeit.js"></script>';
  fs.writeFileSync(path.join(tmp, 'groeit/index.html'), page.replace('</body>', `${grows}</body>`));
  server = await startStaticServer(tmp);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a very long article', () => {
  test('is laid out completely: every one of 50,000 words is in the PDF', async () => {
    const { pdf, pages } = await makePdf(browser, `${server.url}/lang/`, { timeoutMs: 300_000 });
    expect(pages).toBeGreaterThan(50);
    const file = path.join(tmp, 'lang.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const found = new Set(text.split(/\s+/).filter((w) => /^w\d+$/.test(w)));
    expect(found.size).toBe(WORDS);
  }, 320_000);

  test('stops with a Dutch message when Paged.js does not finish, instead of writing a short PDF', async () => {
    const error = await makePdf(browser, `${server.url}/lang/`, { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompletePdfError);
    expect((error as Error).message).toMatch(/niet binnen 1 s opgemaakt.*Deel het op/);
  }, 60_000);
});

describe('text pushed off its page', () => {
  test('stops the PDF with a Dutch message naming the text, instead of printing a page without it', async () => {
    const error = await makePdf(browser, `${server.url}/groeit/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompletePdfError);
    expect((error as Error).message).toMatch(
      /^\/groeit\/: (1 stuk tekst viel|\d+ stukken tekst vielen) buiten de pagina .*\(vanaf "Weggeduwd Weggeduwd/,
    );
  }, 60_000);
});

describe('offPageText', () => {
  test('counts text pushed past the edge, not text for screen readers only that a line put there', async () => {
    // A redline's "[toegevoegd: …]" (.sr-only: a clipped 1×1 px box) at the end of a full line sat at the page's
    // edge and stopped the build (bench, 1,000 generated protocols), although nothing was missing on paper.
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<div class="pagedjs_page_content" style="position: relative; width: 300px; height: 200px">' +
          '<p>Zichtbaar<span style="position: absolute; left: 300px; top: 0; width: 1px; height: 1px; ' +
          'overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap">[toegevoegd: naam]</span></p>' +
          '<p><span style="position: absolute; left: 300px; top: 40px">Weggeduwd</span></p></div>',
      );
      expect(await page.evaluate(offPageText)).toEqual(['Weggeduwd']);
    } finally {
      await page.close();
    }
  });
});

describe('missingWords', () => {
  test('counts the words of the page that the laid-out pages lack, ignoring what they add', () => {
    expect(missingWords('een twee twee drie', 'pagina 1 van 2 een twee drie twee')).toEqual({
      missing: 0,
      total: 4,
      first: undefined,
    });
    expect(missingWords('een twee twee drie vier', 'een twee')).toEqual({ missing: 3, total: 5, first: 'twee' });
  });
});
