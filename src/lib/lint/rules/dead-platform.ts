import { articleText, type ReviewContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

/** Platforms that closed or were renamed, with what to write instead. */
const DEAD: { re: RegExp; name: string; advice: string }[] = [
  {
    re: /\bHyves\b/i,
    name: 'Hyves',
    advice:
      'Hyves bestaat sinds december 2013 niet meer; haal het weg of noem een platform dat leerlingen nu gebruiken.',
  },
  { re: /\bGoogle\s?\+|\bGoogle Plus\b/i, name: 'Google+', advice: 'Google+ bestaat niet meer; haal het weg.' },
  { re: /(?<!voorheen\s)\bTwitter\b/i, name: 'Twitter', advice: 'Twitter heet sinds juli 2023 X; schrijf “X”.' },
  { re: /\bretweet(?:en|s|t)?\b/i, name: 'retweeten', advice: '“Retweeten” heet nu “reposten”.' },
  { re: /\bYammer\b/i, name: 'Yammer', advice: 'Yammer heet nu Viva Engage; schrijf die naam, of haal het weg.' },
];

/**
 * `dead-platform` (warning): the text names a platform that closed (Hyves, Google+) or was renamed (Twitter → X,
 * "retweeten" → "reposten", Yammer → Viva Engage). Source: LAW.md, "Platforms".
 */
export function deadPlatform(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  for (const a of ctx.articles) {
    const text = articleText(a);
    for (const d of DEAD) {
      if (!d.re.test(text)) continue;
      const listValue = Object.entries(a.article.values ?? {}).find(([, v]) =>
        (Array.isArray(v) ? v : [String(v)]).some((x) => d.re.test(x)),
      );
      out.push({
        rule: 'dead-platform',
        severity: 'warning',
        article: a.article.key,
        field: listValue
          ? `${a.field}.values.${listValue[0]}`
          : a.article.origin === 'override'
            ? `overrides.${a.article.key}`
            : a.field,
        message: `${cap(a.label)} noemt ${d.name}. ${d.advice}`,
        source: SOURCES.platforms,
      });
    }
  }
  return out;
}
