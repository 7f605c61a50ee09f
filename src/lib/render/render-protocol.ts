import type { ProtocolDocument } from '../compose/document.ts';
import { documentArticles } from '../compose/document.ts';
import { articleNumber, escapeHtml, renderDocumentHtml, sectionHeading } from './render-html.ts';

/** What every output format of a composed protocol prints besides the articles. */
export interface ProtocolHead {
  /** The status sentence (`statusSentence` in src/lib/versions/status.ts). */
  status: string;
}

/**
 * The composed protocol as plain text: title, the school (with its board and place), the status sentence, then
 * every section heading and every article as `number title` and its text (list items keep their `- `).
 * Ends with a newline.
 */
export function renderProtocolText(doc: ProtocolDocument, head: ProtocolHead): string {
  const out: string[] = [doc.title];
  const about = [doc.board ? `bestuur: ${doc.board}` : '', doc.place ?? ''].filter(Boolean).join(', ');
  out.push(`${doc.organisation}${about ? ` (${about})` : ''}`, head.status, '');
  for (const s of doc.sections) {
    out.push(sectionHeading(s), '');
    for (const item of s.items) {
      if (!('article' in item)) continue;
      const a = item.article;
      out.push(`${articleNumber(a)} ${a.title}`, a.text.trim(), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The composed protocol as one HTML document (UTF-8, `lang="nl"`): title, school, status, and the articles as the
 * protocol page renders them (`renderDocumentHtml`). Everything from the file is escaped.
 */
export function renderProtocolHtml(doc: ProtocolDocument, head: ProtocolHead): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="school">${escapeHtml(doc.organisation)}${doc.board ? `, ${escapeHtml(doc.board)}` : ''}${doc.place ? `, ${escapeHtml(doc.place)}` : ''}</p>
<p class="status">${escapeHtml(head.status)}</p>
</header>
<main>
${renderDocumentHtml(doc, { articleTitles: true })}
</main>
</body>
</html>
`;
}

/**
 * The output formats of `npm run render`, by name. A new format is one more entry here (a function from the
 * composed document and its head to the text printed).
 */
export const PROTOCOL_FORMATS = {
  text: renderProtocolText,
  html: renderProtocolHtml,
} satisfies Record<string, (doc: ProtocolDocument, head: ProtocolHead) => string>;

/** A format name of {@link PROTOCOL_FORMATS}. */
export type ProtocolFormat = keyof typeof PROTOCOL_FORMATS;

/** The number of articles of a document (for the CLI's summary line on stderr). */
export function articleCount(doc: ProtocolDocument): number {
  return documentArticles(doc).length;
}
