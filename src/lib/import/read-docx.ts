/**
 * Reads a Word document (.docx) with `mammoth` (npm, maintained) into the plain text the segmenter reads:
 * headings as `## ` lines, Word's numbered lists as `1.` / `a.` lines (mammoth gives `<ol>`, the numbers are Word's
 * own numbering, so they are counted here), bullets as `• `, paragraphs separated by a blank line.
 * Runs in the browser (mammoth's browser build, `arrayBuffer`) and in Node (`buffer`).
 */

/** The part of mammoth's API used here. */
export interface MammothLike {
  convertToHtml(input: { arrayBuffer?: ArrayBuffer; buffer?: Uint8Array }): Promise<{ value: string }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities mammoth writes. */
function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The label of the n-th item (1-based) of a list at a nesting depth: 1. at the top, a. below it, i. below that. */
function label(n: number, depth: number, ordered: boolean): string {
  if (!ordered) return '•';
  if (depth % 3 === 0) return `${n}.`;
  if (depth % 3 === 1) return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`;
  return `${'i'.repeat(n)}.`;
}

/**
 * Turns mammoth's HTML into segmenter text.
 *
 * @param html what `mammoth.convertToHtml` returned.
 */
export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let line = '';
  let prefix = '';
  const flush = () => {
    const t = decode(line).replace(/\s+/g, ' ').trim();
    if (t) out.push(`${prefix}${t}`, '');
    line = '';
    prefix = '';
  };
  const re = /<(\/?)(h[1-6]|p|ol|ul|li|br|table|tr|td|th)\b[^>]*>|<[^>]+>|([^<]+)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[3] !== undefined) {
      line += m[3];
      continue;
    }
    const close = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (!tag) continue;
    if (tag === 'br') {
      line += ' ';
      continue;
    }
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (close) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      continue;
    }
    if (tag === 'li') {
      flush();
      if (!close) {
        const list = lists[lists.length - 1];
        if (list) {
          list.n++;
          prefix = `${label(list.n, lists.length - 1, list.ordered)} `;
        }
      }
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      flush();
      if (!close) prefix = '## ';
      continue;
    }
    if (tag === 'p' || tag === 'tr') {
      // A paragraph inside a list item carries on the item (the item's prefix stays).
      if (close || !lists.length || line.trim()) {
        const keep = prefix;
        flush();
        if (!close && lists.length) prefix = keep;
      }
      continue;
    }
    if (tag === 'td' || tag === 'th') line += ' ';
  }
  flush();
  return out.join('\n');
}

/**
 * Reads a .docx file.
 *
 * @param mammoth the `mammoth` module (its browser build in the browser).
 * @param bytes the file's bytes.
 * @returns the text for the segmenter.
 */
export async function readDocx(mammoth: MammothLike, bytes: Uint8Array): Promise<string> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { value } = await mammoth.convertToHtml({ arrayBuffer, buffer: bytes });
  return docxHtmlToText(value);
}
