/**
 * The aligner's inputs from what the build and the wizard already have: the library's clauses and the reference
 * models' articles mapped to clauses (from `model.yaml` in Node, from the models' documents in the wizard's
 * `bibliotheek.json`). Nothing here names a clause: what the library and the models say is what the aligner knows.
 */
import type { ProtocolDocument } from '../compose/document.ts';
import type { Clause } from '../schema/clause.ts';
import type { ReferenceModel } from '../schema/reference-model.ts';
import type { AlignClause, AlignExample } from './align.ts';

/** The clauses as the aligner reads them. */
export function alignClauses(clauses: Iterable<Clause>): AlignClause[] {
  return [...clauses].map((c) => ({
    id: c.id,
    title: c.title,
    body: c.body,
    summary: c.summary,
    audiences: c.audiences,
    ...(c.choicePoint ? { choicePoint: c.choicePoint, variant: c.variant } : {}),
    ...(c.historic ? { historic: c.historic } : {}),
    // `sources` may be absent for a clause that rests on law or guidance alone (its `basis`).
    sourceModels: (c.sources ?? []).map((s) => s.model),
    variables: c.variables,
  }));
}

/** Every article of the reference models that names a clause, as a labelled example. */
export function examplesFromModels(models: Iterable<ReferenceModel>): AlignExample[] {
  const out: AlignExample[] = [];
  for (const m of models) {
    for (const s of m.sections) {
      for (const p of s.parts) {
        if ('article' in p && p.article.clause)
          out.push({ model: m.id, clause: p.article.clause, text: p.article.text });
      }
    }
  }
  return out;
}

/** The same examples from the models' documents (the wizard's `bibliotheek.json` carries those, not `model.yaml`). */
export function examplesFromDocuments(docs: Iterable<{ id: string; doc: ProtocolDocument }>): AlignExample[] {
  const out: AlignExample[] = [];
  for (const { id, doc } of docs) {
    for (const s of doc.sections) {
      for (const item of s.items) {
        if ('article' in item && item.article.clause)
          out.push({ model: id, clause: item.article.clause, text: item.article.text });
      }
    }
  }
  return out;
}
