import { z } from 'astro/zod';
import { AudienceSchema, ClauseIdSchema, IsoDateSchema, ModelIdSchema, SectorSchema, SlugSchema } from './common.ts';
import { VariableValueSchema } from './clause.ts';

/** The version of the protocol file format that this code reads. A newer file is refused with a clear message. */
export const PROTOCOL_FORMAT = 1;

/**
 * Optional text where an empty string means "none": `board: ""` reads as no board, so a file, the wizard's export
 * and the file read back again are the same protocol.
 */
const optionalText = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** A person or desk a school names for contact and reporting. */
export const ContactSchema = z.strictObject({
  /** The role as a sentence uses it: `coördinator leerlingzaken`, `vertrouwenspersoon`. */
  role: z.string().min(1),
  /** Name of the person, when the school wants to publish it. */
  name: optionalText(),
  /** E-mail address; linked with `mailto:` on the protocol page. */
  email: z.string().email('geen geldig e-mailadres; schrijf het als naam@school.nl.').optional(),
  /** Phone number as the school writes it (`030 123 45 67`); shown as text. */
  phone: optionalText(),
  /** True when this is a place to report a problem (shown near the top of the published page). */
  reporting: z.boolean().default(false),
});
export type Contact = z.output<typeof ContactSchema>;

/**
 * True for an address a reader can safely open: an absolute `http://` or `https://` URL. Anything else
 * (`javascript:`, `data:`, `file:`, a relative path, text with spaces) is refused, so it never becomes a link.
 *
 * @param text the address as the school wrote it.
 */
export function isWebUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Another document of the school that the protocol refers to: anti-pestprotocol, privacyreglement, gedragscode. */
export const SchoolDocumentSchema = z.strictObject({
  /** The document's name as readers know it: `Anti-pestprotocol`. */
  title: z.string().min(1),
  /** Where it can be read online: an `http://` or `https://` address. Without one the title is shown as text. */
  url: z
    .string()
    .refine(
      isWebUrl,
      'geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.',
    )
    .optional(),
});
/** A school document as parsed: title and optional web address. */
export type SchoolDocument = z.output<typeof SchoolDocumentSchema>;

/** The longest school name accepted, in characters: longer does not fit on the PDF cover (review, failure 12). */
export const MAX_SCHOOL_NAME = 200;

/**
 * The school (or board) whose protocol this is: the ONLY place for the school's own details. Clause bodies refer to
 * them as `{{school.…}}` (see `schoolValues` in `src/lib/compose/fill-template.ts`); no clause asks for them again.
 */
export const SchoolSchema = z.strictObject({
  /** The name as the title and cover print it: `Basisschool De Linde`; at most {@link MAX_SCHOOL_NAME} characters. */
  name: z.string().min(1).max(MAX_SCHOOL_NAME),
  /**
   * How a sentence refers to the school, with its article when the name takes one: `De Linde`,
   * `het Mill Hill College`, `de Nutsschool`. In a body `{{school.nameInText}}` (`| cap` at a sentence start).
   * Default: `name`.
   */
  nameInText: z.string().min(1).optional(),
  /** The board (bevoegd gezag) as printed, when there is one: `Stichting Voorbeeldscholen Utrecht`. */
  board: optionalText(),
  /**
   * How a sentence refers to the board: `de stichting Voorbeeldscholen`, `de vereniging OMO`.
   * In a body `{{school.boardInText}}`. Default: `board`, or `het bestuur` when the school names none.
   */
  boardInText: z.string().min(1).optional(),
  sector: SectorSchema,
  place: optionalText(),
  /** The word the school uses for its pupils (DOMAIN.md: po/vo `leerlingen`, mbo `deelnemers` or `studenten`). */
  pupils: z.string().min(1).default('leerlingen'),
  /**
   * The same word for one pupil: `leerling`, `deelnemer`, `student`. In a body `{{school.pupil}}`.
   * Default: made from `pupils` (`leerlingen` → `leerling`, `deelnemers` → `deelnemer`, `studenten` → `student`).
   */
  pupil: z.string().min(1).optional(),
  /**
   * The name of the school's own account on social media, as readers find it: `@delinde`, `De Linde`.
   * In a body `{{school.account}}`. Default: `nameInText`, else `name`.
   */
  account: z.string().min(1).optional(),
  /** People and desks to contact; those with `reporting: true` are the reporting routes (`{{school.reporting}}`). */
  contacts: z.array(ContactSchema).default([]),
  /** The school's other documents that readers may want next to this protocol; shown as a list on its page. */
  documents: z.array(SchoolDocumentSchema).default([]),
});
export type School = z.output<typeof SchoolSchema>;
export type SchoolInput = z.input<typeof SchoolSchema>;

/** An article taken from the library, with the school's values for its variables. */
export const LibraryArticleSchema = z.strictObject({
  /** Clause id, `<section>/<slug>`. */
  clause: ClauseIdSchema,
  /** Values for the clause's variables; a variable left out takes its default (unless it is required). */
  values: z.record(z.string(), VariableValueSchema).default({}),
});

/** An article the school writes itself. */
export const CustomArticleSchema = z.strictObject({
  /** The article's own id, unique in the protocol: `custom/<slug>` in anchors and diffs. */
  custom: SlugSchema,
  title: z.string().min(1),
  /** Plain text: paragraphs separated by a blank line, `- ` for list items. No HTML. */
  text: z.string().min(1),
  /** Who the article speaks to; default everyone. */
  audiences: z.array(AudienceSchema).min(1).default(['everyone']),
  /** One plain sentence for families; optional. */
  summary: optionalText(),
});

export const ProtocolArticleSchema = z.union([LibraryArticleSchema, CustomArticleSchema]);

/** A section of a school's protocol: a heading and its articles in order. */
export const ProtocolSectionSchema = z.strictObject({
  /** Heading in Dutch, as the school wants it printed. */
  title: z.string().min(1),
  /** Letter or number printed before the heading (`A`); default: the section's position. */
  label: optionalText(),
  /** False for prose sections (an introduction) whose paragraphs carry no article numbers. Default true. */
  numbered: z.boolean().default(true),
  articles: z.array(ProtocolArticleSchema).min(1),
});

/** Consent of the participation council (instemming van de MR of GMR). */
export const ConsentSchema = z.strictObject({
  /** `MR`, `GMR`, or the council's full name. */
  body: z.string().min(1),
  date: IsoDateSchema,
  /** The council's decision: `ingestemd` (consented, the default) or `niet-ingestemd` (refused). */
  outcome: z.enum(['ingestemd', 'niet-ingestemd']).default('ingestemd'),
});

/**
 * A finding of the review (`src/lib/lint/`) that the school accepts, with its reason. An accepted error no longer
 * blocks the wizard's export nor fails `npm run review`; it is still shown, with the reason beside it.
 */
export const AcceptedFindingSchema = z.strictObject({
  /** The review's rule id, e.g. `phone-agreement`. */
  rule: SlugSchema,
  /** The article the finding concerns (clause id or `custom/<slug>`), or null for the whole protocol. */
  article: z.string().min(1).nullable().default(null),
  /** Why the school accepts it, in its own words; shown beside the finding. */
  reason: z.string().min(1),
});
export type AcceptedFinding = z.output<typeof AcceptedFindingSchema>;

/**
 * A school's protocol: `content/protocols/<school>.yaml`. The file name (without `.yaml`) is its id and
 * its address: `/protocollen/<school>/`.
 */
export const ProtocolSchema = z.strictObject({
  /** File format version; this code reads {@link PROTOCOL_FORMAT}. */
  format: z.number().int().positive(),
  /** Title printed above the protocol; default `Protocol sociale media`. */
  title: z.string().min(1).default('Protocol sociale media'),
  school: SchoolSchema,
  /** Version of this protocol, e.g. `1.0` or `2025-1`. */
  version: z.string().min(1),
  /** Adoption (vaststelling), absent while the protocol is a draft. */
  adoption: z
    .strictObject({
      /** Who adopted it: `College van Bestuur`, `directie`. */
      by: z.string().min(1),
      date: IsoDateSchema,
      consent: z.array(ConsentSchema).default([]),
    })
    .optional(),
  /** The reference model this protocol started from. */
  startsFrom: ModelIdSchema,
  sections: z.array(ProtocolSectionSchema).min(1),
  /** The school's own text for library articles, keyed by clause id; recorded so the diff shows it. */
  overrides: z.record(ClauseIdSchema, z.string().min(1)).default({}),
  /**
   * Reasons (toelichting) for the changes against the previous adopted version, keyed by article: the clause id,
   * or `custom/<slug>` for the school's own article. For another variant either clause id; for a removed article
   * its key in the previous version. Shown beside the change on `/protocollen/<school>/wijzigingen/`.
   */
  reasons: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Review findings the school accepts, each with its reason (see {@link AcceptedFindingSchema}). */
  accepted: z.array(AcceptedFindingSchema).default([]),
});
export type Protocol = z.output<typeof ProtocolSchema>;
export type ProtocolInput = z.input<typeof ProtocolSchema>;
