import type { ReferenceModel } from '../schema/reference-model.ts';
import type { DocSection, Library, ProtocolDocument } from './document.ts';

/**
 * Turns a reference model's structured form into a document: its own sections, numbering and wording,
 * each article keyed by the clause it is mapped to (so it aligns with protocols in a diff).
 * Titles and summaries come from the clause, when the library has it.
 */
export function modelToDocument(model: ReferenceModel, library?: Library): ProtocolDocument {
  const sections: DocSection[] = model.sections.map((s) => ({
    title: s.title,
    label: s.label,
    numbered: s.numbered,
    anchor: `sectie-${s.key}`,
    items: s.parts.map((p) => {
      if (!('article' in p)) return { nonNormative: p.nonNormative };
      const a = p.article;
      const clause = a.clause ? library?.clauses.get(a.clause) : undefined;
      return {
        article: {
          key: a.clause ?? `model/${a.ref}`,
          clause: a.clause,
          number: a.number,
          numberAdded: a.numberAdded,
          citation: s.label ? `${s.label}${a.number}` : `${s.title} ${a.numberAdded ? `[${a.number}]` : a.number}`,
          anchor: a.ref,
          title: clause?.title ?? a.ref,
          text: a.text,
          summary: clause?.summary,
          audiences: clause?.audiences ?? ['everyone'],
          choicePoint: clause?.choicePoint,
          variant: clause?.variant,
          origin: 'model' as const,
          note: a.note,
          corrections: a.corrections.length ? a.corrections : undefined,
        },
      };
    }),
  }));
  return {
    kind: 'model',
    id: model.id,
    title: model.title,
    organisation: model.organisation,
    board: model.board,
    place: model.place,
    sectors: model.sectors,
    version: model.version,
    dated: model.dated,
    adoption: model.adoption,
    contacts: [],
    front: model.front,
    sections,
    back: model.back,
  };
}
