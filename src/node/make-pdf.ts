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
  /**
   * The PDF's creation and modification date. The build passes a date from the protocol or `SOURCE_DATE_EPOCH`
   * (see `scripts/build-pdfs.ts`), so two builds of the same commit give the same bytes; default: the Unix epoch.
   */
  date?: Date;
}

/**
 * Writes title, author, subject, language and dates into a PDF's document information and catalog. Chromium sets
 * only the title (from `<title>`) and the time of printing; pdf-lib sets the rest, replaces that time with
 * `meta.date`, and keeps the structure tree (tags) and the outline. The result depends only on its inputs.
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
  const date = meta.date ?? new Date(0);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Thrown when Paged.js left text out of the pages or did not finish: the PDF would be incomplete. */
export class IncompletePdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompletePdfError';
  }
}

/**
 * Runs in the page: the text of every element matching `selector`, each text node apart (Paged.js drops the
 * white space between elements, so text nodes are joined with a space).
 */
function articleText(selector: string): string {
  const parts: string[] = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
  }
  return parts.join(' ');
}

/**
 * Runs in the page: the text (first 60 characters each) of every text node that Paged.js left outside its page's
 * content area. Paged.js lays a page out as CSS columns of the page's width: what grows after layout (a page
 * number that `target-counter` writes in afterwards, wider than its placeholder) is pushed into the next column,
 * beyond the page's edge, and is cut off in the PDF although it is still in the page's text. Half a pixel of
 * rounding is allowed. Text meant for screen readers only (in a box of at most 1×1 px that hides its overflow:
 * `.sr-only` in templates/redline.css, such as "[toegevoegd: …]") is never on paper, wherever the line puts it.
 */
export function offPageText(): string[] {
  // (No inner named functions: this runs in the page, where the bundler's name helper does not exist.)
  const out: string[] = [];
  for (const area of document.querySelectorAll('.pagedjs_page_content')) {
    const box = area.getBoundingClientRect();
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      let hidden = false;
      for (let e = n.parentElement; e && e !== area && !hidden; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        hidden = r.width <= 1 && r.height <= 1 && getComputedStyle(e).overflow === 'hidden';
      }
      if (hidden) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const outside = [...range.getClientRects()].some(
        (r) => r.width > 0 && (r.left >= box.right - 0.5 || r.top >= box.bottom - 0.5),
      );
      if (outside) out.push(n.textContent.trim().slice(0, 60));
    }
  }
  return out;
}

/** The words of a text with how often each occurs. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.split(/\s+/)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * How many words of `source` are missing from `laidOut` (counted with multiplicity; extra words in `laidOut`,
 * such as page numbers and running headers, do not count).
 */
export function missingWords(source: string, laidOut: string): { missing: number; total: number; first?: string } {
  const have = wordCounts(laidOut);
  let missing = 0;
  let total = 0;
  let first: string | undefined;
  for (const [word, n] of wordCounts(source)) {
    total += n;
    const short = n - (have.get(word) ?? 0);
    if (short > 0) {
      missing += short;
      first ??= word;
    }
  }
  return { missing, total, first };
}

/**
 * Prints one page laid out by Paged.js to PDF: opens `url`, waits until Paged.js reports it is done
 * (`window.__paged.done`, set by the page's `PagedConfig.after`), checks that every word of every article is in
 * the laid-out pages and that nothing lies outside its page ({@link offPageText}), then prints a tagged A4 PDF
 * with an outline, using the page's own `@page` size, and sets its metadata ({@link setPdfMetadata}) from the page.
 *
 * @param browser a running Chromium.
 * @param url the print page.
 * @param options `timeoutMs`: how long Paged.js may take (default 120 000 ms); `date`: the PDF's date.
 * @returns the PDF bytes and the page count Paged.js reported.
 * @throws IncompletePdfError, in Dutch, when Paged.js dropped text (a very long article), left text outside a page,
 *   or did not finish in time.
 */
export async function makePdf(
  browser: Browser,
  url: string,
  options: { timeoutMs?: number; date?: Date } | number = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const { timeoutMs = 120_000, date } = typeof options === 'number' ? { timeoutMs: options } : options;
  const source = await sourceText(browser, url);
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true,
        null,
        { timeout: timeoutMs },
      );
    } catch {
      throw new IncompletePdfError(
        `${new URL(url).pathname}: Paged.js heeft de pagina's niet binnen ${timeoutMs / 1000} s opgemaakt. Is er een heel lang artikel? Deel het op in kortere artikelen.`,
      );
    }
    const pages = await page.evaluate(() => (window as unknown as { __paged: { pages: number } }).__paged.pages);
    const laidOut = await page.evaluate(articleText, '.pagedjs_pages article');
    const { missing, total, first } = missingWords(source, laidOut);
    if (missing > 0) {
      throw new IncompletePdfError(
        `${new URL(url).pathname}: ${missing} van de ${total} woorden kwamen niet in de PDF (vanaf "${first}"). Paged.js kon de tekst niet helemaal opmaken; is er een heel lang artikel? Deel het op in kortere artikelen.`,
      );
    }
    const off = await page.evaluate(offPageText);
    if (off.length > 0) {
      throw new IncompletePdfError(
        `${new URL(url).pathname}: ${off.length === 1 ? '1 stuk tekst viel' : `${off.length} stukken tekst vielen`} buiten de pagina en kwamen niet op papier (vanaf "${off[0]}"). Paged.js maakte de pagina op met iets dat daarna breder werd (zoals een paginanummer); geef het een vaste breedte in de print-CSS.`,
      );
    }
    const meta = await page.evaluate(() => ({
      title: document.title,
      author: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '',
      subject: document.querySelector('meta[name="subject"]')?.getAttribute('content') ?? '',
      lang: document.documentElement.lang,
    }));
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf: await setPdfMetadata(printed, { ...meta, date }), pages };
  } finally {
    await page.close();
  }
}

/**
 * The text of a print page's articles as written, before Paged.js runs (JavaScript off): what the PDF must
 * contain. Articles only: cover, headers and the table of contents are moved or generated by Paged.js.
 */
async function sourceText(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(articleText, 'article');
  } finally {
    await context.close();
  }
}
