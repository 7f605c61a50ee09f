import { articleText, type ReviewContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { SOURCES } from '../sources.ts';
import { cap } from './foreign-organisation.ts';

/** Words and roles of mbo that do not belong in a po, vo or so protocol, with the usual word there. */
/** A word of another sector; `context` near it (80 characters before) means it is used in another sense. */
interface SectorWord {
  re: RegExp;
  word: string;
  instead: string;
  context?: RegExp;
}

const MBO_WORDS: SectorWord[] = [
  // "deelnemers" of a group app, chat or medium are not pupils: those are left out by `context` below.
  {
    re: /\bdeelnemers?\b/i,
    word: 'deelnemer',
    instead: 'leerling',
    context: /app|groep|chat|gesprek|medium|platform/i,
  },
  { re: /\bSLB-?er|\bstudieloopbaanbegeleider/i, word: 'SLB-er', instead: 'mentor of groepsleerkracht' },
  { re: /\bonderwijsmanagers?\b/i, word: 'onderwijsmanager', instead: 'schoolleiding of teamleider' },
  {
    re: /\bIBP[- ]functionaris/i,
    word: 'IBP-functionaris',
    instead: 'privacy-aanspreekpunt (functionaris gegevensbescherming)',
  },
];
/** Words of primary school that read oddly in an mbo protocol. */
const PO_WORDS: SectorWord[] = [
  { re: /\bgroepsleerkracht(?:en)?\b|\bleerkracht(?:en)?\b/i, word: 'leerkracht', instead: 'docent' },
  { re: /\bschoolreisje|\bschoolkamp\b/i, word: 'schoolreisje of schoolkamp', instead: 'excursie of studiereis' },
];

/**
 * `sector-mismatch` (warning): a clause meant for other sectors than the school's (its `sectors`), or words and
 * roles of another sector: deelnemers, SLB-er or onderwijsmanager in po, vo or so; leerkracht or schoolkamp in mbo.
 * Source: DOMAIN.md ("Words") and the content review (mbo roles in a po default).
 */
export function sectorMismatch(ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  const words = ctx.sector === 'mbo' ? PO_WORDS : MBO_WORDS;
  for (const a of ctx.articles) {
    if (a.clause && !a.clause.sectors.includes(ctx.sector) && a.article.origin !== 'override') {
      out.push({
        rule: 'sector-mismatch',
        severity: 'warning',
        article: a.article.key,
        field: a.field,
        message: `${cap(a.label)} is bedoeld voor ${a.clause.sectors.join(', ')}, niet voor het ${ctx.sector}. Kies een bepaling voor uw sector, of pas de tekst aan.`,
        source: SOURCES.library,
      });
    }
    const text = articleText(a);
    for (const w of words) {
      if (!usedInSector(text, w)) continue;
      out.push({
        rule: 'sector-mismatch',
        severity: 'warning',
        article: a.article.key,
        field: a.field,
        message: `${cap(a.label)} gebruikt “${w.word}”, een woord uit een andere sector dan het ${ctx.sector}. Schrijf “${w.instead}”.`,
        source: SOURCES.contentReview,
      });
    }
  }
  if (ctx.sector !== 'mbo' && /^deelnemers?$/i.test(ctx.protocol.school.pupils)) {
    out.push({
      rule: 'sector-mismatch',
      severity: 'warning',
      article: null,
      field: 'school.pupils',
      message: `De school noemt haar leerlingen “${ctx.protocol.school.pupils}”; in het ${ctx.sector} heten zij leerlingen.`,
      source: SOURCES.contentReview,
    });
  }
  return out;
}

/** True when the word occurs at least once outside its `context` (e.g. "deelnemers" not of a group app). */
function usedInSector(text: string, w: SectorWord): boolean {
  const re = new RegExp(w.re.source, w.re.flags.includes('g') ? w.re.flags : `${w.re.flags}g`);
  for (const m of text.matchAll(re)) {
    if (!w.context || !w.context.test(text.slice(Math.max(0, m.index - 80), m.index))) return true;
  }
  return false;
}
