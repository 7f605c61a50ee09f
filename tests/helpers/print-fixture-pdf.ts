/**
 * Prints the PDF fixture (tests/fixtures/import/pdf-chromium-headers-and-footers/protocol.html) with Chromium, with
 * the running header and the "Pagina n van m" footer of its expected.json, as a word processor prints a protocol.
 * `repeat` copies the sections (for the 15-page speed measurement of the bench).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../src/node/paths.ts';

/** The fixture's folder. */
export const PDF_FIXTURE = path.join(ROOT, 'tests/fixtures/import/pdf-chromium-headers-and-footers');

/**
 * @param browser a running Chromium.
 * @param repeat how many times the sections after the title page are printed (default 1: five pages).
 * @returns the PDF's bytes.
 */
export async function printFixturePdf(browser: Browser, repeat = 1): Promise<Uint8Array> {
  const expected = JSON.parse(fs.readFileSync(path.join(PDF_FIXTURE, 'expected.json'), 'utf8')) as {
    header: string;
    footer: string;
  };
  let html = fs.readFileSync(path.join(PDF_FIXTURE, 'protocol.html'), 'utf8');
  if (repeat > 1) {
    const start = html.indexOf('<h2>');
    const end = html.indexOf('</body>');
    html = html.slice(0, end) + html.slice(start, end).repeat(repeat - 1) + html.slice(end);
  }
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const style = 'font-size:9pt;width:100%;text-align:center;font-family:Liberation Sans,sans-serif';
    return new Uint8Array(
      await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
        headerTemplate: `<div style="${style}">${expected.header}</div>`,
        footerTemplate: `<div style="${style}">${expected.footer}</div>`,
      }),
    );
  } finally {
    await page.close();
  }
}
