import type { ChoicePoint, Clause, VariableValue } from '../schema/clause.ts';
import type { Audience } from '../schema/common.ts';
import type { NonNormativePart } from '../schema/reference-model.ts';
import type { Contact, SchoolDocument } from '../schema/protocol.ts';

/** The clause library as composition needs it: clauses and choice points by id. */
export interface Library {
  clauses: ReadonlyMap<string, Clause>;
  choicePoints: ReadonlyMap<string, ChoicePoint>;
}

/**
 * Where an article's text comes from: the library clause filled with values, the school's own text for a
 * library clause (`override`), an article the school wrote (`custom`), or a reference model's own text (`model`).
 */
export type ArticleOrigin = 'library' | 'override' | 'custom' | 'model';

/** One article of a rendered document (a school's protocol or a reference model). */
export interface DocArticle {
  /** Alignment key: the clause id, or `custom/<slug>` for a school's own article. Unique in a document. */
  key: string;
  /** The library clause, when there is one. */
  clause?: string;
  /** Number as shown: `3.2` in a protocol, `L3` style numbering as printed in a model (`5`). */
  number: string;
  /** True when the number is ours, not the source's (models with bullets or prose). */
  numberAdded: boolean;
  /**
   * How a reader cites the article when its number alone is ambiguous: a model's `A1` (label and number) or
   * `Leerlingen 3` (section and number). Protocols number articles uniquely and leave it out.
   */
  citation?: string;
  /** Stable fragment id: for protocols derived from the key (survives renumbering), for models the ref. */
  anchor: string;
  /** Heading: the clause's title or the custom article's title. */
  title: string;
  /** Plain text body (paragraphs, `- ` list items), placeholders filled. */
  text: string;
  /** One plain sentence for families, when known. */
  summary?: string;
  audiences: Audience[];
  choicePoint?: string;
  variant?: string;
  /** The school's values for the clause's variables, as written in the protocol file (protocols only). */
  values?: Record<string, VariableValue>;
  origin: ArticleOrigin;
  /** Editorial note (models only). */
  note?: string;
  /** Corrections of extraction damage (models only). */
  corrections?: { original: string; corrected: string; reason: string }[];
}

/** A section of a document: heading, and its articles and non-normative parts. */
export interface DocSection {
  title: string;
  label?: string;
  numbered: boolean;
  /** Stable fragment id of the heading. */
  anchor: string;
  /** Articles and (models only) non-normative parts, in order. */
  items: ({ article: DocArticle } | { nonNormative: NonNormativePart })[];
}

/** Who adopted a document and when, with the participation council's consent. */
export interface DocAdoption {
  by: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  consent: { body: string; date: string; outcome?: 'ingestemd' | 'niet-ingestemd' }[];
}

/** A protocol or reference model ready to render or compare. */
export interface ProtocolDocument {
  kind: 'protocol' | 'model';
  /** Protocol file name or model id. */
  id: string;
  title: string;
  /** The school or board it belongs to. */
  organisation: string;
  board?: string;
  place?: string;
  sectors: string[];
  version?: string;
  /** Date as written (models) or ISO adoption date. */
  dated?: string;
  adoption?: DocAdoption;
  /** For protocols: the reference model it started from. */
  startsFrom?: string;
  contacts: Contact[];
  /** The school's other documents (`school.documents`), shown on the page, in the PDF and in the .docx (protocols only). */
  documents?: SchoolDocument[];
  /** Non-normative parts before the first section (models only). */
  front: NonNormativePart[];
  sections: DocSection[];
  /** Non-normative parts after the last section (models only). */
  back: NonNormativePart[];
}

/** Every article of a document in reading order. */
export function documentArticles(doc: ProtocolDocument): DocArticle[] {
  return doc.sections.flatMap((s) => s.items.flatMap((i) => ('article' in i ? [i.article] : [])));
}

/** A stable fragment id for a protocol article, from its key: `all-users/respect` → `all-users--respect`. */
export function anchorForKey(key: string): string {
  return key.replace(/\//g, '--');
}
