import type { Correction, NonNormativePart, ReferenceModel } from '../schema/reference-model.ts';

/**
 * Normalises extracted text for the fidelity comparison: drops the formatting marks that the
 * extraction added (markdown `**`, `*`, `#` headings, `---` rules, list dashes at a line start)
 * and folds all white space. Words, punctuation and bullet glyphs are kept: those differences
 * must be recorded as corrections.
 *
 * @returns the words of `text`, in order.
 */
export function fidelityTokens(text: string): string[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*-{3,}\s*$/, '')
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*-\s+/, '')
        .replace(/\*+/g, ''),
    )
    .join(' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/**
 * Undoes a part's corrections, giving back the text as it stood in the source.
 * @throws Error when a correction's `corrected` text does not occur in `text` (a stale correction).
 */
export function revertCorrections(text: string, corrections: readonly Correction[], where: string): string {
  let out = text;
  for (const c of corrections) {
    if (c.corrected === '')
      throw new Error(`${where}: correctie "${c.original}" heeft een lege verbeterde tekst; geef wat context mee.`);
    if (!out.includes(c.corrected)) {
      throw new Error(`${where}: de verbeterde tekst "${c.corrected}" staat niet in de tekst; pas de correctie aan.`);
    }
    out = out.split(c.corrected).join(c.original);
  }
  return out;
}

function partText(p: NonNormativePart, where: string): string {
  return revertCorrections(p.text, p.corrections, where);
}

/**
 * Rebuilds the source text of a model from its structured form, in document order, with every
 * correction reverted: front parts, then per section its label and title, its articles
 * (with the printed number, not an added one) and its non-normative parts, then the back parts.
 */
export function reconstructSource(model: ReferenceModel): string {
  const out: string[] = [];
  model.front.forEach((p, i) => out.push(partText(p, `front.${i}`)));
  for (const s of model.sections) {
    const title = revertCorrections(s.title, s.corrections, `sectie ${s.key}`);
    out.push(s.label ? `${s.label}. ${title}` : title);
    for (const part of s.parts) {
      if ('article' in part) {
        const a = part.article;
        const text = revertCorrections(a.text, a.corrections, `artikel ${a.ref}`);
        out.push(a.numberAdded ? text : `${a.number}. ${text}`);
      } else {
        out.push(partText(part.nonNormative, `sectie ${s.key}`));
      }
    }
  }
  model.back.forEach((p, i) => out.push(partText(p, `back.${i}`)));
  return out.join('\n\n');
}

/** The outcome of a fidelity check: empty `problems` means the model holds the source exactly. */
export interface FidelityReport {
  /** Words of the source as received (after {@link fidelityTokens}). */
  sourceWords: number;
  /** Each difference, with about ten words of context on each side. */
  problems: string[];
}

/**
 * Checks that a model accounts for every word of its source, in order, exactly once:
 * nothing dropped, nothing invented, up to recorded corrections and formatting marks.
 * Reports the first differences as "bron: … / model: …" with context.
 */
export function checkFidelity(model: ReferenceModel, sourceText: string, maxProblems = 5): FidelityReport {
  const src = fidelityTokens(sourceText);
  let rebuilt: string[];
  try {
    rebuilt = fidelityTokens(reconstructSource(model));
  } catch (e) {
    return { sourceWords: src.length, problems: [(e as Error).message] };
  }
  const problems: string[] = [];
  let i = 0;
  let j = 0;
  while ((i < src.length || j < rebuilt.length) && problems.length < maxProblems) {
    if (src[i] === rebuilt[j]) {
      i++;
      j++;
      continue;
    }
    problems.push(
      `verschil bij woord ${i + 1} van de bron:\n  bron:  …${src.slice(Math.max(0, i - 8), i + 10).join(' ')}\n  model: …${rebuilt
        .slice(Math.max(0, j - 8), j + 10)
        .join(' ')}`,
    );
    // Resynchronise: find the next place where 4 words agree again.
    let found = false;
    for (let d = 1; d < 400 && !found; d++) {
      for (let a = 0; a <= d && !found; a++) {
        const b = d - a;
        if (src.slice(i + a, i + a + 4).join(' ') === rebuilt.slice(j + b, j + b + 4).join(' ') && i + a < src.length) {
          i += a;
          j += b;
          found = true;
        }
      }
    }
    if (!found) break;
  }
  return { sourceWords: src.length, problems };
}
