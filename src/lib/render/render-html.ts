import type { DocArticle, DocSection, ProtocolDocument } from '../compose/document.ts';
import { NON_NORMATIVE_LABELS, type NonNormativePart } from '../schema/reference-model.ts';
import { t } from '../../i18n/t.ts';
import { bodyBlocks } from '../text/body-blocks.ts';

/** Escapes text for HTML element content and attribute values. Everything a user or a file supplies goes through it. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Renders an article body (plain text: paragraphs separated by blank lines, `- ` list items) as HTML:
 * `<p>` per paragraph, `<ul>` per run of list items. The text is escaped; no markup in it survives.
 */
export function renderBody(text: string): string {
  return bodyBlocks(text)
    .map((b) =>
      'paragraph' in b
        ? `<p>${escapeHtml(b.paragraph)}</p>`
        : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    )
    .join('\n');
}

/** The number as printed before an article: added numbers in brackets, so a reader sees they are ours. */
export function articleNumber(a: Pick<DocArticle, 'number' | 'numberAdded'>): string {
  return a.numberAdded ? `[${a.number}]` : a.number;
}

/** A section's heading text with its label: `A. Voor alle gebruikers`, or `3. Melden` for numbered protocol sections. */
export function sectionHeading(s: Pick<DocSection, 'label' | 'title'>): string {
  return s.label ? `${s.label}. ${s.title}` : s.title;
}

/** Options for {@link renderDocumentHtml}. */
export interface RenderOptions {
  /** Heading level of section titles (articles get one below), default 2. */
  level?: 2 | 3;
  /** Base URL of the library, to link a model article's clause, e.g. `/bibliotheek/`; default none (no links). */
  libraryHref?: string;
  /**
   * Open each section with "In het kort": the plain-language summaries of its articles, one per line, in
   * article order (articles without a summary are skipped). Default false; the published protocol and its PDF
   * set it, so both carry the same words.
   */
  summaries?: boolean;
}

/**
 * "In het kort" for one section: a heading and the summaries of its articles as a list, or '' when no article
 * has one. The heading is one level below the section's.
 */
export function renderSummaryHtml(section: DocSection, level: number): string {
  const summaries = section.items.flatMap((i) => ('article' in i && i.article.summary ? [i.article.summary] : []));
  if (!summaries.length) return '';
  return `<div class="in-het-kort">
<h${level + 1} class="in-het-kort-heading">${escapeHtml(t('protocol.summary'))}</h${level + 1}>
<ul>${summaries.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
</div>`;
}

function renderNonNormative(p: NonNormativePart): string {
  const note = p.note ? `<p class="note">${escapeHtml(p.note)}</p>` : '';
  const text = p.text.split('\n').map(escapeHtml).join('<br>');
  return `<aside class="non-normative non-normative--${p.kind}" aria-label="${escapeHtml(NON_NORMATIVE_LABELS[p.kind])}"><p class="kind">${escapeHtml(NON_NORMATIVE_LABELS[p.kind])}</p><p class="text">${text}</p>${note}</aside>`;
}

/**
 * One article as {@link renderDocumentHtml} writes it (an `<article>` with its heading one level below `level`);
 * `articleTitles`: show its clause title as its heading (protocols do, models show the source as printed). Exported
 * for the wizard's live preview, which renders article by article.
 */
export function renderArticle(a: DocArticle, level: number, opts: RenderOptions & { articleTitles: boolean }): string {
  const h = `h${level + 1}`;
  const num = `<span class="num">${escapeHtml(articleNumber(a))}</span>`;
  const title = opts.articleTitles ? ` <span class="title">${escapeHtml(a.title)}</span>` : '';
  const badges: string[] = [];
  if (a.origin === 'custom') badges.push(`<span class="badge">${escapeHtml(t('protocol.badge.custom'))}</span>`);
  if (a.origin === 'override') badges.push(`<span class="badge">${escapeHtml(t('protocol.badge.override'))}</span>`);
  const meta: string[] = [];
  if (opts.libraryHref && a.clause) {
    meta.push(
      `<p class="clause-link">${escapeHtml(t('protocol.clauseLink'))} <a href="${escapeHtml(opts.libraryHref + a.clause)}/">${escapeHtml(a.title)}</a></p>`,
    );
  }
  if (a.note) meta.push(`<p class="note">${escapeHtml(a.note)}</p>`);
  if (a.corrections?.length) {
    meta.push(
      `<div class="corrections"><p>Gecorrigeerd (fout uit de tekstextractie):</p><ul>${a.corrections
        .map((c) => `<li>“${escapeHtml(c.original)}” → “${escapeHtml(c.corrected)}”: ${escapeHtml(c.reason)}</li>`)
        .join('')}</ul></div>`,
    );
  }
  return `<article class="article" id="${escapeHtml(a.anchor)}">
<${h} class="article-heading">${num}${title}${badges.length ? ' ' + badges.join(' ') : ''}</${h}>
<div class="body">${renderBody(a.text)}</div>${meta.join('')}
</article>`;
}

/**
 * Renders a document's sections and articles as HTML (no page chrome): one `<section>` per section with
 * a heading, articles with stable `id`s, non-normative parts (models) as labelled `<aside>`s.
 */
export function renderDocumentHtml(doc: ProtocolDocument, opts: RenderOptions = {}): string {
  const level = opts.level ?? 2;
  const articleTitles = doc.kind === 'protocol';
  const parts: string[] = [];
  if (doc.front.length) parts.push(`<div class="front">${doc.front.map(renderNonNormative).join('\n')}</div>`);
  for (const s of doc.sections) {
    const items = s.items
      .map((i) =>
        'article' in i
          ? renderArticle(i.article, level, { ...opts, articleTitles })
          : renderNonNormative(i.nonNormative),
      )
      .join('\n');
    parts.push(`<section class="doc-section" aria-labelledby="${escapeHtml(s.anchor)}">
<h${level} id="${escapeHtml(s.anchor)}" class="section-heading">${escapeHtml(sectionHeading(s))}</h${level}>
${opts.summaries ? renderSummaryHtml(s, level) : ''}${items}
</section>`);
  }
  if (doc.back.length) parts.push(`<div class="back">${doc.back.map(renderNonNormative).join('\n')}</div>`);
  return parts.join('\n');
}

/**
 * The one table of contents, for the page and the PDF: every section linking to its anchor; in a protocol, the
 * articles of each numbered section under it (a model's articles, and those of an unnumbered section, whose numbers
 * are ours in brackets, are not listed).
 *
 * @param doc the document.
 * @param opts `pageNumbers`: wrap each entry's text in `<span class="label">`, beside which the print CSS puts the
 *   page number (`target-counter`); default false.
 */
export function renderTocHtml(doc: ProtocolDocument, opts: { pageNumbers?: boolean } = {}): string {
  const label = (text: string) =>
    opts.pageNumbers ? `<span class="label">${escapeHtml(text)}</span>` : escapeHtml(text);
  const link = (anchor: string, text: string) => `<a href="#${escapeHtml(anchor)}">${label(text)}</a>`;
  const sections = doc.sections.map((s) => {
    const articles = s.items.flatMap((i) => ('article' in i ? [i.article] : []));
    const listed = doc.kind === 'protocol' && s.numbered && articles.length > 0;
    const inner = listed
      ? `<ol>${articles.map((a) => `<li>${link(a.anchor, `${articleNumber(a)} ${a.title}`)}</li>`).join('')}</ol>`
      : '';
    return `<li>${link(s.anchor, sectionHeading(s))}${inner}</li>`;
  });
  return `<ol class="toc-list">${sections.join('')}</ol>`;
}
