import { articleText, type ReviewArticle, type ReviewContext } from '../context.ts';
import { CURRENT, PHONE_AGREEMENT_SECTORS } from '../current-law.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { isPhoneRule } from './phone-agreement.ts';

/** A topic a 2026 protocol should cover: how to see it is covered, and the clause that covers it. */
interface Topic {
  id: string;
  /** What is missing, in Dutch, as the start of the message. */
  missing: string;
  covered: (ctx: ReviewContext) => boolean;
  suggest: string;
  source: string;
  /** Only for these sectors (default: all). */
  sectors?: ReadonlySet<string>;
  /** An article that touches the topic without settling it, to point the finding at (and say so). */
  partly?: (ctx: ReviewContext) => ReviewArticle | undefined;
}

/** Clauses about the school's own accounts that predate the AP's advice (SCOPE, Lankforst). */
const OWN_ACCOUNT_CLAUSES = new Set([
  'school-communication/schoolaccounts-officieel',
  'school-communication/schoolaccount-contact-leerlingen',
  'staff-at-work/vrienden-schoolaccount',
]);

const custom = (ctx: ReviewContext, re: RegExp) =>
  ctx.articles.some((a: ReviewArticle) => !a.clause && re.test(articleText(a)));
const inSections = (ctx: ReviewContext, prefixes: string[]) =>
  [...ctx.clauseIds].some((id) => prefixes.some((p) => id.startsWith(p)));

const TOPICS: Topic[] = [
  {
    id: 'images',
    missing:
      'Er staat geen regel in over foto’s en filmpjes van leerlingen en medewerkers, en wie daarvoor toestemming geeft.',
    covered: (ctx) =>
      ctx.byChoicePoint.has(CURRENT.imageChoicePoint) ||
      custom(ctx, /(?:foto|beeld|film)[\s\S]*toestemming|toestemming[\s\S]*(?:foto|beeld|film)/i),
    suggest: CURRENT.imageDefault,
    source: SOURCES.imageConsent,
  },
  {
    id: 'devices',
    missing: 'Er staat geen afspraak in over telefoons en andere apparaten van deelnemers.',
    covered: (ctx) => ctx.articles.some(isPhoneRule),
    suggest: CURRENT.mboPhoneDefault,
    source: SOURCES.phoneAgreement,
    // po, vo and so: the phone-agreement rule reports a missing device rule.
    sectors: new Set(['mbo']),
  },
  {
    id: 'reporting',
    missing: 'Er staat niet in waar iemand een probleem meldt.',
    covered: (ctx) =>
      inSections(ctx, ['reporting/']) ||
      ctx.byChoicePoint.has('reporting-route') ||
      custom(ctx, /\bmeld(?:en|t|ing)\b/i),
    suggest: CURRENT.reportingDefault,
    source: SOURCES.contentReview,
  },
  {
    id: 'measures',
    missing: 'Er staat niet in wat er gebeurt als iemand zich niet aan de afspraken houdt (maatregelen).',
    covered: (ctx) =>
      inSections(ctx, ['measures/', 'measures-pupils/', 'measures-staff/']) ||
      custom(ctx, /maatregel|sanctie|schorsing/i),
    suggest: CURRENT.measuresDefault,
    source: SOURCES.contentReview,
  },
  {
    id: 'sexual-images',
    missing:
      'Er staat niets in over naaktfoto’s, sexting, nepnaaktbeelden (deepfakes) en wat de school doet als zulke beelden rondgaan.',
    covered: (ctx) =>
      CURRENT.sexualImages.some((id) => ctx.clauseIds.has(id)) || custom(ctx, /naakt|sexting|seksue|deepfake/i),
    suggest: CURRENT.sexualImagesDefault,
    source: SOURCES.sexualImages,
  },
  {
    id: 'group-apps',
    missing: 'Er staat niets in over groepsapps, zoals de klassenapp van ouders.',
    covered: (ctx) =>
      CURRENT.groupApps.some((id) => ctx.clauseIds.has(id)) ||
      ctx.byChoicePoint.has(CURRENT.groupAppsChoicePoint) ||
      custom(ctx, /groepsapp|klassenapp|whatsapp-?groep|appgroep/i),
    suggest: CURRENT.groupAppsDefault,
    source: SOURCES.groupApps,
  },
  {
    id: 'school-accounts',
    missing:
      'Er staat niet in hoe de school haar eigen accounts op sociale media regelt. Sinds het advies van de Autoriteit Persoonsgegevens ' +
      '(13 juni 2024) mag dat alleen met duidelijke afspraken met het platform; anders gebruikt de school haar website, schoolapp of ouderplatform.',
    covered: (ctx) =>
      ctx.byChoicePoint.has(CURRENT.accountsChoicePoint) ||
      custom(ctx, /Autoriteit Persoonsgegevens|afspraken met (?:het|de) platform/i),
    suggest: CURRENT.accountsDefault,
    source: SOURCES.schoolAccounts,
    partly: (ctx) => ctx.articles.find((a) => a.clause && OWN_ACCOUNT_CLAUSES.has(a.clause.id)),
  },
];

/**
 * `missing-topic` (warning): a topic a 2026 protocol should cover and this one does not: images and consent,
 * devices (mbo; po, vo and so get `phone-agreement`), a reporting route, measures, sexual images, group apps and
 * the school's own accounts. Each finding names the library clause that would cover it (`suggest`).
 */
export function missingTopic(ctx: ReviewContext): Finding[] {
  return TOPICS.filter((t) => (!t.sectors || t.sectors.has(ctx.sector)) && !t.covered(ctx)).map((t) => {
    const clause = ctx.library.clauses.get(t.suggest);
    const partly = t.partly?.(ctx);
    const start = partly
      ? `${partly.label.charAt(0).toUpperCase()}${partly.label.slice(1)} gaat over eigen accounts van de school. `
      : '';
    return {
      rule: 'missing-topic' as const,
      severity: 'warning' as const,
      article: partly?.article.key ?? null,
      field: partly?.field,
      suggest: t.suggest,
      message: `${start}${t.missing} ${clause ? `Zet de bepaling “${clause.title}” (${t.suggest}) erin.` : `Zet de bepaling ${t.suggest} erin.`}`,
      source: t.source,
    };
  });
}

/** Whether the phone agreement applies to a sector (re-exported for the wizard's hints). */
export const coversPhones = (sector: string) => PHONE_AGREEMENT_SECTORS.has(sector);
