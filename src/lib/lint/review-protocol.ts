import { reviewContext, type ReviewContext, type ReviewInput } from './context.ts';
import { SEVERITY_ORDER, type Finding, type RuleId } from './finding.ts';
import { contradiction } from './rules/contradiction.ts';
import { danglingReference } from './rules/dangling-reference.ts';
import { deadPlatform } from './rules/dead-platform.ts';
import { foreignOrganisation } from './rules/foreign-organisation.ts';
import { missingTopic } from './rules/missing-topic.ts';
import { outdatedImageConsent } from './rules/outdated-image-consent.ts';
import { phoneAgreement } from './rules/phone-agreement.ts';
import { sectorMismatch } from './rules/sector-mismatch.ts';
import { unfilled } from './rules/unfilled.ts';

/** Every rule of the review, by id, in the order their findings are listed within one severity. */
export const RULES: Record<RuleId, (ctx: ReviewContext) => Finding[]> = {
  unfilled,
  'foreign-organisation': foreignOrganisation,
  'outdated-image-consent': outdatedImageConsent,
  'phone-agreement': phoneAgreement,
  contradiction,
  'dangling-reference': danglingReference,
  'sector-mismatch': sectorMismatch,
  'dead-platform': deadPlatform,
  'missing-topic': missingTopic,
};

/**
 * Reviews a composed protocol against current law and guidance and the library's own rules: what is outdated,
 * foreign, contradictory, missing or unfilled (the rules in {@link RULES}; each finding says what is wrong and how to
 * fix it, in Dutch, and which source the rule rests on). Findings the protocol lists under `accepted` (same rule
 * and article) carry the school's reason in `accepted`. Pure: no files, no clock; runs in Node and in the browser.
 *
 * @param input the protocol, its composed document, the library and the reference models' names.
 * @returns findings sorted by severity (errors first), then by rule, then in document order.
 */
export function reviewProtocol(input: ReviewInput): Finding[] {
  const ctx = reviewContext(input);
  const findings = Object.values(RULES).flatMap((rule) => rule(ctx));
  const accepted = input.protocol.accepted ?? [];
  for (const f of findings) {
    const match = accepted.find((a) => a.rule === f.rule && (a.article ?? null) === f.article);
    if (match) f.accepted = match.reason;
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** How many findings of each severity, and how many errors are not accepted. */
export interface FindingCounts {
  error: number;
  warning: number;
  hint: number;
  /** Errors without an accepted reason: these block the export and fail `npm run review`. */
  blocking: number;
}

/** Counts findings by severity (see {@link FindingCounts}). */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, hint: 0, blocking: 0 };
  for (const f of findings) {
    c[f.severity]++;
    if (f.severity === 'error' && f.accepted === undefined) c.blocking++;
  }
  return c;
}

/** One Dutch line for a summary: `2 fouten (1 geaccepteerd), 3 waarschuwingen, 0 tips`. */
export function summarizeFindings(findings: readonly Finding[]): string {
  const c = countFindings(findings);
  const acceptedErrors = c.error - c.blocking;
  return (
    `${c.error} ${c.error === 1 ? 'fout' : 'fouten'}${acceptedErrors ? ` (${acceptedErrors} geaccepteerd)` : ''}, ` +
    `${c.warning} ${c.warning === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${c.hint} ${c.hint === 1 ? 'tip' : 'tips'}`
  );
}
