import { articleText, type ReviewArticle, type ReviewContext } from '../context.ts';
import { CURRENT } from '../current-law.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';
import { isPhoneRule } from './phone-agreement.ts';

/** An own article that is a rule on who gives consent for images (not a ban on sharing "zonder toestemming"). */
const IMAGE_CONSENT_RULE = (text: string) =>
  /\b(?:foto|beeld|film|video|opname)/i.test(text) &&
  /toestemming\s+(?:vragen|vraagt|geven|geeft|gegeven)|(?:vraagt|vragen|geven|geeft)\s+(?:\S+\s+){0,4}toestemming|bezwaar\s+maken/i.test(
    text,
  );

/**
 * `contradiction`: two articles settle one matter differently.
 * - error: two variants of one choice point (two phone rules, two consent rules from the library);
 * - warning: an own article that settles a matter a library article already settles (a phone rule or an image
 *   consent rule beside the library's), so readers get two answers.
 * Source: the library's choice points (one variant per choice point).
 */
export function contradiction(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  for (const [cp, list] of ctx.byChoicePoint) {
    const variants = new Set(list.map((a) => a.clause?.variant));
    if (variants.size < 2) continue;
    const first = list[0]!;
    for (const a of list.slice(1)) {
      if (a.clause?.variant === first.clause?.variant) continue;
      out.push({
        rule: 'contradiction',
        severity: 'error',
        article: a.article.key,
        field: a.field,
        message:
          `${cap(a.label)} en ${first.label} regelen allebei “${ctx.library.choicePoints.get(cp)?.title ?? cp}”, elk anders. ` +
          'Kies één van beide en zet de andere uit.',
        source: SOURCES.library,
      });
    }
  }
  const pairs: [string, (a: ReviewArticle) => boolean][] = [
    ['telefoons in de klas', isPhoneRule],
    [
      'toestemming voor foto’s en filmpjes',
      (a) => a.clause?.choicePoint === CURRENT.imageChoicePoint || (!a.clause && IMAGE_CONSENT_RULE(articleText(a))),
    ],
  ];
  for (const [matter, test] of pairs) {
    const rules = ctx.articles.filter(test);
    const customs = rules.filter((a) => !a.clause);
    if (rules.length < 2 || !customs.length) continue;
    const other = rules.find((a) => a !== customs[0])!;
    out.push({
      rule: 'contradiction',
      severity: 'warning',
      article: customs[0]!.article.key,
      field: customs[0]!.field,
      message:
        `${cap(customs[0]!.label)} gaat ook over ${matter}, net als ${other.label}. Zo staan er twee regels voor één zaak in het protocol. ` +
        'Houd er één, of zorg dat ze hetzelfde zeggen.',
      source: SOURCES.library,
    });
  }
  return out;
}
