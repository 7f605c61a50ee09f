import type { ReviewContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

/** A placeholder left in a text: `{{…}}`, `[naam]`, `XXX`, `…` standing alone. */
const PLACEHOLDER = /\{\{[^}]*\}\}|\[(?:naam|invullen|datum|e-?mail|school)[^\]]*\]|\bXXX+\b/i;

/**
 * `unfilled` (error): a value the library marks `required` is missing or empty, or the composed text still holds
 * a placeholder (`{{…}}`, `[naam]`, `XXX`). Source: the clause's own variables.
 */
export function unfilled(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  for (const a of ctx.articles) {
    for (const [name, variable] of Object.entries(a.clause?.variables ?? {})) {
      if (!variable.required || a.article.origin === 'override') continue;
      const value = a.article.values?.[name];
      const empty =
        value === undefined ||
        (typeof value === 'string' && !value.trim()) ||
        (Array.isArray(value) && value.every((v) => !v.trim()));
      if (!empty) continue;
      out.push({
        rule: 'unfilled',
        severity: 'error',
        article: a.article.key,
        field: `${a.field}.values.${name}`,
        message: `${cap(a.label)}: “${variable.label}” is nog niet ingevuld. Vul het in.`,
        source: SOURCES.library,
      });
    }
    const left = PLACEHOLDER.exec(a.article.text);
    if (left) {
      out.push({
        rule: 'unfilled',
        severity: 'error',
        article: a.article.key,
        field: a.article.origin === 'override' ? `overrides.${a.article.key}` : a.field,
        message: `${cap(a.label)} bevat nog “${left[0]}”. Vervang dat door de echte tekst.`,
        source: SOURCES.library,
      });
    }
  }
  return out;
}
