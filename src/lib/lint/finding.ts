import type { Problem, Severity } from '../errors/content-error.ts';
import { boardFilePath } from '../board/inherit-board.ts';
import { labelTable } from '../../i18n/t.ts';

/**
 * The review's rule ids (issue 14). Tools switch on these, never on a finding's message.
 * - `foreign-organisation`: the text names another organisation than the school (a reference model's organisation,
 *   board, place, e-mail or web domain, or a local name from its text);
 * - `outdated-image-consent`: opt-out consent, "ouder dan 16", or consent not asked per purpose;
 * - `phone-agreement`: a po, vo or so protocol whose phone rule contradicts the national "nee, tenzij" agreement,
 *   leaves out part of it, or has no device rule;
 * - `dead-platform`: Hyves, Google+, Twitter and "retweeten", Yammer;
 * - `missing-topic`: a topic a 2026 protocol should cover, with the clause that would cover it;
 * - `contradiction`: two articles that settle one matter differently;
 * - `dangling-reference`: an article that leans on a clause (`requires`) that is not in the protocol;
 * - `sector-mismatch`: a clause or words meant for another sector;
 * - `unfilled`: a required value left empty, or a placeholder left in the text.
 */
export const RULE_IDS = [
  'foreign-organisation',
  'outdated-image-consent',
  'phone-agreement',
  'dead-platform',
  'missing-topic',
  'contradiction',
  'dangling-reference',
  'sector-mismatch',
  'unfilled',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * One thing the review found in a composed protocol.
 * Shaped like {@link Problem} (rule id, severity, Dutch message) but placed by article instead of by file line,
 * because the same finding is shown in the wizard, on the MR pages and in a terminal.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The article it concerns, by its key in the document (the clause id, or `custom/<slug>`); null for the whole protocol. */
  article: string | null;
  /** What is wrong and how to fix it, in Dutch (B1). */
  message: string;
  /** Where the rule comes from: the law, the guidance or the review that backs it, with its date. */
  source: string;
  /**
   * The field of the protocol file that fixes it, dotted (`sections.2.articles.0.values.devices`,
   * `school.contacts.1.email`); absent when the fix is to add something. With {@link Finding.board}: a field of
   * that board file instead (`contacts.0.email`).
   */
  field?: string;
  /**
   * Set when the finding is in a value the school inherits from its board (a contact or document of
   * `content/boards/<board>.yaml`, see `BoardInheritance`): the board file's id. `field` is then a path in the board
   * file; the school fixes it there, or by giving its own contact or document in its place.
   */
  board?: string;
  /** For `missing-topic` (and some others): the library clause that would settle it. */
  suggest?: string;
  /** The school's reason for accepting this finding (from the protocol's `accepted` list), when it did. */
  accepted?: string;
}

/**
 * The Dutch word for a severity, as the wizard, the MR pages and the terminal show it (`severity.*` in `nl.json`).
 */
export const SEVERITY_LABELS: Record<Severity, string> = labelTable('severity', ['error', 'warning', 'hint'] as const);

/** Sort order: errors first, then warnings, then hints. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

/**
 * A finding as a {@link Problem} of a file, for code that reports problems by file (the build, the CLI).
 *
 * @param finding the finding.
 * @param file path of the protocol file, relative to the project root. A finding in a value inherited from the
 *   board ({@link Finding.board}) is placed in the board file (`content/boards/<board>.yaml`), with this file as
 *   its related place.
 */
export function findingToProblem(finding: Finding, file: string): Problem {
  if (finding.board !== undefined)
    return {
      rule: finding.rule,
      severity: finding.severity,
      file: boardFilePath(finding.board),
      ...(finding.field ? { field: finding.field } : {}),
      message: finding.message,
      related: [{ file }],
    };
  return {
    rule: finding.rule,
    severity: finding.severity,
    file,
    field: finding.field ?? (finding.article ? `artikel ${finding.article}` : undefined),
    message: finding.message,
  };
}

/** True when the finding is an error the school has not accepted: it blocks the wizard's export and fails the CLI. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity === 'error' && finding.accepted === undefined;
}
