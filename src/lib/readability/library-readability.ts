import type { Library } from '../compose/document.ts';
import { fillTemplate, schoolValues } from '../compose/fill-template.ts';
import { fleschDouma, spread, type Readability } from './flesch-douma.ts';

/** Readability of one library clause: its summary for families and its article text with default values. */
export interface ClauseReadability {
  summary?: Readability;
  article?: Readability;
}

/**
 * Scores every clause of the library with Flesch-Douma: the summary, and the article as the clause page shows it
 * (defaults filled in, "de school" for the school's name).
 *
 * @returns scores by clause id, and the spread (lowest, median, highest, how many reach 60) of each kind.
 */
export function libraryReadability(library: Library): {
  byClause: Map<string, ClauseReadability>;
  summaries: ReturnType<typeof spread>;
  articles: ReturnType<typeof spread>;
} {
  const byClause = new Map<string, ClauseReadability>();
  for (const c of library.clauses.values()) {
    const text = fillTemplate(c.body, c.variables, {}, schoolValues({ name: 'de school', nameInText: 'de school' }));
    byClause.set(c.id, { summary: c.summary ? fleschDouma(c.summary) : undefined, article: fleschDouma(text) });
  }
  const scores = (kind: keyof ClauseReadability) =>
    [...byClause.values()].flatMap((r) => (r[kind] ? [r[kind]!.score] : []));
  return { byClause, summaries: spread(scores('summary')), articles: spread(scores('article')) };
}
