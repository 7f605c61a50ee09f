/**
 * Reads a PDF's text layer with `pdfjs-dist` 4 (Mozilla's PDF.js): lines from the text items' positions,
 * paragraphs from the gaps between lines, and page chrome (headers, footers, page numbers: the lines at the top or
 * bottom of a page that recur on most pages once digits are ignored) taken out and reported as non-normative.
 * The caller passes the pdfjs module: the legacy build in Node, the normal build with its worker served from the
 * site itself in the browser (`/vendor/pdf.worker.min.js`, copied there by `scripts/prebuild.ts`).
 */
import { ContentError } from '../errors/content-error.ts';
import type { FoundNonNormative } from './segment.ts';

/** The part of pdfjs-dist's API used here. */
export interface PdfjsLike {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocumentLike>; destroy?: () => Promise<void> };
}
interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup?: () => void }>;
  destroy(): Promise<void>;
}
interface TextItemLike {
  str: string;
  transform: number[];
  height: number;
  width: number;
  hasEOL?: boolean;
}

/** A line of one page: its text and its baseline (PDF units from the bottom). */
interface PageLine {
  text: string;
  y: number;
  height: number;
}

/** The text of a PDF and the page chrome taken out of it. */
export interface PdfText {
  text: string;
  chrome: FoundNonNormative[];
  pages: number;
}

const PAGE_NUMBER = /^(?:-\s*)?(?:pagina|blz\.?|page)?\s*\d{1,3}(?:\s*(?:van|\/|of)\s*\d{1,3})?(?:\s*-)?$/i;

/** Groups a page's text items into lines, top to bottom, left to right. */
function pageLines(items: TextItemLike[]): PageLine[] {
  const lines: { y: number; height: number; parts: { x: number; w: number; s: string }[] }[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    if (!it.str.trim() && !it.hasEOL) continue;
    const x = it.transform[4]!;
    const y = it.transform[5]!;
    const h = it.height || Math.abs(it.transform[3]!) || 10;
    let line = lines.find((l) => Math.abs(l.y - y) < Math.max(2, h * 0.4));
    if (!line) {
      line = { y, height: h, parts: [] };
      lines.push(line);
    }
    line.parts.push({ x, w: it.width, s: it.str });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((l) => {
      l.parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of l.parts) {
        const gap = p.x - end;
        if (text && gap > l.height * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.s)) text += ' ';
        text += p.s;
        end = p.x + p.w;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), y: l.y, height: l.height };
    })
    .filter((l) => l.text);
}

/** A line with its digits ignored, to see a running header "Pagina 3 van 15" as the same on every page. */
function shape(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * Reads the text of a PDF.
 *
 * @param pdfjs the pdfjs-dist module.
 * @param bytes the file's bytes (not kept; pdfjs may detach them).
 * @param file the file name, for messages.
 * @throws ContentError `import-pdf-password` for a password-protected PDF, `import-pdf-no-text` for a PDF without a
 *   text layer (a scan), `import-pdf-damaged` for a file PDF.js cannot parse, `import-pdf-reader` when PDF.js itself
 *   did not start.
 */
export async function readPdf(pdfjs: PdfjsLike, bytes: Uint8Array, file: string): Promise<PdfText> {
  let doc: PdfDocumentLike;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ContentError([
        {
          file,
          rule: 'import-pdf-password',
          message:
            'deze PDF is beveiligd met een wachtwoord, dus de tekst kan niet gelezen worden. Sla hem zonder wachtwoord op (of kopieer de tekst en plak die hier) en probeer het opnieuw.',
        },
      ]);
    }
    if (name === 'InvalidPDFException' || name === 'FormatError') {
      throw new ContentError([
        {
          file,
          rule: 'import-pdf-damaged',
          message:
            'dit bestand kan niet als PDF gelezen worden; het is beschadigd of geen echte PDF. Open het en sla het opnieuw op als PDF, of plak de tekst.',
        },
      ]);
    }
    // Not the file's fault: the PDF reader itself did not start (a blocked worker, no memory).
    throw new ContentError([
      {
        file,
        rule: 'import-pdf-reader',
        message:
          'de PDF-lezer kon niet starten, dus deze PDF is niet gelezen. Laad de pagina opnieuw en probeer het nog eens, of kopieer de tekst uit de PDF en plak die hier.',
      },
    ]);
  }
  try {
    const pages: PageLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items as TextItemLike[]));
      page.cleanup?.();
    }
    const chars = pages.reduce((sum, p) => sum + p.reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 40) {
      throw new ContentError([
        {
          file,
          rule: 'import-pdf-no-text',
          message:
            'deze PDF bevat geen tekst om te lezen: het is waarschijnlijk een scan (een foto van papier). Gebruik het Word-bestand of een PDF die uit Word is opgeslagen, of laat de scan eerst omzetten naar tekst (OCR).',
        },
      ]);
    }
    return assemble(pages);
  } finally {
    await doc.destroy();
  }
}

/** Takes the chrome out and joins the pages into paragraphs. */
function assemble(pages: PageLine[][]): PdfText {
  const chrome: FoundNonNormative[] = [];
  const edge = 2;
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of [...p.slice(0, edge), ...p.slice(-edge)]) seen.add(shape(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const recurring = new Set(
    [...counts].filter(([, c]) => pages.length >= 2 && c >= Math.max(2, Math.ceil(pages.length * 0.5))).map(([s]) => s),
  );
  const reported = new Set<string>();
  const out: string[] = [];
  for (const p of pages) {
    const keep: PageLine[] = [];
    p.forEach((l, i) => {
      const atTop = i < edge;
      const atBottom = i >= p.length - edge;
      const isNumber = (atTop || atBottom) && PAGE_NUMBER.test(l.text);
      if ((atTop || atBottom) && (recurring.has(shape(l.text)) || isNumber)) {
        const kind = isNumber ? 'page-number' : atTop ? 'page-header' : 'page-footer';
        const key = `${kind}:${shape(l.text)}`;
        if (!reported.has(key)) {
          reported.add(key);
          chrome.push({ kind, text: l.text });
        }
        return;
      }
      keep.push(l);
    });
    // Paragraph breaks: a gap clearly wider than the page's usual line spacing.
    const gaps = keep
      .slice(1)
      .map((l, i) => keep[i]!.y - l.y)
      .filter((g) => g > 0);
    const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 14;
    keep.forEach((l, i) => {
      if (i > 0 && keep[i - 1]!.y - l.y > usual * 1.4) out.push('');
      out.push(l.text);
    });
    out.push('');
  }
  return { text: out.join('\n'), chrome, pages: pages.length };
}
