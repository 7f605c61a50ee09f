import fs from 'node:fs';
import path from 'node:path';
import { ContentError, type Problem } from '../lib/errors/content-error.ts';
import { parseYamlWith } from '../lib/errors/parse-yaml.ts';
import { ChoicePointsFileSchema, type ChoicePoint, type Clause } from '../lib/schema/clause.ts';
import { parseClauseFile } from '../lib/schema/parse-clause.ts';
import type { ModelWithSource } from '../lib/model/check-library.ts';
import { ReferenceModelSchema } from '../lib/schema/reference-model.ts';
import { contentDir, rel } from './paths.ts';

/** Runs `fn` for each item, collecting the ContentErrors of all of them into one. */
function collect<T, R>(items: T[], fn: (item: T) => R): R[] {
  const problems: Problem[] = [];
  const out: R[] = [];
  for (const item of items) {
    try {
      out.push(fn(item));
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new ContentError(problems);
  return out;
}

/**
 * Loads every clause under `content/clauses/<section>/<slug>.md`, sorted by id.
 * @throws ContentError listing every invalid file.
 */
export function loadClauses(dir = path.join(contentDir(), 'clauses')): Map<string, Clause> {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `${d.name}/${f.slice(0, -3)}`),
    )
    .sort();
  const clauses = collect(files, (id) => {
    const file = path.join(dir, `${id}.md`);
    return parseClauseFile(fs.readFileSync(file, 'utf8'), id, rel(file));
  });
  return new Map(clauses.map((c) => [c.id, c]));
}

/** Loads `content/choice-points.yaml`. @throws ContentError when invalid. */
export function loadChoicePoints(file = path.join(contentDir(), 'choice-points.yaml')): Map<string, ChoicePoint> {
  const { data } = parseYamlWith(ChoicePointsFileSchema, fs.readFileSync(file, 'utf8'), rel(file));
  return new Map(Object.entries(data).map(([id, cp]) => [id, { ...cp, id }]));
}

/** A reference model with its source text as received and the line of each article in its `model.yaml`. */
export type LoadedModel = ModelWithSource;

/**
 * Loads every reference model (`content/reference-models/<id>/model.yaml` and `source.txt`).
 * @throws ContentError when a model is invalid or its `id` is not its folder name.
 */
export function loadReferenceModels(dir = path.join(contentDir(), 'reference-models')): Map<string, LoadedModel> {
  const ids = fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, 'model.yaml')))
    .sort();
  const models = collect(ids, (id) => {
    const file = path.join(dir, id, 'model.yaml');
    const { data, located } = parseYamlWith(ReferenceModelSchema, fs.readFileSync(file, 'utf8'), rel(file));
    if (data.id !== id) {
      const message = `is \`${data.id}\`, maar de map heet \`${id}\`.`;
      const line = located.lineOf(['id']);
      throw new ContentError([{ rule: 'model-id-mismatch', file: rel(file), line, field: 'id', message }]);
    }
    // The line of each article's `ref`, so library and model problems can name it (a plain record: it survives
    // the build's JSON snapshot, where a function would not).
    const articleLines: Record<string, number> = {};
    data.sections.forEach((s, si) =>
      s.parts.forEach((p, pi) => {
        const line = 'article' in p ? located.lineOf(['sections', si, 'parts', pi, 'article', 'ref']) : undefined;
        if ('article' in p && line !== undefined) articleLines[p.article.ref] = line;
      }),
    );
    const sourceText = fs.readFileSync(path.join(dir, id, 'source.txt'), 'utf8');
    return { ...data, sourceText, file: rel(file), articleLines };
  });
  return new Map(models.map((m) => [m.id, m]));
}
