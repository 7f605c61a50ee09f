import fs from 'node:fs';
import path from 'node:path';
import { ContentError, type Problem } from '../lib/errors/content-error.ts';
import { parseYamlWith } from '../lib/yaml/parse-yaml.ts';
import { decodeText } from '../lib/yaml/decode-text.ts';
import { ChoicePointsFileSchema, type ChoicePoint, type Clause } from '../lib/schema/clause.ts';
import { parseClauseFile } from '../lib/schema/parse-clause.ts';
import { ReferenceModelSchema, type ReferenceModel } from '../lib/schema/reference-model.ts';
import { contentDir, rel } from './paths.ts';

/**
 * Reads a content file as UTF-8 text ({@link decodeText}): a file in another encoding is refused with
 * "save as UTF-8" (rule `file-not-utf8`) instead of having its letters changed.
 *
 * @param file absolute path.
 * @throws ContentError when the file is not UTF-8.
 */
export function readContentFile(file: string): string {
  return decodeText(fs.readFileSync(file), rel(file));
}

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
    return parseClauseFile(readContentFile(file), id, rel(file));
  });
  return new Map(clauses.map((c) => [c.id, c]));
}

/** Loads `content/choice-points.yaml`. @throws ContentError when invalid. */
export function loadChoicePoints(file = path.join(contentDir(), 'choice-points.yaml')): Map<string, ChoicePoint> {
  const { data } = parseYamlWith(ChoicePointsFileSchema, readContentFile(file), rel(file));
  return new Map(Object.entries(data).map(([id, cp]) => [id, { ...cp, id }]));
}

/**
 * A reference model with its source text as received, its file, and the 1-based line of each article (by ref), so
 * that problems about a model's article can name its line.
 */
export type LoadedModel = ReferenceModel & { sourceText: string; file: string; articleLines: Map<string, number> };

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
    const { data, located } = parseYamlWith(ReferenceModelSchema, readContentFile(file), rel(file));
    if (data.id !== id) {
      const message = `is \`${data.id}\`, maar de map heet \`${id}\`.`;
      throw new ContentError([
        { rule: 'model-id-mismatch', file: rel(file), line: located.lineOf(['id']), field: 'id', message },
      ]);
    }
    const articleLines = new Map<string, number>();
    data.sections.forEach((section, si) =>
      section.parts.forEach((part, pi) => {
        const line = 'article' in part ? located.lineOf(['sections', si, 'parts', pi, 'article']) : undefined;
        if ('article' in part && line) articleLines.set(part.article.ref, line);
      }),
    );
    return { ...data, sourceText: readContentFile(path.join(dir, id, 'source.txt')), file: rel(file), articleLines };
  });
  return new Map(models.map((m) => [m.id, m]));
}
