/**
 * Reading .docx files back in tests, as a user's word processor would: the text with mammoth, the XML with fflate.
 */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

/** One part of a .docx (`word/document.xml`, `word/numbering.xml`, `word/styles.xml`) as text. */
export function docxPart(bytes: Uint8Array, part: string): string {
  const files = unzipSync(bytes);
  const file = files[part];
  if (!file) throw new Error(`${part} is not in the .docx (it has ${Object.keys(files).join(', ')})`);
  return strFromU8(file);
}

/** The text of a .docx as mammoth reads it, white space folded. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return fold(value);
}

/** Folds white space. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Undoes the XML escaping of text content. */
function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs' text of a `document.xml` body: runs joined, paragraphs separated by a space. */
function paragraphsText(xml: string): string {
  const body = xml.slice(xml.indexOf('<w:body>'));
  return fold(
    body
      .split('</w:p>')
      .map((p) =>
        [...p.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
          .map((m) => unescapeXml(m[1]!))
          .join(''),
      )
      .join(' '),
  );
}

/** The text a reader gets after "accept all changes": deleted runs gone, inserted runs kept. */
export function acceptAll(documentXml: string): string {
  const xml = documentXml.replace(/<w:(ins|del)\b[^>]*\/>/g, '').replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '');
  return paragraphsText(xml);
}

/** The text a reader gets after "reject all changes": inserted runs gone, deleted runs back. */
export function rejectAll(documentXml: string): string {
  const xml = documentXml.replace(/<w:(ins|del)\b[^>]*\/>/g, '').replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '');
  return paragraphsText(xml);
}

/** The `w:ins` and `w:del` elements (runs and paragraph marks) of a `document.xml`, with their attributes. */
export function revisions(documentXml: string): { kind: 'ins' | 'del'; id: string; author: string; date: string }[] {
  return [...documentXml.matchAll(/<w:(ins|del)\s([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(m[2]!)?.[1] ?? '';
    return { kind: m[1] as 'ins' | 'del', id: attr('id'), author: attr('author'), date: attr('date') };
  });
}
