import type { DocArticle, ProtocolDocument } from '../compose/document.ts';
import type { Audience } from '../schema/common.ts';

/** One "Wat geldt voor mij?" view of a published protocol: who picks it, where it lives, which articles it shows. */
export interface AudienceView {
  /** Path segment under `/protocollen/<school>/voor/`, e.g. `leerlingen`. */
  slug: 'leerlingen' | 'ouders' | 'medewerkers';
  /** The reader as they name themselves, for the link text: "Ik ben ouder/verzorger". */
  label: string;
  /** The audiences whose articles concern this reader; `everyone` is always among them. */
  audiences: readonly Audience[];
}

/**
 * The three views a reader can pick. An article addressed to `everyone` belongs to all three; articles for the
 * school leadership (`leadership`) are shown to staff, because leadership is staff too.
 *
 * @param pupilsWord the school's word for its pupils (`leerlingen`, `deelnemers`, `studenten`), used in the label.
 */
export function audienceViews(pupilsWord = 'leerlingen'): AudienceView[] {
  return [
    { slug: 'leerlingen', label: pupilsWord, audiences: ['everyone', 'pupils'] },
    { slug: 'ouders', label: 'ouders/verzorgers', audiences: ['everyone', 'parents'] },
    { slug: 'medewerkers', label: 'medewerkers', audiences: ['everyone', 'staff', 'leadership'] },
  ];
}

/** True when the article concerns a reader of `view`: one of its audiences is one of the view's. */
export function concerns(article: Pick<DocArticle, 'audiences'>, view: Pick<AudienceView, 'audiences'>): boolean {
  return article.audiences.some((a) => view.audiences.includes(a));
}

/**
 * The part of a document that concerns the readers of one view: the same sections, numbers and anchors,
 * with only the articles that {@link concerns} them; sections left without articles are dropped.
 * Non-normative parts (models only) are left out.
 *
 * @returns a new document; the input is not changed.
 */
export function documentForAudience(doc: ProtocolDocument, view: Pick<AudienceView, 'audiences'>): ProtocolDocument {
  const sections = doc.sections
    .map((s) => ({ ...s, items: s.items.filter((i) => 'article' in i && concerns(i.article, view)) }))
    .filter((s) => s.items.length > 0);
  return { ...doc, front: [], back: [], sections };
}
