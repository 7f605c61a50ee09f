import type { Browser } from 'playwright-core';

/**
 * Prints one page laid out by Paged.js to PDF: opens `url`, waits until Paged.js reports it is done
 * (`window.__paged.done`, set by the page's `PagedConfig.after`), then prints a tagged A4 PDF with an
 * outline, using the page's own `@page` size.
 *
 * @param browser a running Chromium.
 * @param url the print page.
 * @param timeoutMs how long Paged.js may take, default 60 000 ms.
 * @returns the PDF bytes and the page count Paged.js reported.
 */
export async function makePdf(browser: Browser, url: string, timeoutMs = 60_000): Promise<{ pdf: Buffer; pages: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true, null, { timeout: timeoutMs });
    const pages = await page.evaluate(() => (window as unknown as { __paged: { pages: number } }).__paged.pages);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf, pages };
  } finally {
    await page.close();
  }
}
