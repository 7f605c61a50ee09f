import type { Library } from '../compose/document.ts';
import type { Finding } from '../lint/finding.ts';
import type { Draft } from './draft.ts';
import { decisionId, problemLocation, STEPS, type ProblemLocation } from './problem-location.ts';

/**
 * Where in the wizard a review finding is fixed: its field (a value, a contact's e-mail address, an article's
 * switch), or, for a finding that names a clause to add (`suggest`), that clause's switch in the "per sectie" step
 * when the draft has it switched off. Undefined when the wizard has no place for it (the school adds the clause
 * itself with "Bepaling toevoegen").
 *
 * @param finding a finding of `reviewProtocol` on the draft's composition.
 * @param draft the draft.
 * @param library the clause library (see `problemLocation`).
 */
export function findingLocation(finding: Finding, draft: Draft, library?: Library): ProblemLocation | undefined {
  const at = problemLocation(finding.field, draft, library);
  if (at) return at;
  if (!finding.suggest) return undefined;
  const suggested = library?.clauses.get(finding.suggest);
  if (suggested?.choicePoint)
    return { step: STEPS.decisions, fallbackId: decisionId(suggested.choicePoint, suggested.variant) };
  for (let si = 0; si < draft.sections.length; si++) {
    const article = draft.sections[si]!.articles.find((a) => a.clause === finding.suggest);
    if (article) return { step: STEPS.sections, section: si, fallbackId: `${article.uid}-on` };
  }
  return undefined;
}
