import { diffWords } from 'diff';
import type { Problem } from '../errors/content-error.ts';
import { fillTemplate, schoolValues } from '../compose/fill-template.ts';
import type { Clause } from '../schema/clause.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import type { RelatedPlace } from '../errors/content-error.ts';
import { modelArticles } from './model-articles.ts';

/** Collapses runs of white space to one space and trims, so that line wrapping does not count. */
export function foldSpace(s: string): string {
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** A short word diff for messages: `… [-weg-]{+erbij+} …`. */
export function wordDiffSummary(expected: string, actual: string): string {
  return diffWords(expected, actual)
    .map((p) =>
      p.added
        ? `{+${p.value}+}`
        : p.removed
          ? `[-${p.value}-]`
          : p.value.length > 40
            ? `${p.value.slice(0, 15)}…${p.value.slice(-15)}`
            : p.value,
    )
    .join('');
}

/**
 * Checks a clause's `sources` against the reference models: each names an existing model and
 * article, and each source marked `wording: template` reads exactly as that article when the body
 * is filled with the source's `values` and the model's school block (white space folded). Problems carry rule ids
 * (`unknown-model`, `unknown-article`, `template-error`, `template-mismatch`), the clause's line and the model's.
 *
 * @returns problems, empty when all is well.
 */
export function checkClauseSources(
  clause: Clause,
  models: ReadonlyMap<string, ReferenceModel & { file?: string; articleLines?: ReadonlyMap<string, number> }>,
): Problem[] {
  const problems: Problem[] = [];
  clause.sources.forEach((src, i) => {
    const field = `sources.${i}`;
    const line = clause.lines?.[field];
    const model = models.get(src.model);
    if (!model) {
      problems.push({
        file: clause.file,
        line,
        field,
        rule: 'unknown-model',
        message: `onbekend referentiemodel \`${src.model}\`. Kies uit: ${[...models.keys()].join(', ')}.`,
      });
      return;
    }
    const article = modelArticles(model).get(src.article);
    if (!article) {
      const refs = [...modelArticles(model).keys()];
      problems.push({
        file: clause.file,
        line,
        field,
        rule: 'unknown-article',
        message: `\`${src.model}\` heeft geen artikel \`${src.article}\`. Het model heeft: ${refs.slice(0, 12).join(', ')}${refs.length > 12 ? ', …' : ''}.`,
        related: [{ file: model.file ?? `content/reference-models/${model.id}/model.yaml` }],
      });
      return;
    }
    if (src.wording !== 'template') return;
    let filled: string;
    try {
      filled = fillTemplate(clause.body, clause.variables, src.values, schoolValues(model.school));
    } catch (e) {
      problems.push({ file: clause.file, line, field, rule: 'template-error', message: (e as Error).message });
      return;
    }
    if (foldSpace(filled) !== foldSpace(article.text)) {
      const modelFile = model.file ?? `content/reference-models/${model.id}/model.yaml`;
      const modelLine = model.articleLines?.get(src.article);
      const related: RelatedPlace = { file: modelFile, line: modelLine, field: src.article };
      problems.push({
        file: clause.file,
        line,
        field,
        rule: 'template-mismatch',
        message: `de tekst met deze waarden wijkt af van ${src.model} ${src.article} (${modelFile}${modelLine ? `:${modelLine}` : ''}): ${wordDiffSummary(foldSpace(article.text), foldSpace(filled))}. Pas de tekst of de waarden aan; verschilt het model alleen door een schrijffout, zijn eigen namen of een bewerking van de bibliotheek, zet dan \`wording: edited\` met \`edits\`; heeft het model eigen woorden, zet \`wording: own\`.`,
        related: [related],
      });
    }
  });
  return problems;
}
