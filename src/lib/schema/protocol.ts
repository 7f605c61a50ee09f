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
    .refine(isWebUrl, 'geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.')
    .optional(),
});
export type SchoolDocument = z.output<typeof SchoolDocumentSchema>;

/** The longest school name accepted, in characters: longer does not fit on the PDF cover (review, failure 12). */
export const MAX_SCHOOL_NAME = 200;

/** The school (or board) whose protocol this is. */
export const SchoolSchema = z.strictObject({
  /** The name as the protocol writes it: `Basisschool De Linde`; at most {@link MAX_SCHOOL_NAME} characters. */
  name: z.string().min(1).max(MAX_SCHOOL_NAME),
  /** The board (bevoegd gezag), when there is one. */
  board: optionalText(),
  sector: SectorSchema,
  place: optionalText(),
  /** The word the school uses for its pupils (DOMAIN.md: po/vo `leerlingen`, mbo `deelnemers` or `studenten`). */
  pupils: z.string().min(1).default('leerlingen'),
  contacts: z.array(ContactSchema).default([]),
  /** The school's other documents that readers may want next to this protocol; shown as a list on its page. */
  documents: z.array(SchoolDocumentSchema).default([]),
});

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
export type ProtocolArticleInput = z.input<typeof ProtocolArticleSchema>;

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
});
export type Protocol = z.output<typeof ProtocolSchema>;
export type ProtocolInput = z.input<typeof ProtocolSchema>;
