import type { ProtocolDocument } from '../compose/document.ts';
import type { VersionDiff, VersionEntry } from '../versions/diff-versions.ts';
import { t } from '../../i18n/t.ts';
import { changeLabel, citeNumber } from './change-text.ts';
import { changeAnchor, changeBodyHtml, reasonHtml, variablesHtml, type ChangeRenderOptions } from './render-change.ts';
import { articleNumber, escapeHtml, renderBody, sectionHeading } from './render-html.ts';

/** Section heading of each article key in a document. */
function sectionsByKey(doc: ProtocolDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of doc.sections) for (const i of s.items) if ('article' in i) out.set(i.article.key, sectionHeading(s));
  return out;
}

/** One block of a redline's full text: an entry where it now stands, or the old place of a moved article. */
export interface RedlineItem {
  entry: VersionEntry;
  /** True for the note at the old place of a `moved` or `moved-changed` article ("verplaatst naar art. X"). */
  oldPlace: boolean;
}

/**
 * The blocks of a redline in reading order: every entry of the diff where it stands in the new version, and for each
 * moved article (`moved`, `moved-changed`) also a note at its old place, so that a reader on paper sees both ends of
 * the move. The old place is just before the first article that kept its relative order (unchanged, changed,
 * the name, another value, removed) and came after it in the old version; at the end when there is none.
 *
 * @param diff the comparison ({@link diffVersions}).
 * @param before the old document, for the old order of its articles.
 */
export function redlineItems(diff: VersionDiff, before: ProtocolDocument): RedlineItem[] {
  const oldIndex = new Map<string, number>();
  for (const s of before.sections) for (const i of s.items) if ('article' in i) oldIndex.set(i.article.key, oldIndex.size);
  const isMove = (e: VersionEntry) => e.kind === 'moved' || e.kind === 'moved-changed';
  const keepsOrder = (e: VersionEntry) =>
    ['unchanged', 'changed', 'name', 'variable', 'removed'].includes(e.kind) && e.before !== undefined;
  const moves = diff.entries.filter(isMove).sort((a, b) => oldIndex.get(a.before!.key)! - oldIndex.get(b.before!.key)!);
  const out: RedlineItem[] = [];
  let m = 0;
  for (const e of diff.entries) {
    if (keepsOrder(e)) {
      const here = oldIndex.get(e.before!.key)!;
      while (m < moves.length && oldIndex.get(moves[m]!.before!.key)! < here) out.push({ entry: moves[m++]!, oldPlace: true });
    }
    out.push({ entry: e, oldPlace: false });
  }
  while (m < moves.length) out.push({ entry: moves[m++]!, oldPlace: true });
  return out;
}

/** The fragment id of a moved article's old place in a redline: `w5-oud`. */
function oldPlaceAnchor(e: VersionEntry): string {
  return `${changeAnchor(e)}-oud`;
}

/** The note at the old place of a moved article: `W5 verplaatst naar art. 7.2`, with a page reference. */
function oldPlaceHtml(e: VersionEntry): string {
  const to = escapeHtml(articleNumber(e.after!));
  const label = `<span class="change-number">${e.number}</span> <span class="change-kind">${t('redline.movedTo', { number: to })}</span>`;
  const link = `<a class="page-ref" href="#${changeAnchor(e)}">${t('redline.onPage')}</a>`;
  const note = `<span class="num"><del>${escapeHtml(citeNumber(e.before!))}</del></span> ${escapeHtml(e.before!.title)}: ${t('redline.nowAt', { number: to })} ${link}.`;
  return `<section class="article change change--moved-from" id="${oldPlaceAnchor(e)}">
<p class="margin-label keep-with-next">${label}</p>
<p class="moved-note">${note}</p>
</section>`;
}

/**
 * The full text of the new document as a redline: every article in order under its section heading; each change
 * carries a margin bar and a label with its number and kind (`W3 gewijzigd`), insertions underlined, deletions
 * struck through, so the marks survive black-and-white printing; the change's body is the one of the page
 * ({@link changeBodyHtml}). Removed articles stand, struck through under a caption, where they stood; a moved
 * article is marked where it now stands ("was art. 3.9, p. 3") and where it stood ("W5 verplaatst naar art. 7.2",
 * with the page), see {@link redlineItems}. Page numbers come from the print CSS (`.page-ref`, `target-counter`).
 *
 * @param diff the comparison.
 * @param before the old document (for section headings of removed articles and old places of moved ones).
 * @param after the new document.
 */
export function renderRedlineTextHtml(
  diff: VersionDiff,
  before: ProtocolDocument,
  after: ProtocolDocument,
  options: ChangeRenderOptions,
): string {
  const opts = { ...options, against: diff.against };
  const newSections = sectionsByKey(after);
  const oldSections = sectionsByKey(before);
  let current = '';
  const out: string[] = [];
  for (const { entry: e, oldPlace } of redlineItems(diff, before)) {
    if (oldPlace) {
      out.push(oldPlaceHtml(e));
      continue;
    }
    const heading = e.after ? newSections.get(e.after.key) : (oldSections.get(e.before!.key) ?? current);
    if (heading && heading !== current && e.after) {
      out.push(`<h2 class="section-heading keep-with-next">${escapeHtml(heading)}</h2>`);
      current = heading;
    }
    const a = (e.after ?? e.before)!;
    if (e.kind === 'unchanged') {
      const h3 = `<h3 class="article-heading"><span class="num">${escapeHtml(articleNumber(a))}</span> ${escapeHtml(a.title)}</h3>`;
      out.push(`<section class="article" id="${changeAnchor(e)}">${h3}<div class="body">${renderBody(a.text)}</div></section>`);
      continue;
    }
    const wasWhere = opts.against === 'model' ? `${escapeHtml(opts.beforeName)}:` : t('redline.was');
    const isMove = e.kind === 'moved' || e.kind === 'moved-changed';
    const movedFrom = isMove ? `, <a class="page-ref" href="#${oldPlaceAnchor(e)}">${t('redline.page')}</a>` : '';
    const place =
      e.before && e.after && (citeNumber(e.before) !== articleNumber(e.after) || movedFrom)
        ? ` <span class="was">(${wasWhere} ${t('change.art')} ${escapeHtml(citeNumber(e.before))}${movedFrom})</span>`
        : '';
    const num = e.after ? escapeHtml(articleNumber(e.after)) : `<del>${escapeHtml(citeNumber(e.before!))}</del>`;
    out.push(`<section class="article change change--${e.kind}" id="${changeAnchor(e)}">
<p class="margin-label keep-with-next"><span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span></p>
<h3 class="article-heading"><span class="num">${num}</span> ${escapeHtml(a.title)}${place}</h3>
${variablesHtml(e, opts)}
${changeBodyHtml(e, opts)}
${reasonHtml(e)}
</section>`);
  }
  return out.join('\n');
}
