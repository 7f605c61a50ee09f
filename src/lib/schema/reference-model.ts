import { z } from 'astro/zod';
import { labelTable } from '../../i18n/t.ts';
import { ClauseIdSchema, IsoDateSchema, ModelIdSchema, SectorSchema } from './common.ts';
import { ContactSchema } from './protocol.ts';

/**
 * A repair of extraction damage in a reference model's text (DOMAIN.md: "Where extraction damaged it,
 * a correction is recorded (original, corrected, why) and shown, never made silently").
 *
 * The structured form stores the corrected text. The fidelity test reverts every correction
 * (replaces each occurrence of `corrected` with `original`) and must then find the source as received.
 */
export const CorrectionSchema = z.strictObject({
  /** The characters as they stand in the source text, e.g. `Al-beelden`. */
  original: z.string().min(1),
  /** What the structured form says instead, e.g. `AI-beelden`. Must occur in the part's text. */
  corrected: z.string(),
  /** Why, in Dutch, for the model's page: `OCR las 'AI' als 'Al'.` */
  reason: z.string().min(1),
});
export type Correction = z.output<typeof CorrectionSchema>;

/**
 * Kinds of text in a source that are not rules (DOMAIN.md: "Non-normative parts ... are kept as what
 * they are, not turned into rules").
 * - `title`: the document's title line(s); `cover`: cover page details (address, IBAN, ...);
 * - `toc`: a table of contents with page numbers; `heading`: a heading that groups sections but holds no articles;
 * - `quote`: text printed in the layout (Mill Hill's ALL-CAPS pupil quotes); `footnote`: a footnote citing sources;
 * - `drafting-note`: a note of the authors to themselves; `appendix-reference`: points at an appendix that is not there;
 * - `document-reference`: points at another document of the school (the antipestprotocol). Every pointer to another
 *   document is one of these two kinds, never an article: a school lists its documents in `school.documents`;
 * - `adoption`: the sentence(s) saying who adopted the document and when; `closing`: a place-and-date line at the end.
 */
export const NonNormativeKindSchema = z.enum([
  'title',
  'cover',
  'toc',
  'heading',
  'quote',
  'footnote',
  'drafting-note',
  'appendix-reference',
  'document-reference',
  'adoption',
  'closing',
]);
export type NonNormativeKind = z.output<typeof NonNormativeKindSchema>;

/** Dutch name of each non-normative kind, shown on the model page (`nonNormative.*` in nl.json). */
export const NON_NORMATIVE_LABELS: Record<NonNormativeKind, string> = labelTable(
  'nonNormative',
  NonNormativeKindSchema.options,
);

/** A non-normative part of a model: kept and shown, never an article. */
export const NonNormativePartSchema = z.strictObject({
  kind: NonNormativeKindSchema,
  /** The text as in the source (after corrections), line breaks kept. */
  text: z.string().min(1),
  /** Footnote marker as printed in the text it belongs to, e.g. `¹`. */
  marker: z.string().optional(),
  /** Editorial remark in Dutch, e.g. why a quote is not a rule. */
  note: z.string().optional(),
  corrections: z.array(CorrectionSchema).default([]),
});
export type NonNormativePart = z.output<typeof NonNormativePartSchema>;

/**
 * One article of a reference model: a numbered rule or, in an introduction, one paragraph.
 *
 * Article body format (shared with clause bodies): paragraphs separated by a blank line; a line
 * starting with `- ` is a list item (its own label such as `a.` stays in the text).
 */
export const ModelArticleSchema = z.strictObject({
  /** Number as printed (`1`, `4`, `12`); for unnumbered sources an added number. */
  number: z.string().min(1),
  /** True when the source has no number here (bullets, paragraphs) and we added one. */
  numberAdded: z.boolean().default(false),
  /** Unique reference inside the model: section key + number, e.g. `L3`, `A5`, `I2`. */
  ref: z
    .string()
    .regex(/^[A-Za-z]+[0-9]+[a-z]?$/, 'Een artikelverwijzing is sectiesleutel + nummer, bijvoorbeeld `L3`.'),
  /** The library clause this article is an instance of; exactly one. */
  clause: ClauseIdSchema.optional(),
  /** The article's text as in the source, after corrections. Without its number. */
  text: z.string().min(1),
  corrections: z.array(CorrectionSchema).default([]),
  /** Editorial remark in Dutch that is not a correction (e.g. a sentence that repeats another article). */
  note: z.string().optional(),
});
export type ModelArticle = z.output<typeof ModelArticleSchema>;

/** A part of a section: an article, or a non-normative part standing between articles. */
export const ModelPartSchema = z.union([
  z.strictObject({ article: ModelArticleSchema }),
  z.strictObject({ nonNormative: NonNormativePartSchema }),
]);

/** A section of a reference model, with its heading as printed. */
export const ModelSectionSchema = z.strictObject({
  /** Short key used in article refs, e.g. `L` for Leerlingen, `A` for "A. Voor alle gebruikers". */
  key: z.string().regex(/^[A-Za-z]+$/),
  /** Letter or number printed before the heading (`A`, `B`), when the source has one. */
  label: z.string().optional(),
  /** The heading as printed in the source (after corrections), without its label. */
  title: z.string().min(1),
  /** True when the source numbers the articles of this section. */
  numbered: z.boolean(),
  corrections: z.array(CorrectionSchema).default([]),
  parts: z.array(ModelPartSchema).default([]),
});

/** Consent of a participation council to a protocol (instemming). */
export const ModelConsentSchema = z.strictObject({
  /** The council as the source names it, e.g. `Gemeenschappelijke Medezeggenschapsraad po`. */
  body: z.string().min(1),
  date: IsoDateSchema,
});

/**
 * The structured form of one reference model: `content/reference-models/<id>/model.yaml`.
 * Beside it, `source.txt` holds the text as received (a copy of the seed in `shared/seeds`).
 */
export const ReferenceModelSchema = z.strictObject({
  /** Must equal the folder name. */
  id: ModelIdSchema,
  /** The seed file this model was made from, e.g. `000_34639c21b7a0f0cd.txt`. */
  seed: z.string().min(1),
  /** The protocol's own title, as printed. */
  title: z.string().min(1),
  /** The organisation that wrote it: a school or a board. */
  organisation: z.string().min(1),
  /** The board (bestuur) behind the school, when named. */
  board: z.string().optional(),
  sectors: z.array(SectorSchema).min(1),
  /** Town, when the source names one. */
  place: z.string().optional(),
  /** The date as the source writes it, e.g. `januari 2023`, `dd 7-11-2024`. */
  dated: z.string().min(1),
  /** The same date, normalised: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  datedIso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** Version, when the source gives one. */
  version: z.string().optional(),
  /** Who adopted it (vaststellen) and when, when the source says so. */
  adoption: z
    .strictObject({ by: z.string().min(1), date: IsoDateSchema, consent: z.array(ModelConsentSchema).default([]) })
    .optional(),
  /**
   * The model's school block: how its wording names the organisation, its board, its pupils, its account and its
   * reporting routes, exactly as the protocol's `school` block does (`SchoolSchema`). Rebuilding the model from the
   * library fills `{{school.…}}` with these; starting a new school from the model replaces every one of them.
   */
  school: z.strictObject({
    name: z.string().min(1),
    nameInText: z.string().min(1).optional(),
    board: z.string().min(1).optional(),
    boardInText: z.string().min(1).optional(),
    pupils: z.string().min(1),
    pupil: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
    contacts: z.array(ContactSchema).default([]),
  }),
  /** Parts before the first section: title, cover, table of contents, adoption line. */
  front: z.array(NonNormativePartSchema).default([]),
  sections: z.array(ModelSectionSchema).min(1),
  /** Parts after the last section's parts: footnotes at the end, closing line, drafting notes. */
  back: z.array(NonNormativePartSchema).default([]),
});
export type ReferenceModel = z.output<typeof ReferenceModelSchema>;
