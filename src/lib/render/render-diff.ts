import type { ChoicePoint } from '../schema/clause.ts';
import type { ArticleChange, ChangeKind, DocumentDiff, WordPart } from '../diff/diff-documents.ts';
import type { DocArticle } from '../compose/document.ts';
import { articleNumber, escapeHtml, renderBody } from './render-html.ts';

/** How an article is cited in a diff: its citation (models) or its number. */
function cite(a: DocArticle): string {
  return escapeHtml(a.citation ?? articleNumber(a));
}

/** Dutch name of each kind of change, as printed beside it (never colour alone). */
export const CHANGE_LABELS: Record<ChangeKind, string> = {
  unchanged: 'ongewijzigd',
  changed: 'gewijzigd',
  added: 'toegevoegd',
  removed: 'weggelaten',
  moved: 'verplaatst',
  'moved-changed': 'verplaatst en gewijzigd',
};

/** Order of kinds in summaries. */
export const CHANGE_KINDS: ChangeKind[] = ['changed', 'added', 'removed', 'moved', 'moved-changed', 'unchanged'];

/**
 * Renders a word diff as HTML: deletions in `<del>`, insertions in `<ins>`, each with hidden text
 * (`[verwijderd: …]`, `[toegevoegd: …]`) for screen readers and plain-text copies.
 */
export function renderWordsHtml(words: readonly WordPart[]): string {
  return words
    .map((w) => {
      const t = escapeHtml(w.text);
      if (w.op === 'ins') return `<ins><span class="sr-only">[toegevoegd: </span>${t}<span class="sr-only">]</span></ins>`;
      if (w.op === 'del') return `<del><span class="sr-only">[verwijderd: </span>${t}<span class="sr-only">]</span></del>`;
      return t;
    })
    .join('');
}

/** Options for {@link renderDiffHtml}. */
export interface DiffRenderOptions {
  /** What the old document is called in labels: `het model`, `versie 1.0`. */
  beforeName: string;
  /** What the new document is called: `het protocol`, `de nieuwe versie`. */
  afterName: string;
  choicePoints?: ReadonlyMap<string, ChoicePoint>;
  /** Library clauses, to name a chosen variant by its clause's title instead of its slug. */
  clauses?: ReadonlyMap<string, { title: string }>;
  /** Show unchanged articles in full (default: only their number and title). */
  showUnchanged?: boolean;
}

function changeBlock(c: ArticleChange, opts: DiffRenderOptions): string {
  const label = CHANGE_LABELS[c.kind];
  const a = c.after ?? c.before!;
  const where =
    c.before && c.after
      ? c.kind === 'moved' || c.kind === 'moved-changed'
        ? `${escapeHtml(opts.beforeName)} ${cite(c.before)} → ${escapeHtml(opts.afterName)} ${cite(c.after)}`
        : `${escapeHtml(opts.beforeName)} ${cite(c.before)}, ${escapeHtml(opts.afterName)} ${cite(c.after)}`
      : c.before
        ? `alleen in ${escapeHtml(opts.beforeName)} (${cite(c.before)})`
        : `alleen in ${escapeHtml(opts.afterName)} (${cite(c.after!)})`;
  let body = '';
  if (c.words) body = `<div class="body words">${renderWordsHtml(c.words)}</div>`;
  else if (c.kind === 'added') body = `<div class="body"><ins class="block">${renderBody(c.after!.text)}</ins></div>`;
  else if (c.kind === 'removed') body = `<div class="body"><del class="block">${renderBody(c.before!.text)}</del></div>`;
  else if (c.kind !== 'unchanged' || opts.showUnchanged) body = `<div class="body">${renderBody(a.text)}</div>`;
  return `<article class="change change--${c.kind}" id="w-${escapeHtml(a.anchor)}">
<h3 class="change-heading"><span class="change-kind">${label}</span> <span class="title">${escapeHtml(a.title)}</span></h3>
<p class="change-where">${where}</p>
${body}
</article>`;
}

/**
 * Renders a document diff: a count of each kind, the choice points settled differently, then every
 * article with its kind printed as a word, word-level changes marked with `<ins>`/`<del>`.
 */
export function renderDiffHtml(diff: DocumentDiff, opts: DiffRenderOptions): string {
  const counts = CHANGE_KINDS.map((k) => `<li><span class="count">${diff.counts[k]}</span> ${CHANGE_LABELS[k]}</li>`).join('');
  const choices = diff.choices.length
    ? `<ul class="choices">${diff.choices
        .map((c) => {
          const cp = opts.choicePoints?.get(c.choicePoint);
          const name = (clause?: string, variant?: string) =>
            clause ? `“${escapeHtml(opts.clauses?.get(clause)?.title ?? variant ?? clause)}”` : 'hier niets';
          return `<li><strong>${escapeHtml(cp?.title ?? c.choicePoint)}</strong>: ${escapeHtml(opts.beforeName)} kiest ${name(
            c.beforeClause,
            c.before,
          )}, ${escapeHtml(opts.afterName)} kiest ${name(c.afterClause, c.after)}.</li>`;
        })
        .join('')}</ul>`
    : '<p>Bij elk keuzepunt is dezelfde keuze gemaakt.</p>';
  return `<section class="diff-summary" aria-labelledby="diff-summary-title">
<h2 id="diff-summary-title">Samenvatting</h2>
<ul class="counts">${counts}</ul>
<h3>Andere keuzes</h3>
${choices}
</section>
<section class="diff-changes" aria-labelledby="diff-changes-title">
<h2 id="diff-changes-title">Artikel voor artikel</h2>
${diff.changes.map((c) => changeBlock(c, opts)).join('\n')}
</section>`;
}
