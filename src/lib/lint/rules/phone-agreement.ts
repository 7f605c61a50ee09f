import { articleText, type ReviewArticle, type ReviewContext } from '../context.ts';
import { CURRENT, PHONE_AGREEMENT_SECTORS } from '../current-law.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

const PHONE = /\b(?:mobiele\s+telefoons?|mobieltjes?|smartphones?|telefoons?)\b/i;
const RULE_WORDS =
  /\b(?:toegestaan|toestemming|verboden|in\s+de\s+tas|kluisje|inleveren|ingeleverd|leveren|levert|uitgeschakeld|opgeborgen|niet\s+gebruiken|mag|mogen)\b/i;
const SMARTWATCH = /smartwatch|slim(?:me)?\s+horloge/i;
const EXCEPTIONS = /medisch|gezondheid|beperking|ondersteuningsbehoefte|zorgbehoefte/i;

/** True when an article is a rule about pupils' phones: at the phone choice point, or an own article about it. */
export function isPhoneRule(a: ReviewArticle): boolean {
  if (a.clause?.choicePoint === CURRENT.phonesChoicePoint) return true;
  if (a.clause) return false;
  const text = articleText(a);
  return PHONE.test(text) && RULE_WORDS.test(text) && !/medewerker|werktijd|personeel/i.test(text);
}

/**
 * `phone-agreement`, for po, vo and so only (mbo is not covered and keeps its own choices):
 * - error: the phone rule lets a teacher permit or decide use in class (Mill Hill L8, ROC TOP), which the
 *   national "nee, tenzij" agreement rules out;
 * - warning: the phone rule names no smartwatches or tablets, or the protocol has no exceptions for lesson use,
 *   medical need or a disability (Lankforst B2);
 * - warning: there is no rule on phones and other personal devices at all (SCOPE, Hoeksche).
 * Source: Kamerbrief OCW 6 February 2024 (Kamerstuk 36410-VIII nr. 107).
 */
export function phoneAgreement(ctx: ReviewContext): Finding[] {
  if (!PHONE_AGREEMENT_SECTORS.has(ctx.sector)) return [];
  const out: Finding[] = [];
  const push = (severity: Finding['severity'], article: ReviewArticle | null, message: string) =>
    out.push({
      rule: 'phone-agreement',
      severity,
      article: article?.article.key ?? null,
      field: article?.field,
      message,
      source: SOURCES.phoneAgreement,
      suggest: CURRENT.phoneDefault,
    });
  const rules = ctx.articles.filter(isPhoneRule);
  if (!rules.length) {
    push(
      'warning',
      null,
      'Het protocol heeft geen afspraak over telefoons en andere apparaten in de klas. Sinds de landelijke afspraak “nee, tenzij” ' +
        'horen telefoons, tablets en smartwatches niet in de klas. Zet de bepaling “Telefoons en andere apparaten: nee, tenzij” erin.',
    );
    return out;
  }
  const exceptions =
    ctx.clauseIds.has(CURRENT.phoneExceptions) ||
    ctx.articles.some((a) => isPhoneRule(a) && EXCEPTIONS.test(articleText(a)));
  for (const a of rules) {
    const variant = a.clause?.variant;
    if (variant && (CURRENT.phoneRuledOutVariants as readonly string[]).includes(variant)) {
      push(
        'error',
        a,
        `${cap(a.label)} laat de docent bepalen of toestaan dat telefoons in de les gebruikt worden. Voor het ${ctx.sector} geldt de landelijke ` +
          'afspraak “nee, tenzij”: telefoons, tablets en smartwatches zijn niet in de klas, behalve voor de les of om medische redenen of een beperking. ' +
          'Kies een variant binnen die afspraak.',
      );
      continue;
    }
    if (variant && (CURRENT.phoneAgreementVariants as readonly string[]).includes(variant)) continue;
    const missing: string[] = [];
    if (!SMARTWATCH.test(articleText(a))) missing.push('noemt geen smartwatches en tablets');
    if (!exceptions)
      missing.push('het protocol noemt geen uitzonderingen voor gebruik in de les, medische redenen of een beperking');
    if (missing.length) {
      push(
        'warning',
        a,
        `${cap(a.label)} past niet helemaal bij de landelijke afspraak “nee, tenzij”: het ${missing.join(', en ')}. ` +
          'Kies een variant binnen de afspraak en zet de bepaling over de uitzonderingen erbij.',
      );
    }
  }
  return out;
}
