import type { ModelArticle, ReferenceModel } from '../schema/reference-model.ts';

/** An article of a reference model with the section it stands in. */
export interface PlacedModelArticle extends ModelArticle {
  /** Key of the section, e.g. `A`. */
  sectionKey: string;
}

/** All articles of a model in document order, keyed by `ref` (`L3`, `A5a`). */
export function modelArticles(model: ReferenceModel): Map<string, PlacedModelArticle> {
  const out = new Map<string, PlacedModelArticle>();
  for (const s of model.sections) {
    for (const p of s.parts) if ('article' in p) out.set(p.article.ref, { ...p.article, sectionKey: s.key });
  }
  return out;
}
