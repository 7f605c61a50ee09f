/**
 * Aligns an imported rule to the library: which clause says the same thing, and how sure that is.
 *
 * Data-driven (issue 12, "Aligning"): the aligner is built at run time from the library's clauses (title, body,
 * summary, audiences) and from every reference-model article mapped to a clause (the labelled examples); no clause id
 * is written in this code. Texts become TF-IDF vectors over Dutch Snowball stems and stem pairs, stop words removed
 * (`text.ts`); the score of a clause is the cosine of the rule with the closest of its texts (the body or one of its
 * examples), nudged by the summary. Where clauses score close together, the addressees decide (pupils, staff,
 * parents, everyone: read from the rule and from its section heading). Below a threshold calibrated on the examples
 * themselves ({@link Aligner.threshold}) a rule becomes an own article: an own article is better than a wrong clause.
 */
import type { ClauseVariable } from '../schema/clause.ts';
import type { Audience } from '../schema/common.ts';
import { terms } from './text.ts';

/** A clause as the aligner needs it (a subset of `Clause`). */
export interface AlignClause {
  id: string;
  title: string;
  body: string;
  summary: string;
  audiences: Audience[];
  choicePoint?: string;
  variant?: string;
  /** Set when the clause only records a model's historic choice the law no longer allows (the reason, in Dutch). */
  historic?: string;
  /** The reference models the clause was made from (its `sources`), for the strict leave-one-out. */
  sourceModels?: string[];
  /** The clause's variables, so values can be read from an aligned article. */
  variables?: Record<string, ClauseVariable>;
}

/** A labelled example: a reference-model article and the clause it is mapped to. */
export interface AlignExample {
  /** The reference model it comes from (so leave-one-out can hold a model out). */
  model: string;
  clause: string;
  text: string;
}

/** One scored candidate clause. */
export interface Candidate {
  clause: string;
  /** Cosine similarity after the addressee adjustment, 0 … 1. */
  score: number;
}

/** The result of aligning one rule. */
export interface Alignment {
  /** The clause it aligns to, or null when the best score is under the threshold (an own article). */
  clause: string | null;
  /** The best score, 0 … 1 (also when it is under the threshold). */
  score: number;
  /** The best candidates, best first (at most 5), whatever the threshold. */
  candidates: Candidate[];
}

type Vector = Map<string, number>;

/** Terms and stem pairs of a text: pairs catch word order ("niet toegestaan" next to each other). */
function features(text: string): string[] {
  const t = terms(text);
  const out = [...t];
  for (let i = 0; i + 1 < t.length; i++) out.push(`${t[i]}_${t[i + 1]}`);
  return out;
}

/**
 * A clause body as a school reads it in the library: each `{{variable}}` with a default replaced by that default
 * (a list joined with commas), so "bij wie meld je het" words such as "mentor" or "vertrouwenspersoon" count; other
 * placeholders (`{{school.…}}`, required values) are left for {@link features} to drop.
 */
export function bodyWithDefaults(c: Pick<AlignClause, 'body' | 'variables'>): string {
  return c.body.replace(/\{\{\s*([A-Za-z]\w*)\s*(?:\|[^}]*)?\}\}/g, (all, name: string) => {
    const d = c.variables?.[name]?.default;
    if (d === undefined) return all;
    return Array.isArray(d) ? d.join(', ') : String(d);
  });
}

/** Words that name the people a rule speaks to, by audience (Dutch stems). */
const AUDIENCE_WORDS: [Audience, RegExp][] = [
  ['pupils', /\b(leerling\w*|deelnemer\w*|student\w*|kinder\w*|kind)\b/],
  ['staff', /\b(medewerker\w*|personeel\w*|leerkracht\w*|docent\w*|leraren|leraar|werknemer\w*|collega\w*)\b/],
  ['parents', /\b(ouder[s]?\b|ouders\/verzorgers|verzorger\w*)/],
  ['everyone', /\b(alle gebruikers|alle betrokkenen|iedereen|betrokkene)\b/],
];

/**
 * The addressees a text names, most specific first: the section heading counts, and a rule in the second person
 * under a heading for pupils speaks to pupils.
 *
 * @param heading the section heading the rule stands under, or ''.
 * @param text the rule's text.
 */
export function addressees(heading: string, text: string): Set<Audience> {
  return addresseesFrom(heading, text).who;
}

/** {@link addressees}, and whether the section heading named them (a stronger sign than the rule's own words). */
function addresseesFrom(heading: string, text: string): { who: Set<Audience>; fromHeading: boolean } {
  const fromHeading = headingAudiences(heading);
  if (fromHeading.size) return { who: fromHeading, fromHeading: true };
  const out = new Set<Audience>();
  const t = text.toLowerCase();
  for (const [a, re] of AUDIENCE_WORDS) if (re.test(t)) out.add(a);
  return { who: out, fromHeading: false };
}

/** The audience a section heading names: one group; several groups and everyone when it names several; or none. */
function headingAudiences(heading: string): Set<Audience> {
  const h = heading.toLowerCase();
  const out = new Set<Audience>();
  for (const [a, re] of AUDIENCE_WORDS) if (re.test(h)) out.add(a);
  if (out.size > 1) out.add('everyone');
  return out;
}

/** Aligns rules to clauses; build one with {@link buildAligner}. */
export interface Aligner {
  /** Scores below this become own articles. Calibrated on the examples by {@link buildAligner}. */
  threshold: number;
  /**
   * Aligns one rule.
   * @param text the rule's text.
   * @param heading the heading of the section it stands in ('' when none).
   */
  align(text: string, heading?: string): Alignment;
  /** The clauses by id, as given. */
  clauses: ReadonlyMap<string, AlignClause>;
}

/** Options of {@link buildAligner}. */
export interface AlignerOptions {
  /** Leave the examples of this model out (leave-one-out measurement). */
  excludeModel?: string;
  /**
   * With `excludeModel`: also hide the body of every clause made only from that model (its title and summary stay),
   * since such a body is that model's own wording. A stricter leave-one-out than the issue asks for.
   */
  strict?: boolean;
  /** Use this threshold instead of calibrating one. */
  threshold?: number;
}

interface Doc {
  clause: string;
  kind: 'body' | 'summary' | 'example';
  model?: string;
  vec: Vector;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w) dot += v * w;
  }
  return dot;
}

/** How much the summary weighs next to the closest body or example. */
const SUMMARY_WEIGHT = 0.15;
/** A clause for other addressees than the rule's own words name is scored this much lower. */
const AUDIENCE_MISMATCH = 0.85;
/** … and this much lower when the section heading names them ("Personeel", "Voor ouders"). */
const HEADING_MISMATCH = 0.6;
/** Candidates within this distance of the best are re-ranked by their addressees. */
const AUDIENCE_MARGIN = 0.08;

/**
 * Builds an aligner from the library and the labelled examples.
 *
 * The threshold is calibrated on the examples: each example is aligned against the library and the examples of the
 * other models; the threshold is the score that maximises (right clauses − wrong clauses) over those examples, since a
 * wrong clause does harm and an own article does not. With fewer than 10 examples the threshold is 0.3.
 *
 * @param clauses the library's clauses.
 * @param examples reference-model articles with their clause.
 * @param options leave-one-out and a fixed threshold.
 */
export function buildAligner(clauses: AlignClause[], examples: AlignExample[], options: AlignerOptions = {}): Aligner {
  const known = new Map(clauses.map((c) => [c.id, c]));
  const used = examples.filter((e) => e.model !== options.excludeModel && known.has(e.clause));
  const raw: { clause: string; kind: Doc['kind']; model?: string; f: string[] }[] = [];
  for (const c of clauses) {
    const hidden =
      options.strict &&
      options.excludeModel &&
      c.sourceModels?.length &&
      c.sourceModels.every((m) => m === options.excludeModel);
    raw.push({ clause: c.id, kind: 'body', f: features(hidden ? c.title : `${c.title}. ${bodyWithDefaults(c)}`) });
    raw.push({ clause: c.id, kind: 'summary', f: features(c.summary) });
  }
  for (const e of used) raw.push({ clause: e.clause, kind: 'example', model: e.model, f: features(e.text) });

  const df = new Map<string, number>();
  for (const r of raw) for (const t of new Set(r.f)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = raw.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const vectorize = (f: string[]): Vector => {
    const tf = new Map<string, number>();
    for (const t of f) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * idf(t) * (t.includes('_') ? 0.5 : 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const docs: Doc[] = raw.map((r) => ({ clause: r.clause, kind: r.kind, model: r.model, vec: vectorize(r.f) }));

  const scoreAll = (vec: Vector, heading: string, text: string, skipModel?: string): Candidate[] => {
    const best = new Map<string, { main: number; summary: number }>();
    for (const d of docs) {
      if (skipModel && d.model === skipModel) continue;
      const s = cosine(vec, d.vec);
      const cur = best.get(d.clause) ?? { main: 0, summary: 0 };
      if (d.kind === 'summary') cur.summary = Math.max(cur.summary, s);
      else cur.main = Math.max(cur.main, s);
      best.set(d.clause, cur);
    }
    let list = [...best].map(([clause, s]) => ({ clause, score: s.main + SUMMARY_WEIGHT * s.summary }));
    list.sort((a, b) => b.score - a.score);
    const top = list[0]?.score ?? 0;
    const { who, fromHeading } = addresseesFrom(heading, text);
    if (who.size) {
      list = list.map((c) => {
        const aud = known.get(c.clause)!.audiences;
        // A rule for everyone fits a clause for any group; otherwise the groups must meet.
        const fits = who.has('everyone') || aud.some((a) => who.has(a) || (a === 'leadership' && who.has('staff')));
        const onlyEveryone = aud.length === 1 && aud[0] === 'everyone';
        // A clause for other people than the rule names (staff rules under "Leerlingen") is always pushed down.
        if (!fits && !onlyEveryone)
          return { clause: c.clause, score: c.score * (fromHeading ? HEADING_MISMATCH : AUDIENCE_MISMATCH) };
        // A rule for everyone is better served by a clause for everyone than by one for a single group.
        if (who.has('everyone') && !onlyEveryone && aud.length < 3)
          return { clause: c.clause, score: c.score * AUDIENCE_MISMATCH };
        if (c.score < top - AUDIENCE_MARGIN) return c;
        const specific = !who.has('everyone');
        let factor = 1;
        if (onlyEveryone && specific) factor = 0.97;
        else if (fits && !onlyEveryone && specific) factor = 1.02;
        return { clause: c.clause, score: c.score * factor };
      });
      list.sort((a, b) => b.score - a.score);
    }
    return list.slice(0, 5).map((c) => ({ clause: c.clause, score: Math.min(1, c.score) }));
  };

  let threshold = options.threshold ?? 0.3;
  if (options.threshold === undefined && used.length >= 10) {
    const points: { score: number; right: boolean }[] = [];
    for (let i = 0; i < used.length; i++) {
      const e = used[i]!;
      const vec = vectorize(features(e.text));
      const cands = scoreAll(vec, '', e.text, e.model);
      const top = cands[0];
      if (top) points.push({ score: top.score, right: top.clause === e.clause });
    }
    threshold = calibrateThreshold(points);
  }

  return {
    threshold,
    clauses: known,
    align(text: string, heading = ''): Alignment {
      const candidates = scoreAll(vectorize(features(text)), heading, text);
      const top = candidates[0];
      const score = top ? Math.round(top.score * 1000) / 1000 : 0;
      return { clause: top && top.score >= threshold ? top.clause : null, score, candidates };
    },
  };
}

/**
 * The threshold that maximises (right − wrong) among the alignments at or above it: a right clause counts +1,
 * a wrong clause −1, an own article 0. Ties go to the lower threshold (more articles aligned).
 *
 * @param points the best score of each labelled example and whether its clause was right.
 * @returns a score between 0 and 1.
 */
export function calibrateThreshold(points: { score: number; right: boolean }[]): number {
  const sorted = [...points].sort((a, b) => b.score - a.score);
  let sum = 0;
  let best = 0;
  let bestAt = 1;
  for (const p of sorted) {
    sum += p.right ? 1 : -1;
    if (sum >= best) {
      best = sum;
      bestAt = p.score;
    }
  }
  return Math.round(bestAt * 1000) / 1000;
}
