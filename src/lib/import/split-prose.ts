/**
 * Splits a prose paragraph that holds several rules into its rules (issue 12, "Segmenting": "prose paragraphs that
 * hold several rules (split by sentence)").
 *
 * Two steps. First the sentences that cannot stand alone are tied to the sentence before them, by the words that
 * make a Dutch sentence lean on the one before (cohesion, not the library): a question is answered by the sentence
 * after it ("Zie je iets wat niet deugt? Meld het …"); a sentence that opens with a back-reference ("Om deze reden",
 * "Daarom", "Hierdoor", a pronoun subject such as "Het is een …" or "Zij …") or that holds a pronominal adverb
 * ("hierbij", "daarvoor") points back; a fragment without its own verb ("Niet alleen op school, maar ook …",
 * "Denk bijvoorbeeld aan …") continues the sentence before. Then neighbouring units are merged while the alignment
 * says they are one rule: they align to the same clause, one of them aligns to nothing, or the two together align
 * at least as well as the better one alone (text that says the same thing adds weight to a cosine; text about
 * something else dilutes it). Nothing here names a clause or a model.
 */
import type { Aligner, Alignment } from './align.ts';
import { sentences } from './text.ts';

/** Openings that refer back to the sentence before. */
const BACK_REFERENCE =
  /^(om (deze|die) reden(en)?|daarom|daardoor|hierdoor|daarmee|hiermee|daarbij|hierbij|daarvoor|hiervoor|daarin|hierin|daarover|hierover|daarop|hierop|daarna|dan|zo|dit|dat|deze|die|hij|zij|ze)\b(?! (protocol|afspraken?|richtlijnen?|regels?|document|beleid)\b)/i;
/** A pronoun "het" as the subject ("Het is een onderdeel van …"), not the dummy of "Het is verboden om …". */
const PRONOUN_HET =
  /^het (is|zijn|was|kan|kunnen|mag|moet|wordt|blijft|gaat|heeft|geldt|betekent|biedt|helpt|lijkt)\b/i;
/** What makes "het" a dummy subject: the real subject follows as a clause ("om … te", "dat …", "als …"). */
const DUMMY_CLAUSE = /\b(om|dat|te|als|wanneer|indien|of)\b/i;
/**
 * Pronominal adverbs in the main clause: "De hulp van ouders is hierbij onmisbaar." (After a comma, "dat", "en" or
 * another clause boundary such a word may point at something in the same sentence, so only the part before counts.)
 */
const POINTS_BACK = /\b(hierbij|hiervoor|hierdoor|hiermee|hierin|hierover|hierop|hiervan|hieraan)\b/i;
/** Fragments that continue the sentence before (no rule of their own). */
const CONTINUATION =
  /^(niet alleen|maar ook|zoals|bijvoorbeeld|denk (bijvoorbeeld )?aan|ook als|ook wanneer|behalve|tenzij|met uitzondering)\b/i;

/**
 * True when a sentence leans on the one before it and cannot be a rule of its own.
 *
 * @param sentence the sentence.
 * @param before the sentence before it in the same paragraph.
 */
export function leansOnPrevious(sentence: string, before: string): boolean {
  const s = sentence.trim();
  if (/\?["'’”)]?$/.test(before.trim())) return true;
  const mainClause = s.split(/,|;|:|\s(?:dat|die|om|en|of|als|omdat|zodat|wanneer|waarbij)\s/i)[0]!;
  if (BACK_REFERENCE.test(s) || CONTINUATION.test(s) || POINTS_BACK.test(mainClause)) return true;
  return PRONOUN_HET.test(s) && !DUMMY_CLAUSE.test(s);
}

/**
 * The sentences of a paragraph, each tied to the one before where it leans on it ({@link leansOnPrevious}).
 *
 * @param text one paragraph, white space folded.
 * @returns the units in order; joined with one space, they give the paragraph back.
 */
export function sentenceUnits(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    const last = out[out.length - 1];
    if (last !== undefined && leansOnPrevious(s, last)) out[out.length - 1] = `${last} ${s}`;
    else out.push(s);
  }
  return out;
}

/**
 * Neighbours whose scores are this close to equal (a share of the better score) count as "the merged text aligns
 * as well as the better part": a second sentence of the same rule rarely adds much weight.
 */
export const MERGE_MARGIN = 0.03;

/**
 * Splits a prose paragraph into its rules: {@link sentenceUnits}, then neighbours merged, best pair first, while
 * they align to the same clause, one of them aligns to no clause, or the two together align within
 * {@link MERGE_MARGIN} of the better one alone.
 *
 * @param text one paragraph, white space folded.
 * @param heading the heading of its section ('' when none), for the addressees.
 * @param aligner the aligner.
 * @returns the rules' texts, in order.
 */
export function splitProse(text: string, heading: string, aligner: Aligner): string[] {
  const parts = sentenceUnits(text);
  if (parts.length < 2) return [text];
  let groups = parts.map((s) => ({ text: s, a: aligner.align(s, heading) }));
  for (;;) {
    let best = -1;
    let bestGain = -Infinity;
    let bestMerged: Alignment | undefined;
    for (let i = 0; i + 1 < groups.length; i++) {
      const x = groups[i]!;
      const y = groups[i + 1]!;
      const merged = aligner.align(`${x.text} ${y.text}`, heading);
      const same = x.a.clause !== null && x.a.clause === y.a.clause;
      const weak = x.a.clause === null || y.a.clause === null;
      const better = Math.max(x.a.score, y.a.score);
      const gain = merged.score - better;
      if ((same || weak || gain >= -MERGE_MARGIN * better) && gain + (same ? 1 : 0) > bestGain) {
        best = i;
        bestGain = gain + (same ? 1 : 0);
        bestMerged = merged;
      }
    }
    if (best < 0) break;
    const merged = { text: `${groups[best]!.text} ${groups[best + 1]!.text}`, a: bestMerged! };
    groups = [...groups.slice(0, best), merged, ...groups.slice(best + 2)];
  }
  return groups.map((g) => g.text);
}
