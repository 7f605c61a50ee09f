import { diffText } from '../diff/diff-documents.ts';
import type { Problem } from '../errors/content-error.ts';
import { fillTemplate } from '../render/fill-template.ts';
import { renderWordsText } from '../render/render-terminal.ts';
import type { Clause } from '../schema/clause.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import { modelArticles } from './model-articles.ts';

/** Collapses runs of white space to one space and trims, so that line wrapping does not count. */
export function foldSpace(s: string): string {
  return s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/**
 * A short word diff for messages: `… [-weg-] {+erbij+} …`, written by the one word-diff formatter
 * ({@link renderWordsText}); kept runs longer than 40 characters are cut to their ends.
 */
export function wordDiffSummary(expected: string, actual: string): string {
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 15)}…${text.slice(-15)}` : text);
  return renderWordsText(diffText(expected, actual).map((p) => (p.op === 'same' ? { ...p, text: short(p.text) } : p)));
}

/**
 * Checks a clause's `sources` against the reference models: each names an existing model and
 * article, and each source marked `wording: template` reads exactly as that article when the body
 * is filled with the source's `values` and the model's school values (white space folded).
 *
 * @returns problems, empty when all is well.
 */
export function checkClauseSources(clause: Clause, models: ReadonlyMap<string, ReferenceModel>): Problem[] {
  const problems: Problem[] = [];
  clause.sources.forEach((src, i) => {
    const field = `sources.${i}`;
    const model = models.get(src.model);
    if (!model) {
      problems.push({ file: clause.file, field, message: `onbekend referentiemodel \`${src.model}\`. Kies uit: ${[...models.keys()].join(', ')}.` });
      return;
    }
    const article = modelArticles(model).get(src.article);
    if (!article) {
      problems.push({ file: clause.file, field, message: `\`${src.model}\` heeft geen artikel \`${src.article}\`.` });
      return;
    }
    if (src.wording !== 'template') return;
    let filled: string;
    try {
      filled = fillTemplate(clause.body, clause.variables, src.values, model.school);
    } catch (e) {
      problems.push({ file: clause.file, field, message: (e as Error).message });
      return;
    }
    if (foldSpace(filled) !== foldSpace(article.text)) {
      problems.push({
        file: clause.file,
        field,
        message: `de tekst met deze waarden wijkt af van ${src.model} ${src.article}: ${wordDiffSummary(foldSpace(article.text), foldSpace(filled))}. Pas de tekst of de waarden aan, of zet \`wording: own\`.`,
      });
    }
  });
  return problems;
}
