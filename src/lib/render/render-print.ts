import type { BoardMarks } from '../board/inherit-board.ts';
import type { ProtocolDocument } from '../compose/document.ts';
import { t } from '../../i18n/t.ts';
import { frontMatter } from './front-matter.ts';
import { renderBoardContactsHtml, renderReportHtml, renderSchoolDocumentsHtml } from './render-contacts.ts';
import { escapeHtml, renderDocumentHtml, renderTocHtml, type RenderOptions } from './render-html.ts';

/**
 * The body of a protocol's print edition, as Paged.js lays it out with `templates/print.css`: a cover (title,
 * school, version, board, status; then "Een probleem melden" with every reporting contact and the school's other
 * documents with their addresses written out, so the paper copy says whom to tell), a table of contents with page numbers (`target-counter`) and the
 * document. Used by the build's print pages and by the wizard's "afdrukken als PDF". All text is escaped.
 *
 * @param status the status line on the cover (adopted by whom and when, or draft); default: from `doc.adoption`
 *   ({@link frontMatter}, which gives the cover's words).
 * @param opts passed to {@link renderDocumentHtml} (e.g. `summaries: true` for the "In het kort" boxes), and
 *   `inherited`: which of `doc.contacts` and `doc.documents` come from the school's board ({@link BoardMarks},
 *   from `withBoard`: the build's `inheritanceOf`, the wizard's evaluation); those are marked "(via het bestuur)" on
 *   the cover, as on the web page, and the board's contacts that are not for reporting (such as its functionaris
 *   gegevensbescherming) are listed under the reporting ones ({@link renderBoardContactsHtml}). Default: none marked.
 */
export function renderPrintHtml(
  doc: ProtocolDocument,
  status?: string,
  opts: RenderOptions & { inherited?: BoardMarks } = {},
): string {
  const { inherited, ...renderOpts } = opts;
  const front = frontMatter(doc, status);
  const lines = front.lines
    .map((l) => {
      // The version also runs in the header of every page (print.css: string-set).
      const value =
        l.field === 'version' ? `<span class="running-version">${escapeHtml(l.value)}</span>` : escapeHtml(l.value);
      return `<dt>${escapeHtml(l.label)}</dt><dd>${value}</dd>`;
    })
    .join('');
  return `<section class="cover">
<h1>${escapeHtml(front.title)}</h1>
<p class="school running-school">${escapeHtml(front.school)}</p>
<dl>${lines}</dl>
${renderReportHtml(doc.contacts, 2, inherited?.contacts)}
${renderBoardContactsHtml(doc.contacts, inherited?.contacts)}
${renderSchoolDocumentsHtml(doc.documents, { printUrls: true, viaBoard: inherited?.documents })}
</section>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${t('toc.title')}</h2>${renderTocHtml(doc, { pageNumbers: true })}</nav>
${renderDocumentHtml(doc, renderOpts)}`;
}
