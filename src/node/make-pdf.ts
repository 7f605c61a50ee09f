import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';

/** The document information a PDF carries, read from the print page's `<title>`, `<meta>` and `lang`. */
export interface PdfMetadata {
  title: string;
  /** `<meta name="author">`: the school. */
  author: string;
  /** `<meta name="subject">`. */
  subject: string;
  /** `<html lang>`, e.g. `nl`: the PDF's /Lang, so a screen reader reads it in Dutch. */
  lang: string;
}

/**
 * Writes title, author, subject and language into a PDF's document information and catalog. Chromium sets
 * only the title (from `<title>`); pdf-lib adds the rest and keeps the structure tree (tags) and the outline.
 *
 * @param pdf the PDF as Chromium printed it.
 * @returns the PDF with its metadata set.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setLanguage(meta.lang);
  doc.setCreator('Protocolwijzer');
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * Prints one page laid out by Paged.js to PDF: opens `url`, waits until Paged.js reports it is done
 * (`window.__paged.done`, set by the page's `PagedConfig.after`), then prints a tagged A4 PDF with an
 * outline, using the page's own `@page` size, and sets its metadata ({@link setPdfMetadata}) from the page.
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
    const meta = await page.evaluate(() => ({
      title: document.title,
      author: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '',
      subject: document.querySelector('meta[name="subject"]')?.getAttribute('content') ?? '',
      lang: document.documentElement.lang,
    }));
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf: await setPdfMetadata(printed, meta), pages };
  } finally {
    await page.close();
  }
}
