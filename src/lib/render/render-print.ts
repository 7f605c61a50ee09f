import type { ProtocolDocument } from '../compose/document.ts';
import { runningVersion } from '../versions/published.ts';
import { adoptionSentence } from './format-date.ts';
import { renderReportHtml, renderSchoolDocumentsHtml } from './render-contacts.ts';
import { articleNumber, escapeHtml, renderDocumentHtml, sectionHeading, type RenderOptions } from './render-html.ts';

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
  const toc = `<ol>${doc.sections
    .map((s) => {
      const arts = s.items.flatMap((i) => ('article' in i ? [i.article] : []));
      return `<li><a href="#${escapeHtml(s.anchor)}"><span class="label">${escapeHtml(sectionHeading(s))}</span></a>${
        s.numbered
          ? `<ol>${arts.map((a) => `<li><a href="#${escapeHtml(a.anchor)}"><span class="label">${escapeHtml(articleNumber(a))} ${escapeHtml(a.title)}</span></a></li>`).join('')}</ol>`
          : ''
      }</li>`;
    })
    .join('')}</ol>`;
  const board = doc.board ? `<dt>Bestuur</dt><dd>${escapeHtml(doc.board)}</dd>` : '';
  return `<section class="cover">
<h1>${escapeHtml(doc.title)}</h1>
<p class="school running-school">${escapeHtml(doc.organisation)}</p>
<dl><dt>Versie</dt><dd><span class="running-version">${escapeHtml(runningVersion(doc))}</span></dd>${board}<dt>Status</dt><dd>${escapeHtml(status ?? adopted ?? 'Concept: nog niet vastgesteld.')}</dd></dl>
${renderReportHtml(doc.contacts)}
${renderSchoolDocumentsHtml(doc.documents, { printUrls: true })}
</section>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Inhoud</h2>${toc}</nav>
${renderDocumentHtml(doc, opts)}`;
}
