import type { Library } from '../compose/document.ts';
import { fillTemplate, schoolValues } from '../compose/fill-template.ts';
import type { ProtocolInput, SchoolInput } from '../schema/protocol.ts';
import { PROTOCOL_FORMAT } from '../schema/protocol.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import type { VariableValue } from '../schema/clause.ts';
import { ContentError, type Problem } from '../errors/content-error.ts';
import { foldSpace } from './check-sources.ts';

/**
 * Where the model and its library sources can be found in files, for located messages: the model's file with the
 * line of each article ref, and each clause's file. All optional: without them messages name no lines.
 */
export interface ModelPlaces {
  /** The model's file, e.g. `content/reference-models/scope-2012/model.yaml`. */
  file?: string;
  /** 1-based line of each article, by ref. */
  articleLines?: ReadonlyMap<string, number>;
}

/**
 * The model's own school block as a protocol's `school`: the names its wording uses, its board, sector, place,
 * word for pupils, account and reporting contacts (`model.yaml` `school`, `board`, `place`, `sectors[0]`).
 */
export function modelSchool(model: ReferenceModel): SchoolInput {
  const s = model.school;
  return {
    name: s.name,
    ...(s.nameInText ? { nameInText: s.nameInText } : {}),
    ...((s.board ?? model.board) ? { board: s.board ?? model.board } : {}),
    ...(s.boardInText ? { boardInText: s.boardInText } : {}),
    sector: model.sectors[0]!,
    ...(model.place ? { place: model.place } : {}),
    pupils: s.pupils,
    ...(s.pupil ? { pupil: s.pupil } : {}),
    ...(s.account ? { account: s.account } : {}),
    ...(s.contacts.length ? { contacts: s.contacts.map((c) => ({ ...c })) } : {}),
  };
}

/**
 * The composition that rebuilds a reference model from the library, word for word: the model's sections in its
 * order, each article the clause it is mapped to with the values of that clause's source entry, and the model's
 * own school block. Where the library text filled in this way does not read exactly as the article
 * (`wording: edited` or `own`), the article's text is kept as an override, so the rebuild's diff against its model
 * is empty and the diff of a school against the model shows where the school's wording differs.
 *
 * Pure: no files. `npm run rebuild-models` writes the result to `content/protocols/<model-id>.yaml`; the wizard's
 * "start from a model" uses it through {@link startFromModel}.
 *
 * @param model a schema-valid reference model.
 * @param library the clause library (every article's clause must exist and name the article as a source).
 * @param places files and lines for messages.
 * @throws ContentError (rule `unmapped-article` or `source-missing`) naming the model's article line and the
 *   clause's file when an article cannot be rebuilt.
 */
export function modelToProtocol(model: ReferenceModel, library: Library, places: ModelPlaces = {}): ProtocolInput {
  const school = modelSchool(model);
  const values = schoolValues(school);
  const overrides: Record<string, string> = {};
  const problems: Problem[] = [];
  const file = places.file ?? `content/reference-models/${model.id}/model.yaml`;
  const sections = model.sections
    .filter((s) => s.parts.some((p) => 'article' in p))
    .map((s) => ({
      title: s.title,
      ...(s.label ? { label: s.label } : {}),
      numbered: s.numbered,
      articles: s.parts.flatMap((p) => {
        if (!('article' in p)) return [];
        const a = p.article;
        const line = places.articleLines?.get(a.ref);
        const clause = a.clause ? library.clauses.get(a.clause) : undefined;
        if (!clause) {
          problems.push({
            file,
            line,
            field: `${a.ref}.clause`,
            rule: 'unmapped-article',
            message: a.clause
              ? `artikel ${a.ref} is gekoppeld aan \`${a.clause}\`, maar die bepaling bestaat niet. Maak de bepaling of koppel een andere.`
              : `artikel ${a.ref} is aan geen bepaling gekoppeld; vul \`clause\` in.`,
          });
          return [];
        }
        const source = clause.sources.find((x) => x.model === model.id && x.article === a.ref);
        if (!source) {
          problems.push({
            file: clause.file,
            field: 'sources',
            rule: 'source-missing',
            message: `${model.id} ${a.ref} is aan deze bepaling gekoppeld, maar de bepaling noemt dat artikel niet onder \`sources\`. Voeg \`- { model: ${model.id}, article: ${a.ref} }\` toe (met \`wording\`).`,
            related: [{ file, line, field: `${a.ref}.clause` }],
          });
          return [];
        }
        const articleValues: Record<string, VariableValue> = { ...source.values };
        let filled: string | undefined;
        try {
          filled = fillTemplate(clause.body, clause.variables, articleValues, values);
        } catch {
          filled = undefined;
        }
        if (filled === undefined || foldSpace(filled) !== foldSpace(a.text)) overrides[clause.id] = a.text;
        return [
          Object.keys(articleValues).length ? { clause: clause.id, values: articleValues } : { clause: clause.id },
        ];
      }),
    }));
  if (problems.length) throw new ContentError(problems);
  return {
    format: PROTOCOL_FORMAT,
    title: model.title,
    school,
    version: model.version ?? model.datedIso,
    ...(model.adoption ? { adoption: model.adoption } : {}),
    startsFrom: model.id,
    sections,
    overrides,
  };
}
