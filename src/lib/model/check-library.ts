import type { Library } from '../compose/document.ts';
import type { Problem, RelatedPlace } from '../errors/content-error.ts';
import type { Clause } from '../schema/clause.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import { checkClauseSources } from './check-sources.ts';
import { checkFidelity } from './fidelity.ts';
import { modelArticles } from './model-articles.ts';

/**
 * A reference model as the library check needs it: the model, its source text as received, and (optional) its
 * file and the line of each article, so that problems can name both places.
 */
export type CheckedModel = ReferenceModel & {
  sourceText: string;
  file?: string;
  articleLines?: ReadonlyMap<string, number>;
};

/** The place of a model's article: its file and line. */
export function modelPlace(model: CheckedModel, ref: string): RelatedPlace {
  return {
    file: model.file ?? `content/reference-models/${model.id}/model.yaml`,
    line: model.articleLines?.get(ref),
    field: `${ref}.clause`,
  };
}

/** The place of a field of a clause: its file and line (`sources.0`). */
export function clausePlace(clause: Clause, field: string): { file: string; line?: number; field: string } {
  return { file: clause.file, line: clause.lines?.[field], field };
}

/**
 * Checks that the library and the models agree, naming both files (and lines) wherever two are involved. Rules:
 * - `model-fidelity`: a model does not reproduce its source word for word (`checkFidelity`);
 * - `unmapped-article`: a model article names no clause; `unknown-clause`: it names a clause that does not exist;
 * - `source-not-mapped`: a clause names a model article that the model maps to another clause (or to none);
 * - `mapped-not-sourced`: a model article names a clause whose `sources` do not name the article back;
 * - the source checks of {@link checkClauseSources} (`unknown-model`, `unknown-article`, `template-mismatch`);
 * - `unknown-choice-point`; `unknown-required-clause` / `requires-itself` for `requires`.
 * A clause without a model source is fine when it has a `basis` (the schema enforces one of the two).
 *
 * Pure (no files): the build calls it on loaded content, tests on fixtures.
 *
 * @param library clauses and choice points.
 * @param models every reference model with its source text.
 * @returns problems, empty when consistent.
 */
export function checkLibraryAndModels(library: Library, models: ReadonlyMap<string, CheckedModel>): Problem[] {
  const problems: Problem[] = [];
  // model:ref -> the clause the model maps the article to.
  const mappedTo = new Map<string, string>();
  for (const m of models.values()) {
    const file = m.file ?? `content/reference-models/${m.id}/model.yaml`;
    const fidelity = checkFidelity(m, m.sourceText);
    for (const p of fidelity.problems)
      problems.push({ file, rule: 'model-fidelity', message: `niet trouw aan source.txt: ${p}` });
    for (const a of modelArticles(m).values()) {
      const at = modelPlace(m, a.ref);
      if (!a.clause) {
        problems.push({
          ...at,
          rule: 'unmapped-article',
          message: `artikel ${a.ref} is aan geen bepaling gekoppeld; vul \`clause\` in.`,
        });
        continue;
      }
      mappedTo.set(`${m.id}:${a.ref}`, a.clause);
      const clause = library.clauses.get(a.clause);
      if (!clause) {
        problems.push({
          ...at,
          rule: 'unknown-clause',
          message: `artikel ${a.ref} is gekoppeld aan \`${a.clause}\`, maar die bepaling bestaat niet. Maak content/clauses/${a.clause}.md of koppel een bestaande bepaling.`,
        });
      } else if (!clause.sources.some((s) => s.model === m.id && s.article === a.ref)) {
        problems.push({
          ...clausePlace(clause, 'sources'),
          rule: 'mapped-not-sourced',
          message: `${m.id} ${a.ref} is aan deze bepaling gekoppeld (${at.file}${at.line ? `:${at.line}` : ''}), maar \`sources\` noemt dat artikel niet. Voeg \`- { model: ${m.id}, article: ${a.ref} }\` toe (met \`wording\`), of koppel het artikel aan een andere bepaling.`,
          related: [at],
        });
      }
    }
  }
  for (const c of library.clauses.values()) {
    problems.push(...checkClauseSources(c, models));
    c.sources.forEach((s, i) => {
      const model = models.get(s.model);
      if (!model || !modelArticles(model).has(s.article)) return; // reported by checkClauseSources
      const owner = mappedTo.get(`${s.model}:${s.article}`);
      if (owner !== c.id) {
        const at = modelPlace(model, s.article);
        problems.push({
          ...clausePlace(c, `sources.${i}`),
          rule: 'source-not-mapped',
          message: owner
            ? `noemt ${s.model} ${s.article} als bron, maar dat artikel hoort in ${at.file}${at.line ? `:${at.line}` : ''} bij \`${owner}\`. Een artikel hoort bij één bepaling: haal de bron hier weg, of koppel het artikel in het model aan \`${c.id}\`.`
            : `noemt ${s.model} ${s.article} als bron, maar dat artikel is in ${at.file}${at.line ? `:${at.line}` : ''} aan geen bepaling gekoppeld. Zet daar \`clause: ${c.id}\`.`,
          related: [at],
        });
      }
    });
    if (c.choicePoint && !library.choicePoints.has(c.choicePoint)) {
      problems.push({
        ...clausePlace(c, 'choicePoint'),
        rule: 'unknown-choice-point',
        message: `onbekend keuzepunt \`${c.choicePoint}\`; zie content/choice-points.yaml.`,
      });
    }
    c.requires.forEach((id, i) => {
      if (id === c.id) {
        problems.push({
          ...clausePlace(c, `requires.${i}`),
          rule: 'requires-itself',
          message: 'een bepaling kan niet op zichzelf voortbouwen; haal haar eigen id weg uit `requires`.',
        });
      } else if (!library.clauses.has(id)) {
        problems.push({
          ...clausePlace(c, `requires.${i}`),
          rule: 'unknown-required-clause',
          message: `\`${id}\` bestaat niet in de bibliotheek. Noem onder \`requires\` de bepaling waarop deze tekst voortbouwt, als \`<sectie>/<naam>\`.`,
        });
      }
    });
  }
  return problems;
}
