import type { Library } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import type { ChoicePoint, Clause } from '../schema/clause.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import { checkClauseSources } from './check-sources.ts';
import { checkFidelity } from './fidelity.ts';
import { modelArticles } from './model-articles.ts';

/**
 * A reference model as loaded from its folder: the structured form, its file, the source text as received and,
 * when known, the 1-based line of each article (by `ref`) in its `model.yaml`.
 */
export type ModelWithSource = ReferenceModel & {
  sourceText: string;
  file: string;
  articleLines?: Record<string, number>;
};

/**
 * The one check that a clause's choice point exists in `content/choice-points.yaml` (rule `unknown-choice-point`).
 *
 * @param clause the clause.
 * @param choicePoints the choice points by id.
 * @returns the problem in a list, or an empty list.
 */
export function checkChoicePoint(clause: Clause, choicePoints: ReadonlyMap<string, ChoicePoint>): Problem[] {
  if (!clause.choicePoint || choicePoints.has(clause.choicePoint)) return [];
  const message = `onbekend keuzepunt \`${clause.choicePoint}\`; zie content/choice-points.yaml.`;
  return [
    {
      rule: 'unknown-choice-point',
      file: clause.file,
      field: 'choicePoint',
      message,
      related: [{ file: 'content/choice-points.yaml' }],
    },
  ];
}

/**
 * Checks that the library and the models agree: every model is faithful to its source; every model article
 * is mapped to an existing clause; every clause's sources are exactly the model articles mapped to it; every
 * `template` source reproduces its article ({@link checkClauseSources}); choice points exist
 * ({@link checkChoicePoint}).
 * Pure: the files are read by the caller (src/node/site-data.ts). A problem that concerns a clause and a model names
 * the other file in `related`.
 *
 * @param library clauses and choice points.
 * @param models the reference models with their source text.
 * @returns problems, each with its rule id; empty when consistent.
 */
export function checkLibraryAndModels(library: Library, models: ReadonlyMap<string, ModelWithSource>): Problem[] {
  const problems: Problem[] = [];
  const mappedTo = new Map<string, string[]>(); // clause -> ["model:ref"]
  for (const m of models.values()) {
    const fidelity = checkFidelity(m, m.sourceText);
    const source = m.file.replace(/model\.yaml$/, 'source.txt');
    for (const p of fidelity.problems) {
      const message = `niet trouw aan source.txt: ${p}`;
      problems.push({ rule: 'model-not-faithful', file: m.file, message, related: [{ file: source }] });
    }
    for (const a of modelArticles(m).values()) {
      if (!a.clause) {
        const message = 'artikel is aan geen bepaling gekoppeld; vul `clause` in.';
        problems.push({ rule: 'unmapped-article', file: m.file, line: m.articleLines?.[a.ref], field: a.ref, message });
      } else if (!library.clauses.has(a.clause)) {
        const message = `gekoppeld aan \`${a.clause}\`, maar die bepaling bestaat niet.`;
        const line = m.articleLines?.[a.ref];
        problems.push({ rule: 'mapped-to-unknown-clause', file: m.file, line, field: a.ref, message });
      } else mappedTo.set(a.clause, [...(mappedTo.get(a.clause) ?? []), `${m.id}:${a.ref}`]);
    }
  }
  for (const c of library.clauses.values()) {
    problems.push(...checkClauseSources(c, models));
    problems.push(...checkChoicePoint(c, library.choicePoints));
    const declared = c.sources.map((s) => `${s.model}:${s.article}`).sort();
    const mapped = (mappedTo.get(c.id) ?? []).sort();
    if (declared.join() !== mapped.join()) {
      const differ = [...declared.filter((d) => !mapped.includes(d)), ...mapped.filter((d) => !declared.includes(d))];
      const related = differ.flatMap((d) => {
        const [model, ref] = d.split(':');
        const m = models.get(model!);
        return m ? [{ file: m.file, line: m.articleLines?.[ref!], field: ref }] : [];
      });
      problems.push({
        rule: 'sources-mismatch',
        file: c.file,
        field: 'sources',
        message:
          `noemt ${declared.join(', ') || 'niets'}, maar de modellen koppelen ${mapped.join(', ') || 'niets'} ` +
          'aan deze bepaling. Maak ze gelijk.',
        related,
      });
    }
  }
  return problems;
}
