import type { ProtocolDocument } from '../compose/document.ts';
import { t } from '../../i18n/t.ts';
import { adoptionSentence } from '../text/format-date.ts';
import { runningVersion } from '../versions/published.ts';
import { renderReportHtml, renderSchoolDocumentsHtml } from './render-contacts.ts';
import { escapeHtml, renderDocumentHtml, renderTocHtml, type RenderOptions } from './render-html.ts';

/**
 * The body of a protocol's print edition, as Paged.js lays it out with `templates/print.css`: a cover (title,
 * school, version, board, status; then "Een probleem melden" with every reporting contact and the school's other
 * documents with their addresses written out, so the paper copy says whom to tell), a table of contents with page numbers (`target-counter`) and the
 * document. Used by the build's print pages and by the wizard's "afdrukken als PDF". All text is escaped.
 *
 * @param status the status line on the cover (adopted by whom and when, or draft); default: from `doc.adoption`.
 * @param opts passed to {@link renderDocumentHtml} (e.g. `summaries: true` for the "In het kort" boxes).
 */
export function renderPrintHtml(doc: ProtocolDocument, status?: string, opts: RenderOptions = {}): string {
  const adopted = adoptionSentence(doc.adoption);
  const board = doc.board ? `<dt>${t('protocol.board')}</dt><dd>${escapeHtml(doc.board)}</dd>` : '';
  const version = `<dt>${t('protocol.version')}</dt><dd><span class="running-version">${escapeHtml(runningVersion(doc))}</span></dd>`;
  const state = `<dt>${t('protocol.status')}</dt><dd>${escapeHtml(status ?? adopted ?? t('protocol.draft'))}</dd>`;
  return `<section class="cover">
<h1>${escapeHtml(doc.title)}</h1>
<p class="school running-school">${escapeHtml(doc.organisation)}</p>
<dl>${version}${board}${state}</dl>
${renderReportHtml(doc.contacts)}
${renderSchoolDocumentsHtml(doc.documents, { printUrls: true })}
</section>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${t('toc.title')}</h2>${renderTocHtml(doc, { pageNumbers: true })}</nav>
${renderDocumentHtml(doc, opts)}`;
}
