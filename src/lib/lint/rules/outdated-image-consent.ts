import { articleText, type ReviewArticle, type ReviewContext } from '../context.ts';
import { CURRENT } from '../current-law.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

/** Opt-out wording: parents may object (bezwaar maken) to publication, or silence counts as consent. */
const OPT_OUT =
  /bezwaar\s+(?:\S+\s+){0,4}maken\s+tegen\s+(?:het\s+)?(?:plaatsen|publiceren|gebruik|gebruiken)|wie\s+zwijgt,?\s+stemt\s+toe/i;
/** "ouder dan 16 jaar" and the like: leaves out the 16-year-olds who consent themselves. */
const OLDER_THAN = /ouder\s+dan\s+(\d+)\s+jaar/i;
/** Words that show an own article is about images. */
const IMAGE_WORDS = /\b(?:foto|beeld|film|video|opname)/i;
/** Words that show an own article is a rule on who gives consent (not a ban on sharing "zonder toestemming"). */
const CONSENT_RULE =
  /toestemming\s+(?:vragen|vraagt|geven|geeft|gegeven)|(?:vraagt|vragen|geven|geeft)\s+(?:\S+\s+){0,4}toestemming|bezwaar\s+maken/i;
/** Purposes that a per-purpose consent names (two or more of them). */
const PURPOSES = /website|sociale media|schoolapp|ouderapp|nieuwsbrief|schoolgids|jaarboek|ouderportaal/gi;

/**
 * `outdated-image-consent`:
 * - error: opt-out ("ouders kunnen jaarlijks bezwaar maken"; the SCOPE 2012 variant), not valid consent since the AVG
 *   applied on 25 May 2018;
 * - error: an age other than 16 for who consents; warning: "ouder dan 16", which leaves out 16-year-olds (write
 *   "vanaf 16 jaar");
 * - warning: an image-consent rule that does not ask consent per purpose (website, social media, app, newsletter, guide).
 * Source: the AP's "Beeldmateriaal in het onderwijs" and art. 5 UAVG.
 */
export function outdatedImageConsent(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  const push = (a: ReviewArticle, severity: Finding['severity'], message: string, field = a.field) =>
    out.push({
      rule: 'outdated-image-consent',
      severity,
      article: a.article.key,
      field,
      message,
      source: SOURCES.imageConsent,
      suggest: CURRENT.imageDefault,
    });
  for (const a of ctx.articles) {
    const text = articleText(a);
    if (a.clause?.variant === CURRENT.imageOptOutVariant || (IMAGE_WORDS.test(text) && OPT_OUT.test(text))) {
      push(
        a,
        'error',
        `${cap(a.label)} laat ouders alleen bezwaar maken (opt-out). Dat is sinds de AVG (25 mei 2018) geen geldige toestemming: ` +
          'vraag vooraf toestemming, per doel. Kies de variant “Toestemming voor beeld, per doel”.',
      );
      continue;
    }
    const isConsentRule =
      a.clause?.choicePoint === CURRENT.imageChoicePoint ||
      (!a.clause && IMAGE_WORDS.test(text) && CONSENT_RULE.test(text));
    const older = OLDER_THAN.exec(text);
    if (older && (isConsentRule || /toestemming/i.test(text))) {
      const age = Number(older[1]);
      const valueField =
        a.article.values && 'consentAge' in a.article.values ? `${a.field}.values.consentAge` : a.field;
      if (age !== 16) {
        push(
          a,
          'error',
          `${cap(a.label)} legt de grens bij ${age} jaar. De wet legt die bij 16: onder 16 geven de ouders toestemming, vanaf 16 de leerling zelf.`,
          valueField,
        );
      } else {
        push(
          a,
          'warning',
          `${cap(a.label)} schrijft “ouder dan 16 jaar”. Daarmee vallen leerlingen van precies 16 erbuiten, terwijl zij zelf toestemming geven. ` +
            'Schrijf “vanaf 16 jaar”, of kies de variant “Toestemming voor beeld, per doel”.',
        );
      }
    }
    const purposes = new Set((text.match(PURPOSES) ?? []).map((p) => p.toLowerCase()));
    if (isConsentRule && a.clause?.variant !== CURRENT.imagePerPurposeVariant && purposes.size < 2) {
      push(
        a,
        'warning',
        `${cap(a.label)} vraagt geen toestemming per doel. Ouders en leerlingen moeten apart kunnen kiezen voor de website, ` +
          'sociale media, de schoolapp, de nieuwsbrief en de schoolgids. Kies de variant “Toestemming voor beeld, per doel”.',
      );
    }
  }
  return out;
}
