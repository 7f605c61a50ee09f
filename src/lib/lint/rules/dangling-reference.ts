import type { ReviewContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

/**
 * `dangling-reference` (warning): an article's clause leans on another clause (`requires`, e.g. "zoals hierboven")
 * that is not in the protocol. The fix: add that clause, or choose a clause that stands alone.
 * Source: the clause's own `requires` (content review, "Clauses that lean on a neighbour").
 */
export function danglingReference(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  for (const a of ctx.articles) {
    if (a.article.origin === 'override') continue; // the school's own text says what it needs itself
    const requires = a.clause?.requires ?? [];
    for (const id of requires) {
      if (ctx.clauseIds.has(id)) continue;
      const needed = ctx.library.clauses.get(id);
      out.push({
        rule: 'dangling-reference',
        severity: 'warning',
        article: a.article.key,
        field: a.field,
        suggest: id,
        message:
          `${cap(a.label)} leunt op “${needed?.title ?? id}” (${id}), maar die staat niet in het protocol. ` +
          'Zet die bepaling erbij, of kies een bepaling die op zichzelf staat.',
        source: SOURCES.contentReview,
      });
    }
  }
  return out;
}
