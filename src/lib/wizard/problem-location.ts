import type { Library } from '../compose/document.ts';
import { isSchoolValue } from './decisions.ts';
import { articlePaths, type Draft } from './draft.ts';

/**
 * The wizard's steps, by the index the wizard shows them at (issue 13: the decisions first). `school` is the
 * "Gegevens" step, where the school's details, contacts, the MR and the values every school gives are asked.
 */
export const STEPS = { start: 0, decisions: 1, school: 2, sections: 3, own: 4, review: 5, home: 6 } as const;

/** The id of a variant's radio button in the "Keuzes" step. */
export function decisionId(choicePoint: string, variant: string | undefined): string {
  return `cp-${choicePoint}-${variant ?? ''}`;
}

/** Where in the wizard a problem can be fixed. */
export interface ProblemLocation {
  /** The step (see {@link STEPS}). */
  step: number;
  /** For the "per sectie" step: the index of the draft section to show. */
  section?: number;
  /** Id of an element to focus when no field carries the problem's path (an article's on/off switch, a title). */
  fallbackId?: string;
}

/**
 * Says which step (and section) of the wizard has the field of a problem, so the wizard can go there and put
 * the focus on it. Field paths are those of the exported composition (`sections.2.articles.0.title`), whose
 * section and article numbers skip what is switched off; this maps them back to the draft.
 *
 * @param field the problem's dotted field path; undefined for a problem of the whole file.
 * @param draft the draft the problem was found in.
 * @param library the clause library; when given, a problem of a choice point's article goes to the "Keuzes" step and a
 *   value the "Gegevens" step asks for goes there (see `isSchoolValue`).
 * @returns the location, or undefined when no step has a field for it (`startsFrom` or `sections` missing
 *   altogether: the wizard already says "Kies eerst een startpunt").
 */
export function problemLocation(
  field: string | undefined,
  draft: Draft,
  library?: Library,
): ProblemLocation | undefined {
  if (!field) return undefined;
  const parts = field.split('.');
  const head = parts[0]!;
  if (head === 'school' || head === 'version' || head === 'title' || head === 'adoption') return { step: STEPS.school };
  // Draft sections that are exported, in export order (a section without switched-on articles is left out).
  const exported = draft.sections.flatMap((s, i) => (s.articles.some((a) => a.enabled) ? [i] : []));
  if (head === 'sections' && parts[1] !== undefined) {
    const si = exported[Number(parts[1])];
    if (si === undefined) return undefined;
    const section = draft.sections[si]!;
    if (parts[2] === 'articles' && parts[3] !== undefined) {
      const path = `sections.${parts[1]}.articles.${parts[3]}`;
      const uid = [...articlePaths(draft)].find(([, p]) => p === path)?.[0];
      const article = section.articles.find((a) => a.uid === uid);
      if (!article) return { step: STEPS.sections, section: si };
      const clause = article.clause ? library?.clauses.get(article.clause) : undefined;
      if (clause?.choicePoint)
        return { step: STEPS.decisions, fallbackId: decisionId(clause.choicePoint, clause.variant) };
      const variable = parts[4] === 'values' && parts[5] ? clause?.variables[parts[5]] : undefined;
      if (clause && variable && isSchoolValue(clause, variable))
        return { step: STEPS.school, fallbackId: `${article.uid}-var-${parts[5]}` };
      return article.custom !== undefined
        ? { step: STEPS.own, fallbackId: `${article.uid}-title` }
        : { step: STEPS.sections, section: si, fallbackId: `${article.uid}-on` };
    }
    return { step: STEPS.sections, section: si, fallbackId: `section-${section.uid}-title` };
  }
  if (head === 'overrides') {
    const clause = parts.slice(1).join('.');
    for (const si of exported) {
      const article = draft.sections[si]!.articles.find((a) => a.enabled && a.clause === clause);
      if (article) return { step: STEPS.sections, section: si, fallbackId: `${article.uid}-own` };
    }
    return undefined;
  }
  return undefined;
}
