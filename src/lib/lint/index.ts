/** The review of a composed protocol (issue 14): see {@link reviewProtocol}. */
export { reviewProtocol, countFindings, summarizeFindings, RULES } from './review-protocol.ts';
export type { FindingCounts } from './review-protocol.ts';
export { RULE_IDS, SEVERITY_LABELS, findingToProblem, isBlocking } from './finding.ts';
export type { Finding, RuleId } from './finding.ts';
export { deriveForeignNames, findForeignNames } from './foreign-names.ts';
export type { ForeignName } from './foreign-names.ts';
export type { ReviewInput } from './context.ts';
