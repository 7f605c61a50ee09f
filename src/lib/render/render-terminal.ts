import type { WordPart } from '../diff/diff-documents.ts';
import { VERSION_CHANGE_KINDS, type VersionDiff, type VersionEntry } from '../versions/diff-versions.ts';
import { t } from '../../i18n/t.ts';
import {
  changeCount,
  changeLabel,
  changePlace,
  changeTitle,
  countsList,
  formatValue,
  type ComparisonNames,
} from './change-text.ts';

/** Options for {@link renderVersionDiffText}. */
export interface TerminalOptions extends Omit<ComparisonNames, 'against'> {
  /** ANSI colours and marks (for a terminal); false gives plain text with `[-…-]` and `{+…+}`. Default false. */
  color?: boolean;
  /** Labels of variables by name, for `variable` changes. */
  variableLabel?: (clause: string | undefined, name: string) => string | undefined;
}

const ANSI = { del: '\x1b[31;9m', ins: '\x1b[32;4m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

/**
 * A word diff as one line of text: plain `[-deleted-]` and `{+inserted+}` (the wdiff convention, readable in a
 * script or a printed log), or with colour on a terminal: deletions red and struck through, insertions green and
 * underlined (the brackets stay, so colour is never the only mark). The one word-diff text formatter: the model
 * checks' messages use it too.
 *
 * @param color ANSI colours (default false).
 */
export function renderWordsText(words: readonly WordPart[], color = false): string {
  return words
    .map((w) => {
      if (w.op === 'same') return w.text;
      const text = w.text.replace(/\s+$/, '');
      const trail = w.text.slice(text.length);
      const [open, close] = w.op === 'del' ? ['[-', '-]'] : ['{+', '+}'];
      const marked = `${open}${text}${close}`;
      return color ? `${w.op === 'del' ? ANSI.del : ANSI.ins}${marked}${ANSI.reset}${trail}` : `${marked}${trail}`;
    })
    .join('');
}

/** The body of one change as lines (without indent): the same parts and captions as the page's. */
function bodyLines(e: VersionEntry, opts: TerminalOptions & ComparisonNames): string[] {
  const words = (parts: WordPart[]) => renderWordsText(parts, opts.color).split(/\n+/);
  if (e.reworded) {
    return [
      t('change.textIn', { name: opts.beforeName }),
      ...words([{ op: 'del', text: e.before!.text }]),
      t('change.textIn', { name: opts.afterName }),
      ...words([{ op: 'ins', text: e.after!.text }]),
    ];
  }
  if (e.kind === 'name' && e.names) {
    return [t('change.nameNote', { before: e.names.before, after: e.names.after }), ...e.after!.text.split(/\n+/)];
  }
  if (e.words) return words(e.words);
  const kind = changeLabel(e.kind, opts);
  if (e.kind === 'added') {
    return [t('change.textWithKind', { name: opts.afterName, kind }), ...words([{ op: 'ins', text: e.after!.text }])];
  }
  if (e.kind === 'removed') {
    return [t('change.textWithKind', { name: opts.beforeName, kind }), ...words([{ op: 'del', text: e.before!.text }])];
  }
  return (e.after ?? e.before)!.text.split(/\n+/);
}

/**
 * The whole comparison as text for a terminal or a script: a header, the total and the counts per kind (as on the
 * page), then each numbered change with its kind, where it stands, changed values, the body and the reason. Ends
 * with a newline.
 */
export function renderVersionDiffText(diff: VersionDiff, options: TerminalOptions): string {
  const opts = { ...options, against: diff.against };
  const c = opts.color ? ANSI : { del: '', ins: '', bold: '', dim: '', reset: '' };
  const total = `${changeCount(diff.changes.length, diff.against)} ${t('change.total', { before: opts.beforeName, after: opts.afterName })}`;
  const lines: string[] = [`${c.bold}${total}${c.reset}`];
  if (!diff.changes.length) return `${lines.join('\n')}\n`;
  lines.push(countsList(diff.counts, diff.unchanged, VERSION_CHANGE_KINDS, diff.against).join(', '));
  for (const e of diff.changes) {
    lines.push('', `${c.bold}${e.number}  ${changeLabel(e.kind, opts)}: ${changeTitle(e)}${c.reset}`);
    lines.push(`    ${c.dim}${changePlace(e, opts)}${c.reset}`);
    for (const v of e.variables ?? []) {
      const label = opts.variableLabel?.(e.after?.clause, v.name) ?? v.name;
      const from = renderWordsText([{ op: 'del', text: formatValue(v.before) }], opts.color);
      lines.push(`    ${label}: ${from} → ${renderWordsText([{ op: 'ins', text: formatValue(v.after) }], opts.color)}`);
    }
    for (const line of bodyLines(e, opts)) lines.push(`    ${line}`);
    if (e.reason) lines.push(`    ${t('change.reason')} ${e.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
