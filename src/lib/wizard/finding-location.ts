import type { Library } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import type { Finding } from '../lint/finding.ts';
import type { Draft } from './draft.ts';
import { decisionId, problemLocation, STEPS, type ProblemLocation } from './problem-location.ts';

/**
 * Where in the wizard a review finding is fixed: its field (a value, a contact's e-mail address, an article's
 * switch), or, for a finding that names a clause to add (`suggest`), that clause's switch in the "per sectie" step
 * when the draft has it switched off. Undefined when the wizard has no place for it (the school adds the clause
 * itself with "Bepaling toevoegen"). A finding in a value the school inherits from its board (`finding.board`) goes to
 * the "Gegevens" step, to the button that gives the school its own contact or document in its place
 * ({@link boardItemId}).
 *
 * @param finding a finding of `reviewProtocol` on the draft's composition.
 * @param draft the draft.
 * @param library the clause library (see `problemLocation`).
 */
export function findingLocation(finding: Finding, draft: Draft, library?: Library): ProblemLocation | undefined {
  if (finding.board !== undefined) {
    const [, list, k] = /^(contacts|documents)\.(\d+)(?:\.|$)/.exec(finding.field ?? '') ?? [];
    if (!list) return { step: STEPS.school };
    return { step: STEPS.school, fallbackId: boardItemId(list as 'contacts' | 'documents', Number(k)) };
  }
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

/**
 * The id of the button in the "Gegevens" step ("Van het bestuur") that replaces one of the board's contacts or
 * documents with the school's own: `board-contacts-<k>-own`, `board-documents-<k>-own`.
 *
 * @param list which list of the board file.
 * @param k the item's position in the board file's list (`BoardInheritance.boardContacts` / `boardDocuments`).
 */
export function boardItemId(list: 'contacts' | 'documents', k: number): string {
  return `board-${list}-${k}-own`;
}

/**
 * A finding as the problem the wizard shows and focuses (`showProblem`): its field is a path of the protocol file,
 * so a finding in the board file (`finding.board`) has none there (its location's `fallbackId` says where to go).
 */
export function findingProblem(finding: Finding): Problem {
  return {
    file: '',
    ...(finding.board === undefined && finding.field ? { field: finding.field } : {}),
    message: finding.message,
    rule: finding.rule,
  };
}
