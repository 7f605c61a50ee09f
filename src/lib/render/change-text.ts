import type { DocArticle } from '../compose/document.ts';
import type { VariableValue } from '../schema/clause.ts';
import type { Against, VersionChangeKind, VersionEntry } from '../versions/diff-versions.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { articleNumber } from './render-html.ts';

/**
 * The words every rendering of a comparison shares (the page, the redline PDF, the wizard's review and
 * `npm run diff`), so the same change reads the same on screen, on paper and in a terminal. The Dutch text itself
 * lives in `src/i18n/nl.json` (`change.*`).
 */

/** How the two documents of a comparison are named, and what the old one is. */
export interface ComparisonNames {
  /** How the old document is named: `versie 1.0`, `SCOPE`. */
  beforeName: string;
  /** How the new document is named: `concept 2.0`, `Basisschool De Linde`. */
  afterName: string;
  /** What the old document is (default `version`); a model's article the school lacks is `weggelaten`. */
  against?: Against;
}

/**
 * The Dutch name of a change's kind (`gewijzigd`, `andere keuze gemaakt`, …): against a model a missing article is
 * `weggelaten` and the school's name `ingevuld`, against an earlier version `geschrapt` and `andere naam`.
 */
export function changeLabel(kind: VersionChangeKind | 'unchanged', opts: Pick<ComparisonNames, 'against'>): string {
  const suffix = opts.against === 'model' && WORDED_FOR_MODEL.has(kind) ? '.model' : '';
  return t(`change.kind.${kind}${suffix}` as MessageKey);
}

/** Kinds with their own word against a model (`change.kind.<kind>.model` in nl.json). */
const WORDED_FOR_MODEL: ReadonlySet<string> = new Set(['removed', 'name']);

/** `1 wijziging`, `20 verschillen`: a count with the word for a change (verschil against a model). */
export function changeCount(n: number, against: Against = 'version'): string {
  const key = `change.${n === 1 ? 'one' : 'many'}${against === 'model' ? '.model' : ''}` as MessageKey;
  return `${n} ${t(key)}`;
}

/** How an article is numbered in a comparison: a model's citation (`A1`, `Leerlingen 3`) or the protocol's number. */
export function citeNumber(a: DocArticle): string {
  return a.citation ?? articleNumber(a);
}

/** The title a change is listed under: the new article's, or the old one's for a removal. */
export function changeTitle(e: VersionEntry): string {
  return (e.after ?? e.before)!.title;
}

/** Where the change sits in each document, in words: `versie 1.0 art. 3.9 → concept 2.0 art. 7.2`. */
export function changePlace(e: VersionEntry, opts: Pick<ComparisonNames, 'beforeName' | 'afterName'>): string {
  const art = t('change.art');
  if (e.before && e.after) return `${opts.beforeName} ${art} ${citeNumber(e.before)} → ${opts.afterName} ${art} ${citeNumber(e.after)}`;
  if (e.before) return t('change.onlyIn', { name: opts.beforeName, number: citeNumber(e.before) });
  return t('change.onlyIn', { name: opts.afterName, number: citeNumber(e.after!) });
}

/** A variable value as a reader writes it: lists joined with commas, no value as `(standaard)`, '' as `(leeg)`. */
export function formatValue(v: VariableValue | undefined): string {
  if (v === undefined) return t('change.value.default');
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object' && v !== null) return Object.values(v).join(', ');
  return v === '' ? t('change.value.empty') : String(v);
}

/**
 * The counts line of a comparison: each kind that occurs with its count (`3 gewijzigd, 8 naam van de school
 * ingevuld`), in the order of `kinds`, then the unchanged articles (`8 ongewijzigd`).
 */
export function countsList(
  counts: Readonly<Record<VersionChangeKind, number>>,
  unchanged: number,
  kinds: readonly VersionChangeKind[],
  against: Against,
): string[] {
  const out = kinds.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${changeLabel(k, { against })}`);
  return [...out, t('change.unchanged', { n: unchanged })];
}
