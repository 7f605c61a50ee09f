import { anchorForKey, type DocArticle, type ProtocolDocument } from '../compose/document.ts';
import type { WordPart } from '../diff/diff-documents.ts';
import {
  modelCounterpart,
  modelDirection,
  VERSION_CHANGE_KINDS,
  type VersionDiff,
  type VersionEntry,
} from '../versions/diff-versions.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import {
  changeCount,
  changeLabel,
  changePlace,
  changeTitle,
  citeNumber,
  countsList,
  formatValue,
  type ComparisonNames,
} from './change-text.ts';
import { escapeHtml, renderBody } from './render-html.ts';

/**
 * The one HTML rendering of a comparison ({@link diffVersions}): the summary and the numbered changes, for the
 * model-diff page, the version page, the wizard's review and (with render-redline.ts) both redline PDFs.
 */

/** Options for the change renderers: the two names, what the old document is, and extras. */
export interface ChangeRenderOptions extends ComparisonNames {
  /** The reference model for the three-way view, with its name (`SCOPE (2012)`); leave out for no third column. */
  model?: { doc: ProtocolDocument; name: string };
  /** Library clauses, for the questions of changed variables. */
  clauses?: ReadonlyMap<string, { variables: Record<string, { label: string }> }>;
  /** Heading level of each change (default 3; the wizard, one level deeper, uses 4). */
  level?: 3 | 4 | 5;
}

/**
 * Renders a word diff as HTML: deletions in `<del>`, insertions in `<ins>`, each with hidden text
 * (`[verwijderd: …]`, `[toegevoegd: …]`) for screen readers and plain-text copies.
 */
export function renderWordsHtml(words: readonly WordPart[]): string {
  return words
    .map((w) => {
      const text = escapeHtml(w.text);
      if (w.op === 'ins') return `<ins><span class="sr-only">[toegevoegd: </span>${text}<span class="sr-only">]</span></ins>`;
      if (w.op === 'del') return `<del><span class="sr-only">[verwijderd: </span>${text}<span class="sr-only">]</span></del>`;
      return text;
    })
    .join('');
}

/** The fragment id of a numbered change: `w3`, `v3`. */
export function changeAnchor(entry: VersionEntry): string {
  return entry.number ? entry.number.toLowerCase() : `a-${anchorForKey(entry.key)}`;
}

/** The reason (toelichting) of a change as a paragraph, or ''. */
export function reasonHtml(e: VersionEntry): string {
  return e.reason ? `<p class="reason"><strong>${t('change.reason')}</strong> ${escapeHtml(e.reason)}</p>` : '';
}

/**
 * The summary of a comparison: the total, a count per kind (only kinds that occur, then the unchanged articles),
 * and the numbered list of changes, each linking to its place (`#w1`).
 *
 * @param linkPrefix put before each `#w1` (the redline's page 1 links within the same document: default '').
 */
export function renderChangeSummaryHtml(diff: VersionDiff, options: ChangeRenderOptions, linkPrefix = ''): string {
  const opts = { ...options, against: diff.against };
  const counts = countsList(diff.counts, diff.unchanged, VERSION_CHANGE_KINDS, diff.against)
    .map((line) => {
      const [n, ...words] = line.split(' ');
      return `<li><span class="count">${n}</span> ${escapeHtml(words.join(' '))}</li>`;
    })
    .join('');
  const list = diff.changes
    .map((e) => {
      const link = `<a href="${linkPrefix}#${changeAnchor(e)}"><span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span> ${escapeHtml(changeTitle(e))}</a>`;
      return `<li>${link} <span class="change-where">(${escapeHtml(changePlace(e, opts))})</span></li>`;
    })
    .join('\n');
  const total = `${changeCount(diff.changes.length, diff.against)}</strong> ${escapeHtml(
    t('change.total', { before: opts.beforeName, after: opts.afterName }),
  )}`;
  return `<p class="total"><strong>${total}.</p>
<ul class="counts">${counts}</ul>
<ol class="change-list">
${list}
</ol>`;
}

/** The variables that changed, as a small table: question, old value, new value. */
export function variablesHtml(e: VersionEntry, opts: ChangeRenderOptions): string {
  if (!e.variables?.length) return '';
  const clause = e.after?.clause ? opts.clauses?.get(e.after.clause) : undefined;
  const rows = e.variables
    .map((v) => {
      const label = escapeHtml(clause?.variables[v.name]?.label ?? v.name);
      const before = `<del>${escapeHtml(formatValue(v.before))}</del>`;
      return `<tr><th scope="row">${label}</th><td>${before}</td><td><ins>${escapeHtml(formatValue(v.after))}</ins></td></tr>`;
    })
    .join('');
  const head = [t('change.question'), opts.beforeName, opts.afterName]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  return `<table class="variables"><caption>${t('change.values')}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A caption over a whole block of text: `Tekst in SCOPE, weggelaten:`. */
function caption(key: MessageKey, vars: Record<string, string>): string {
  return `<p class="block-caption">${escapeHtml(t(key, vars))}</p>`;
}

/**
 * The body of a change. Word-level insertions and deletions; a whole added or removed article under a caption that
 * names its document and its kind, so a long deleted paragraph is read as plain text with a thin strike, not as a
 * red block (the caption says it, not the colour); for another variant worded quite differently (`reworded`) the
 * old text whole, then the new text whole, each under its caption; for a `name` change a note that only the name
 * differs, then the text.
 */
export function changeBodyHtml(e: VersionEntry, opts: ChangeRenderOptions): string {
  if (e.reworded) {
    return `<div class="body reworded">
${caption('change.textIn', { name: opts.beforeName })}
<del class="block">${renderBody(e.before!.text)}</del>
${caption('change.textIn', { name: opts.afterName })}
<ins class="block">${renderBody(e.after!.text)}</ins>
</div>`;
  }
  if (e.kind === 'name' && e.names) {
    const note = t('change.nameNote', { before: e.names.before, after: e.names.after });
    return `<div class="body name"><p class="name-note">${escapeHtml(note)}</p>\n${renderBody(e.after!.text)}</div>`;
  }
  if (e.words) return `<div class="body words">${renderWordsHtml(e.words)}</div>`;
  const kind = changeLabel(e.kind, opts);
  if (e.kind === 'added') {
    return `<div class="body whole">${caption('change.textWithKind', { name: opts.afterName, kind })}
<ins class="block">${renderBody(e.after!.text)}</ins></div>`;
  }
  if (e.kind === 'removed') {
    return `<div class="body whole">${caption('change.textWithKind', { name: opts.beforeName, kind })}
<del class="block">${renderBody(e.before!.text)}</del></div>`;
  }
  return `<div class="body">${renderBody((e.after ?? e.before)!.text)}</div>`;
}

/** How an article is cited in the three-way view: its number or citation, then its title. */
function cite(a: DocArticle): string {
  return `${escapeHtml(citeNumber(a))} ${escapeHtml(a.title)}`;
}

/** Three columns: the old version, the new version, and the model's article on the same topic. */
function threeWayHtml(e: VersionEntry, opts: ChangeRenderOptions): string {
  if (!opts.model) return '';
  const m = modelCounterpart(e, opts.model.doc);
  const col = (name: string, a: DocArticle | undefined, missing: MessageKey) => {
    const inner = a
      ? `<p class="col-title">${cite(a)}</p><div class="body">${renderBody(a.text)}</div>`
      : `<p class="missing">${t(missing)}</p>`;
    return `<div class="col"><h4>${escapeHtml(name)}</h4>${inner}</div>`;
  };
  const direction = modelDirection(e, m);
  const title = t('change.threeWay', { before: opts.beforeName, after: opts.afterName, model: opts.model.name });
  return `<details class="three-way">
<summary>${escapeHtml(title)}</summary>
<div class="cols">${col(opts.beforeName, e.before, 'change.threeWay.notBefore')}${col(
    opts.afterName,
    e.after,
    'change.threeWay.notAfter',
  )}${col(opts.model.name, m, 'change.threeWay.notModel')}</div>
<p class="direction direction--${direction}">${t(`change.direction.${direction}`)}</p>
</details>`;
}

/**
 * One numbered change: number and kind as words, the article, where it stands in each document, the reason
 * (toelichting) where given, changed values, the body ({@link changeBodyHtml}) and, with `opts.model`, the
 * three-way view.
 */
export function renderChangeHtml(e: VersionEntry, opts: ChangeRenderOptions): string {
  const h = `h${opts.level ?? 3}`;
  const id = changeAnchor(e);
  const heading = `<span class="change-number">${e.number}</span> <span class="change-kind">${changeLabel(e.kind, opts)}</span> <span class="title">${escapeHtml(changeTitle(e))}</span>`;
  return `<article class="change change--${e.kind}" id="${id}" aria-labelledby="${id}-h">
<${h} class="change-heading" id="${id}-h">${heading}</${h}>
<p class="change-where">${escapeHtml(changePlace(e, opts))}</p>
${reasonHtml(e)}
${variablesHtml(e, opts)}
${changeBodyHtml(e, opts)}
${threeWayHtml(e, opts)}
</article>`;
}

/** Every numbered change in order ({@link renderChangeHtml}); `Geen verschillen.` when there is none. */
export function renderChangesHtml(diff: VersionDiff, options: ChangeRenderOptions): string {
  const opts = { ...options, against: diff.against };
  if (!diff.changes.length) return `<p class="no-changes">${t(diff.against === 'model' ? 'change.none.model' : 'change.none')}</p>`;
  return diff.changes.map((e) => renderChangeHtml(e, opts)).join('\n');
}
