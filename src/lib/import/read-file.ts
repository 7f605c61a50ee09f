/**
 * Reads an imported file into plain text, whatever it is: a .pdf with a text layer, a .docx, a .txt or .md file,
 * or pasted text. The format is decided by the file's first bytes, not only by its name, so a zip renamed to .docx,
 * an old .doc or a scan is told apart and refused with a Dutch message (a `ContentError` whose problem carries a rule
 * id: `import-empty`, `import-too-large`, `import-old-doc`, `import-not-docx`, `import-unknown-format`,
 * `import-pdf-password`, `import-pdf-no-text`, `import-pdf-damaged`, `import-not-dutch`). Nothing is uploaded: the
 * bytes come from the browser's File or from Node's fs, and the readers are passed in (`ImportReaders`).
 */
import { unzipSync } from 'fflate';
import { eng, deu, fra, nld } from 'stopword';
import { ContentError } from '../errors/content-error.ts';
import { readDocx, type MammothLike } from './read-docx.ts';
import { readPdf, type PdfjsLike } from './read-pdf.ts';
import type { FoundNonNormative } from './segment.ts';
import { words } from './text.ts';

/** The biggest file read, in bytes (20 MB): a protocol is a few pages; a bigger file is refused before reading. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** How to load the two heavy readers; only the one a file needs is loaded. */
export interface ImportReaders {
  pdfjs: () => Promise<PdfjsLike>;
  mammoth: () => Promise<MammothLike>;
}

/** An imported file as text. */
export interface ReadResult {
  format: 'pdf' | 'docx' | 'txt' | 'md';
  text: string;
  /** Page headers, footers and page numbers taken out of a PDF. */
  chrome: FoundNonNormative[];
  /** Pages of a PDF. */
  pages?: number;
}

function fail(file: string, rule: string, message: string): never {
  throw new ContentError([{ file, rule, message }]);
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (old Windows files). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const LANGS: [string, Set<string>][] = [
  ['Engels', new Set(eng)],
  ['Duits', new Set(deu)],
  ['Frans', new Set(fra)],
];
const DUTCH = new Set(nld);

/**
 * Refuses a text that is not Dutch: among its first 2000 words, another language's stop words (npm `stopword`
 * lists) clearly outnumber the Dutch ones. Texts under 30 words are not judged.
 *
 * @throws ContentError `import-not-dutch`.
 */
export function checkDutch(text: string, file: string): void {
  const ws = words(text).slice(0, 2000);
  if (ws.length < 30) return;
  const dutch = ws.filter((w) => DUTCH.has(w)).length;
  for (const [name, list] of LANGS) {
    const other = ws.filter((w) => list.has(w) && !DUTCH.has(w)).length;
    if (other > dutch * 1.5 && other >= 10) {
      fail(
        file,
        'import-not-dutch',
        `deze tekst lijkt ${name}, niet Nederlands. Protocolwijzer legt een Nederlands protocol naast de Nederlandse bibliotheek; importeer de Nederlandse versie van uw protocol.`,
      );
    }
  }
}

/**
 * Refuses a file over {@link MAX_IMPORT_BYTES}, before it is read into memory.
 * @throws ContentError `import-too-large`.
 */
export function checkImportSize(byteLength: number, file: string): void {
  if (byteLength <= MAX_IMPORT_BYTES) return;
  const mb = (byteLength / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  fail(
    file,
    'import-too-large',
    `het bestand is ${mb} MB; een protocol is hooguit ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Kies het goede bestand, of sla het op zonder afbeeldingen.`,
  );
}

/**
 * Reads an imported file.
 *
 * @param bytes the file's bytes.
 * @param file the file's name (its extension decides between .txt and .md; the bytes decide the rest).
 * @param readers loaders of pdfjs-dist and mammoth.
 * @throws ContentError with one problem (rule id, Dutch message) for a file that cannot be read.
 */
export async function readImportFile(bytes: Uint8Array, file: string, readers: ImportReaders): Promise<ReadResult> {
  if (bytes.byteLength === 0)
    fail(file, 'import-empty', 'het bestand is leeg. Kies het bestand met de tekst van uw protocol.');
  checkImportSize(bytes.byteLength, file);
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  let result: ReadResult;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    const pdf = await readPdf(await readers.pdfjs(), bytes, file);
    result = { format: 'pdf', text: pdf.text, chrome: pdf.chrome, pages: pdf.pages };
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    fail(
      file,
      'import-old-doc',
      'dit is een oud Word-bestand (.doc, van vóór 2007). Open het in Word of LibreOffice, kies "Opslaan als" en dan Word-document (.docx) of PDF, en importeer dat bestand.',
    );
  } else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    } catch {
      fail(
        file,
        'import-not-docx',
        'dit bestand is geen leesbaar Word-document (.docx): het zip-bestand is beschadigd. Sla het opnieuw op als .docx of PDF.',
      );
    }
    if (!entries['word/document.xml']) {
      fail(
        file,
        'import-not-docx',
        'dit bestand is geen Word-document (.docx): het is een zip-bestand zonder Word-tekst erin. Kies het .docx-bestand van uw protocol zelf, of een PDF.',
      );
    }
    result = { format: 'docx', text: await readDocx(await readers.mammoth(), bytes), chrome: [] };
  } else {
    const sample = bytes.subarray(0, 4096);
    const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
    const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
    if (!utf16 && controls > sample.length * 0.02) {
      fail(
        file,
        'import-unknown-format',
        'dit bestand kan niet gelezen worden: het is geen PDF, Word-document (.docx) of tekstbestand (.txt, .md). Sla uw protocol op als PDF of .docx, of plak de tekst.',
      );
    }
    result = { format: ext === 'md' ? 'md' : 'txt', text: decodeText(bytes), chrome: [] };
  }
  if (!result.text.trim())
    fail(file, 'import-empty', 'er staat geen tekst in dit bestand. Kies het bestand met de tekst van uw protocol.');
  checkDutch(result.text, file);
  return result;
}
