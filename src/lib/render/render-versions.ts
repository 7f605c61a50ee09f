import { anchorForKey, type DocArticle, type ProtocolDocument } from '../compose/document.ts';
import type { VariableValue } from '../schema/clause.ts';
import {
  modelCounterpart,
  modelDirection,
  VERSION_CHANGE_KINDS,
  MODEL_CHANGE_LABELS,
  VERSION_CHANGE_LABELS,
  type VersionChangeKind,
  type VersionDiff,
  type VersionEntry,
} from '../versions/diff-versions.ts';
import { renderWordsHtml } from './render-diff.ts';
import { articleNumber, escapeHtml, renderBody, sectionHeading } from './render-html.ts';

/** Options for the version-diff renderers. */
export interface VersionRenderOptions {
  /** How the old version is named: `versie 1.0`. */
  beforeName: string;
  /** How the new version is named: `concept 2.0`. */
  afterName: string;
  /** The reference model for the three-way view, with its name (`SCOPE (2012)`); leave out for no third column. */
  model?: { doc: ProtocolDocument; name: string };
  /** Library clauses, for variable labels. */
  clauses?: ReadonlyMap<string, { variables: Record<string, { label: string }> }>;
  /**
   * What the old document is: an earlier `version` of the protocol (default) or a reference `model`. A model's
   * article that the protocol lacks is `weggelaten`, not `geschrapt`.
   */
  against?: 'version' | 'model';
}

/** The Dutch name of a change's kind, for the document the protocol is compared with. */
export function changeLabel(kind: VersionChangeKind | 'unchanged', opts: Pick<VersionRenderOptions, 'against'>): string {
  return (opts.against === 'model' ? MODEL_CHANGE_LABELS : VERSION_CHANGE_LABELS)[kind];
}

/** How an article is numbered in a diff: a model's citation (`A1`, `Leerlingen 3`) or the protocol's number. */
function numberOf(a: DocArticle): string {
  return a.citation ?? articleNumber(a);
}

/** The fragment id of a numbered change: `w3`. */
export function changeAnchor(entry: VersionEntry): string {
  return entry.number ? entry.number.toLowerCase() : `a-${anchorForKey(entry.key)}`;
}

/** How an article is cited: its citation (models) or number, then its title. */
function cite(a: DocArticle): string {
  return `${escapeHtml(a.citation ?? articleNumber(a))} ${escapeHtml(a.title)}`;
}

/** A variable value as a reader writes it: lists joined with commas, no value as `(standaard)`. */
export function formatValue(v: VariableValue | undefined): string {
  if (v === undefined) return '(standaard)';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object' && v !== null) return Object.values(v).join(', ');
  return v === '' ? '(leeg)' : String(v);
}

/** Where the change sits in each version, in words: `versie 1.0 art. 3.9 → concept 2.0 art. 7.2`. */
export function changePlace(e: VersionEntry, opts: Pick<VersionRenderOptions, 'beforeName' | 'afterName'>): string {
  const num = numberOf;
  if (e.before && e.after) return `${opts.beforeName} art. ${num(e.before)} → ${opts.afterName} art. ${num(e.after)}`;
  if (e.before) return `alleen in ${opts.beforeName} (art. ${num(e.before)})`;
  return `alleen in ${opts.afterName} (art. ${num(e.after!)})`;
}

/** The title a change is listed under: the new article's, or the old one's for a removal. */
function changeTitle(e: VersionEntry): string {
  return (e.after ?? e.before)!.title;
}

/**
 * The summary of a version diff: a count per kind (only kinds that occur, plus the total) and the numbered list of
 * changes, each linking to its place on the page (`#w1`).
 */
export function renderVersionSummaryHtml(diff: VersionDiff, opts: VersionRenderOptions, linkPrefix = ''): string {
  const counts = VERSION_CHANGE_KINDS.filter((k) => diff.counts[k] > 0)
    .map((k) => `<li><span class="count">${diff.counts[k]}</span> ${changeLabel(k, opts)}</li>`)
    .join('');
  const list = diff.changes
    .map(
      (e) =>
        `<li><a href="${linkPrefix}#${changeAnchor(e)}"><span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span> ${escapeHtml(changeTitle(e))}</a> <span class="change-where">(${escapeHtml(changePlace(e, opts))})</span></li>`,
    )
    .join('\n');
  return `<p class="total"><strong>${diff.changes.length} ${diff.changes.length === 1 ? 'wijziging' : 'wijzigingen'}</strong> van ${escapeHtml(opts.beforeName)} naar ${escapeHtml(opts.afterName)}.</p>
<ul class="counts">${counts}</ul>
<ol class="change-list">
${list}
</ol>`;
}

/** The variables that changed, as a small table: question, old value, new value. */
function variablesHtml(e: VersionEntry, opts: VersionRenderOptions): string {
  if (!e.variables?.length) return '';
  const clause = e.after?.clause ? opts.clauses?.get(e.after.clause) : undefined;
  const rows = e.variables
    .map(
      (v) =>
        `<tr><th scope="row">${escapeHtml(clause?.variables[v.name]?.label ?? v.name)}</th><td><del>${escapeHtml(formatValue(v.before))}</del></td><td><ins>${escapeHtml(formatValue(v.after))}</ins></td></tr>`,
    )
    .join('');
  return `<table class="variables"><caption>Ingevulde waarden</caption><thead><tr><th scope="col">Vraag</th><th scope="col">${escapeHtml(opts.beforeName)}</th><th scope="col">${escapeHtml(opts.afterName)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The body of a change with insertions and deletions marked; a whole added or removed article underlined or struck;
 * for another variant worded quite differently (`reworded`), the old text whole and struck through, then the new
 * text whole and underlined, each under a caption that names its document (so it reads without colour or marks).
 */
function changeBodyHtml(e: VersionEntry, opts: Pick<VersionRenderOptions, 'beforeName' | 'afterName'>): string {
  if (e.reworded) {
    return `<div class="body reworded">
<p class="block-caption">Tekst in ${escapeHtml(opts.beforeName)}:</p>
<del class="block">${renderBody(e.before!.text)}</del>
<p class="block-caption">Tekst in ${escapeHtml(opts.afterName)}:</p>
<ins class="block">${renderBody(e.after!.text)}</ins>
</div>`;
  }
  if (e.words) return `<div class="body words">${renderWordsHtml(e.words)}</div>`;
  if (e.kind === 'added') return `<div class="body"><ins class="block">${renderBody(e.after!.text)}</ins></div>`;
  if (e.kind === 'removed') return `<div class="body"><del class="block">${renderBody(e.before!.text)}</del></div>`;
  return `<div class="body">${renderBody((e.after ?? e.before)!.text)}</div>`;
}

const DIRECTION: Record<string, string> = {
  toward: 'Deze wijziging brengt de tekst dichter bij het model.',
  away: 'Deze wijziging brengt de tekst verder van het model af.',
  same: 'Deze wijziging brengt de tekst niet dichter bij het model en ook niet verder ervan af.',
};

/** Three columns: the old version, the new version, and the model's article on the same topic. */
function threeWayHtml(e: VersionEntry, opts: VersionRenderOptions): string {
  if (!opts.model) return '';
  const m = modelCounterpart(e, opts.model.doc);
  const col = (name: string, a: DocArticle | undefined, missing: string) =>
    `<div class="col"><h4>${escapeHtml(name)}</h4>${a ? `<p class="col-title">${cite(a)}</p><div class="body">${renderBody(a.text)}</div>` : `<p class="missing">${missing}</p>`}</div>`;
  return `<details class="three-way">
<summary>Naast elkaar: ${escapeHtml(opts.beforeName)}, ${escapeHtml(opts.afterName)} en het model (${escapeHtml(opts.model.name)})</summary>
<div class="cols">${col(opts.beforeName, e.before, 'Stond er niet in.')}${col(opts.afterName, e.after, 'Staat er niet meer in.')}${col(
    opts.model.name,
    m,
    'Het model regelt dit niet.',
  )}</div>
<p class="direction direction--${modelDirection(e, m)}">${DIRECTION[modelDirection(e, m)]}</p>
</details>`;
}

/**
 * One numbered change: number and kind as words, the article, where it stands in each version, the reason
 * (toelichting) where given, changed values, word-level insertions and deletions, and the three-way view.
 */
export function renderVersionChangeHtml(e: VersionEntry, opts: VersionRenderOptions): string {
  const reason = e.reason ? `<p class="reason"><strong>Toelichting:</strong> ${escapeHtml(e.reason)}</p>` : '';
  return `<article class="change change--${e.kind}" id="${changeAnchor(e)}" aria-labelledby="${changeAnchor(e)}-h">
<h3 class="change-heading" id="${changeAnchor(e)}-h"><span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span> <span class="title">${escapeHtml(changeTitle(e))}</span></h3>
<p class="change-where">${escapeHtml(changePlace(e, opts))}</p>
${reason}
${variablesHtml(e, opts)}
${changeBodyHtml(e, opts)}
${threeWayHtml(e, opts)}
</article>`;
}

/** Every numbered change in order ({@link renderVersionChangeHtml}). */
export function renderVersionChangesHtml(diff: VersionDiff, opts: VersionRenderOptions): string {
  return diff.changes.map((e) => renderVersionChangeHtml(e, opts)).join('\n');
}

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
 * another value, removed) and came after it in the old version; at the end when there is none.
 *
 * @param diff the version diff ({@link diffVersions}).
 * @param before the old document, for the old order of its articles.
 */
export function redlineItems(diff: VersionDiff, before: ProtocolDocument): RedlineItem[] {
  const oldIndex = new Map<string, number>();
  for (const s of before.sections) for (const i of s.items) if ('article' in i) oldIndex.set(i.article.key, oldIndex.size);
  const isMove = (e: VersionEntry) => e.kind === 'moved' || e.kind === 'moved-changed';
  const keepsOrder = (e: VersionEntry) => ['unchanged', 'changed', 'variable', 'removed'].includes(e.kind) && e.before !== undefined;
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

/**
 * The full text of the new version as a redline: every article in order under its section heading; each change
 * carries a margin bar and a label with its number and kind (`W3 gewijzigd`), insertions underlined, deletions
 * struck through, so the marks survive black-and-white printing. Removed articles stand, struck through, where
 * they stood; a moved article is marked where it now stands ("was art. 3.9, p. 3") and where it stood ("W5
 * verplaatst naar art. 7.2", with the page), see {@link redlineItems}. Page numbers come from the print CSS
 * (`.page-ref`, `target-counter`).
 *
 * @param diff the version diff.
 * @param before the old document (for section headings of removed articles and old places of moved ones).
 * @param after the new document.
 */
export function renderRedlineTextHtml(diff: VersionDiff, before: ProtocolDocument, after: ProtocolDocument, opts: VersionRenderOptions): string {
  const newSections = sectionsByKey(after);
  const oldSections = sectionsByKey(before);
  let current = '';
  const out: string[] = [];
  for (const { entry: e, oldPlace } of redlineItems(diff, before)) {
    if (oldPlace) {
      const to = articleNumber(e.after!);
      out.push(`<section class="article change change--moved-from" id="${oldPlaceAnchor(e)}">
<p class="margin-label keep-with-next"><span class="change-number">${e.number}</span> <span class="change-kind">verplaatst naar art. ${escapeHtml(to)}</span></p>
<p class="moved-note"><span class="num"><del>${escapeHtml(numberOf(e.before!))}</del></span> ${escapeHtml(e.before!.title)}: staat nu als art. ${escapeHtml(to)} <a class="page-ref" href="#${changeAnchor(e)}">op pagina</a>.</p>
</section>`);
      continue;
    }
    const heading = e.after ? newSections.get(e.after.key) : (oldSections.get(e.before!.key) ?? current);
    if (heading && heading !== current && e.after) {
      out.push(`<h2 class="section-heading keep-with-next">${escapeHtml(heading)}</h2>`);
      current = heading;
    }
    const a = (e.after ?? e.before)!;
    if (e.kind === 'unchanged') {
      out.push(`<section class="article" id="${changeAnchor(e)}"><h3 class="article-heading"><span class="num">${escapeHtml(articleNumber(a))}</span> ${escapeHtml(a.title)}</h3><div class="body">${renderBody(a.text)}</div></section>`);
      continue;
    }
    const wasWhere = opts.against === 'model' ? `${escapeHtml(opts.beforeName)}:` : 'was';
    const movedFrom = e.kind === 'moved' || e.kind === 'moved-changed' ? `, <a class="page-ref" href="#${oldPlaceAnchor(e)}">pagina</a>` : '';
    const place =
      e.before && e.after && (numberOf(e.before) !== articleNumber(e.after) || movedFrom)
        ? ` <span class="was">(${wasWhere} art. ${escapeHtml(numberOf(e.before))}${movedFrom})</span>`
        : '';
    const num = e.after ? escapeHtml(articleNumber(e.after)) : `<del>${escapeHtml(numberOf(e.before!))}</del>`;
    const reason = e.reason ? `<p class="reason"><strong>Toelichting:</strong> ${escapeHtml(e.reason)}</p>` : '';
    out.push(`<section class="article change change--${e.kind}" id="${changeAnchor(e)}">
<p class="margin-label keep-with-next"><span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span></p>
<h3 class="article-heading"><span class="num">${num}</span> ${escapeHtml(a.title)}${place}</h3>
${variablesHtml(e, opts)}
${changeBodyHtml(e, opts)}
${reason}
</section>`);
  }
  return out.join('\n');
}
