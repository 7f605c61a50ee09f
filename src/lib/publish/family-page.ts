import type { BoardMarks } from '../board/inherit-board.ts';
import type { ProtocolDocument } from '../compose/document.ts';
import { renderBoardContactsHtml, renderReportHtml, renderSchoolDocumentsHtml } from '../render/render-contacts.ts';
import { escapeHtml, renderDocumentHtml, renderTocHtml } from '../render/render-html.ts';
import { runningVersion } from '../versions/published.ts';
import { frontMatter } from '../render/front-matter.ts';
import { t } from '../../i18n/t.ts';

/**
 * The style of the family page: the site's look in a few rules (readable measure, large type, visible focus, marks
 * that do not rely on colour), for a phone and a desktop, in light colours with enough contrast (WCAG AA).
 * `{font}` is replaced by the font family list.
 */
const CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:{font};font-size:100%;line-height:1.55;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.9rem;line-height:1.2;margin:1.5rem 0 1rem}
h1 .lead{display:block;font-size:1.25rem;color:#4a4a4a;margin-top:.3rem}
h2{font-size:1.4rem;line-height:1.25;margin:2rem 0 .6rem}
h3{font-size:1.1rem;line-height:1.3;margin:1.3rem 0 .3rem}
p,li{overflow-wrap:anywhere}
a{color:#0b5394;text-underline-offset:.15em}
a:focus-visible,summary:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.status{font-weight:700}
.draft{border:3px dashed #7a4b00;background:#fff6e0;padding:.5rem 1rem}
.callout{border-left:6px solid #0b5394;background:#eef4fb;padding:.25rem 1rem .5rem;margin:1rem 0}
.callout h2{margin-top:.5rem;font-size:1.2rem}
.toc ol{list-style:none;padding-left:0}.toc ol ol{padding-left:1.2rem}
.in-het-kort{border:1px solid #c8c8c8;background:#f6f8fa;padding:.25rem 1rem;margin:.5rem 0 1rem}
.in-het-kort h3{margin-top:.5rem}
.article-heading .num{margin-right:.4em}
.via-board{font-style:italic;color:#4a4a4a}
.badge{font-size:.8rem;font-weight:400;border:1px solid #4a4a4a;border-radius:3px;padding:0 .3em;white-space:nowrap}
footer{margin-top:3rem;padding-bottom:2rem;color:#4a4a4a;font-size:.9rem}
@media print{.skip,.toc{display:none}a{color:inherit}}`;

/** Options for {@link familyPageHtml}. */
export interface FamilyPageOptions {
  /** The status line: adopted by whom and when (a refused consent included), or that it is a draft. */
  status: string;
  /**
   * The font as a `data:font/woff2;base64,…` address, embedded in the page (Atkinson Hyperlegible, as on the site);
   * without it the page uses the reader's system fonts.
   */
  fontDataUrl?: string;
  /**
   * Which of the document's contacts and documents come from the school's board ({@link BoardMarks}, as `withBoard`
   * found them: the wizard's evaluation), marked "(via het bestuur)" as on the site's page; default none.
   */
  inherited?: BoardMarks;
}

/**
 * The published protocol as one self-contained web page for families, to put on the school's own website: the
 * title, the school, the version and its status (a draft says so in a banner), "Een probleem melden" with every
 * reporting contact, a table of contents, every section with "In het kort", the articles, and the school's other
 * documents; what the school inherits from its board says "(via het bestuur)". All CSS inline, the font embedded
 * (or system fonts), no JavaScript, no request to any other host: the page works as a single file anywhere. Every
 * text is escaped.
 *
 * @param doc the composed protocol.
 * @returns the whole HTML file.
 */
export function familyPageHtml(doc: ProtocolDocument, opts: FamilyPageOptions): string {
  const font = opts.fontDataUrl
    ? `@font-face{font-family:'Atkinson Hyperlegible';font-style:normal;font-weight:400;font-display:swap;src:url(${opts.fontDataUrl}) format('woff2')}\n`
    : '';
  const family = `${opts.fontDataUrl ? "'Atkinson Hyperlegible'," : ''}system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif`;
  // Title, school and status in the same words as the protocol's page, PDF and Word file.
  const front = frontMatter(doc, opts.status);
  const state = front.lines.find((l) => l.field === 'status')!.value;
  const title = `${front.title} ${front.school}`;
  const version = doc.version ?? '';
  const status = front.draft
    ? `<div class="draft" role="note"><p><strong>${escapeHtml(t('protocol.concept'))}.</strong> ${escapeHtml(t('family.draftBanner', { version }))}</p><p>${escapeHtml(state)}</p></div>`
    : `<p class="status">${escapeHtml(`${t('versions.item', { version })}.`)} ${escapeHtml(state)}</p>`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title}, ${runningVersion(doc)}`)}</title>
<meta name="description" content="${escapeHtml(t('family.description', { school: front.school }))}">
<style>
${font}${CSS.replace('{font}', family)}
</style>
</head>
<body>
<a class="skip" href="#inhoud">${escapeHtml(t('nav.skip'))}</a>
<main id="inhoud">
<h1>${escapeHtml(front.title)}<span class="lead">${escapeHtml(front.school)}</span></h1>
${status}
${renderReportHtml(doc.contacts, 2, opts.inherited?.contacts)}
${renderBoardContactsHtml(doc.contacts, opts.inherited?.contacts)}
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t('toc.title'))}</h2>${renderTocHtml(doc)}</nav>
${renderDocumentHtml(doc, { summaries: true })}
${renderSchoolDocumentsHtml(doc.documents, { viaBoard: opts.inherited?.documents })}
</main>
<footer><p>${escapeHtml(`${front.school}, ${runningVersion(doc)}.`)} ${escapeHtml(t('family.madeWith'))}</p></footer>
</body>
</html>
`;
}
