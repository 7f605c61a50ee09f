import type { WordPart } from '../diff/diff-documents.ts';
import { VERSION_CHANGE_KINDS, VERSION_CHANGE_LABELS, type VersionDiff } from '../versions/diff-versions.ts';
import { changePlace, formatValue } from './render-versions.ts';

/** Options for {@link renderVersionDiffText}. */
export interface TerminalOptions {
  beforeName: string;
  afterName: string;
  /** ANSI colours and marks (for a terminal); false gives plain text with `[-…-]` and `{+…+}`. Default false. */
  color?: boolean;
  /** Labels of variables by name, for `variable` changes. */
  variableLabel?: (clause: string | undefined, name: string) => string | undefined;
}

const ANSI = { del: '\x1b[31;9m', ins: '\x1b[32;4m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

/**
 * A word diff as one line of text: plain `[-deleted-]` and `{+inserted+}` (the wdiff convention, readable in a
 * script or a printed log), or with colour on a terminal: deletions red and struck through, insertions green and
 * underlined (the brackets stay, so colour is never the only mark).
 */
export function renderWordsText(words: readonly WordPart[], color = false): string {
  return words
    .map((w) => {
      if (w.op === 'same') return w.text;
      const text = w.text.replace(/\s+$/, '');
      const trail = w.text.slice(text.length);
      const [open, close] = w.op === 'del' ? ['[-', '-]'] : ['{+', '+}'];
      return color ? `${w.op === 'del' ? ANSI.del : ANSI.ins}${open}${text}${close}${ANSI.reset}${trail}` : `${open}${text}${close}${trail}`;
    })
    .join('');
}

/**
 * The whole version diff as text for a terminal or a script: a header, the counts per kind, then each numbered
 * change with its kind, where it stands, changed values, the words and the reason. Ends with a newline.
 */
export function renderVersionDiffText(diff: VersionDiff, opts: TerminalOptions): string {
  const c = opts.color ? ANSI : { del: '', ins: '', bold: '', dim: '', reset: '' };
  const lines: string[] = [];
  lines.push(`${c.bold}Wijzigingen van ${opts.beforeName} naar ${opts.afterName}${c.reset}`);
  if (!diff.changes.length) {
    lines.push('Geen wijzigingen.');
    return `${lines.join('\n')}\n`;
  }
  const counts = VERSION_CHANGE_KINDS.filter((k) => diff.counts[k] > 0).map((k) => `${diff.counts[k]} ${VERSION_CHANGE_LABELS[k]}`);
  lines.push(`${diff.changes.length} ${diff.changes.length === 1 ? 'wijziging' : 'wijzigingen'}: ${counts.join(', ')}`);
  for (const e of diff.changes) {
    const a = (e.after ?? e.before)!;
    lines.push('', `${c.bold}${e.number}  ${VERSION_CHANGE_LABELS[e.kind]}: ${a.title}${c.reset}`);
    lines.push(`    ${c.dim}${changePlace(e, opts)}${c.reset}`);
    for (const v of e.variables ?? []) {
      const label = opts.variableLabel?.(e.after?.clause, v.name) ?? v.name;
      lines.push(`    ${label}: ${renderWordsText([{ op: 'del', text: formatValue(v.before) }], opts.color)} → ${renderWordsText([{ op: 'ins', text: formatValue(v.after) }], opts.color)}`);
    }
    const words: WordPart[] = e.reworded
      ? [{ op: 'del', text: e.before!.text }, { op: 'same', text: '\n' }, { op: 'ins', text: e.after!.text }]
      : e.words ?? (e.kind === 'added' ? [{ op: 'ins', text: e.after!.text }] : e.kind === 'removed' ? [{ op: 'del', text: e.before!.text }] : [{ op: 'same', text: a.text }]);
    lines.push(`    ${renderWordsText(words, opts.color).replace(/\n+/g, '\n    ')}`);
    if (e.reason) lines.push(`    Toelichting: ${e.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
