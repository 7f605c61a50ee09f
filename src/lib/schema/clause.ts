import { z } from 'astro/zod';
import {
  AudienceSchema,
  ClauseIdSchema,
  IsoDateSchema,
  ModelIdSchema,
  SectionIdSchema,
  SectorSchema,
  SlugSchema,
  VariableNameSchema,
} from './common.ts';

/** Fields every variable has: what a school leader is asked, and optional help. */
const variableBase = {
  /** The question a school leader answers, in plain Dutch: `Vanaf welke leeftijd geeft de leerling zelf toestemming?` */
  label: z.string().min(1),
  /** One or two sentences of help shown under the field. */
  help: z.string().optional(),
  /**
   * True when every school must give its own value: the variable then has no `default`, the wizard shows the field
   * empty and marked required, and a protocol without a value is refused (rule `missing-value`). Default false.
   */
  required: z.boolean().default(false),
};

/**
 * A typed fill-in value of a clause, used in the body as `{{name}}`.
 * - `text`: free text; `number`: a whole number (`min`/`max` optional); `email`: an e-mail address;
 * - `choice`: one of `options` (the option's text is inserted);
 * - `list`: several texts, inserted as a Dutch enumeration (`a, b en c`; `conjunction` may be `of`);
 * - `contact`: a role from the school's contacts, inserted as the role's name (e.g. `de coördinator leerlingzaken`).
 *
 * A variable has a `default` (a neutral value any school can keep) unless it is `required`; never both. A default
 * never names a real organisation, address, account, place or event (checked by the live-content tests).
 */
export const ClauseVariableSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), ...variableBase, default: z.string().optional() }),
  z.strictObject({
    type: z.literal('number'),
    ...variableBase,
    default: z.number().int().optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.strictObject({ type: z.literal('email'), ...variableBase, default: z.string().email().optional() }),
  z.strictObject({
    type: z.literal('choice'),
    ...variableBase,
    options: z.array(z.string()).min(2),
    default: z.string().optional(),
    /**
     * What the wizard shows for an option whose text is a piece of the sentence rather than an answer to the
     * question (`'(een school binnen) '` → `Ja, voor een bestuur met meerdere scholen`), by option. Optional; an
     * option without one shows its text.
     */
    optionLabels: z.record(z.string(), z.string().min(1)).optional(),
  }),
  z.strictObject({
    type: z.literal('list'),
    ...variableBase,
    default: z.array(z.string().min(1)).min(1).optional(),
    /** Word before the last item: `en` (default), `of`, or `,` for a plain comma list. */
    conjunction: z.enum(['en', 'of', ',']).default('en'),
  }),
  z.strictObject({ type: z.literal('contact'), ...variableBase, default: z.string().min(1).optional() }),
]);
export type ClauseVariable = z.output<typeof ClauseVariableSchema>;

/** A value given for a variable: text, number or list of texts. */
export const VariableValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);
export type VariableValue = z.output<typeof VariableValueSchema>;

/**
 * How a source's model article relates to the clause body (SHARED-SHAPES.md):
 * - `template`: the body filled with the source's `values` (and the model's school block) reads exactly as the article;
 * - `edited`: the article differs from the library text only by the authors' slips, that school's own names or an
 *   edit the library makes; `edits` says what differs, and the model's rebuild keeps the article's words as an override;
 * - `own`: the model words the matter its own way (kept as an override in the rebuild).
 */
export const WordingSchema = z.enum(['template', 'edited', 'own']);
export type Wording = z.output<typeof WordingSchema>;

/**
 * Where a clause comes from: one article of a reference model, with the variable values that
 * reproduce that article's wording from the clause body (like a filled-in sample of a template).
 */
export const ClauseSourceSchema = z
  .strictObject({
    model: ModelIdSchema,
    /** The article's ref in the model, e.g. `A5`. */
    article: z.string().min(1),
    /** Values that make the body read as this article (exactly, with `wording: template`). */
    values: z.record(VariableNameSchema, VariableValueSchema).default({}),
    /** See {@link WordingSchema}; default `template`. */
    wording: WordingSchema.default('template'),
    /**
     * With `wording: edited` (then at least one): each difference between the model's words and the library's, in
     * one line: `'bij de onze organisatie' → 'bij onze organisatie': slip of the authors`.
     */
    edits: z.array(z.string().min(1)).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.wording === 'edited' && !(s.edits && s.edits.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['edits'],
        message:
          '`wording: edited` vraagt om `edits`: zeg in één regel per verschil wat het model anders heeft, bijvoorbeeld "\'SCOPE\' → de naam van de school".',
      });
    }
    if (s.wording !== 'edited' && s.edits !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['edits'],
        message: '`edits` hoort alleen bij `wording: edited`. Zet `wording: edited` of haal `edits` weg.',
      });
    }
  });
export type ClauseSource = z.output<typeof ClauseSourceSchema>;

/**
 * Law or guidance a clause rests on, instead of (or beside) a model article, so that current law can enter the
 * library although no model contains it. Cite only what `shared/LAW.md` states as verified, or what was verified
 * (URL and date).
 */
export const ClauseBasisSchema = z.strictObject({
  /** The law, article or guidance as its publisher titles it: `Uitvoeringswet AVG, artikel 5`. */
  title: z.string().min(1),
  /** Who publishes it: `Overheid.nl (wetten.overheid.nl)`, `Autoriteit Persoonsgegevens`. */
  publisher: z.string().min(1),
  /** Where it can be read: an `http://` or `https://` address. */
  url: z.string().regex(/^https?:\/\/\S+$/, 'geen geldig webadres; schrijf het hele adres, beginnend met https://.'),
  /** Publication date, or when the rule took effect: `2018-05-25`. */
  date: IsoDateSchema,
  /** What it supports in this clause, in one Dutch sentence. */
  supports: z.string().min(1),
});
export type ClauseBasis = z.output<typeof ClauseBasisSchema>;

/** A law or agreement a clause rests on. */
export const LegalReferenceSchema = z.strictObject({
  /** `AVG`, `CAO PO`, `CAO VO`, `Wetboek van Strafrecht`, ... */
  law: z.string().min(1),
  /** Article, e.g. `8` or `11.2 lid 2`. */
  article: z.string().min(1),
  /** What the article says, in one Dutch sentence. */
  note: z.string().optional(),
});

/**
 * Frontmatter of one clause file `content/clauses/<section>/<slug>.md`; the body (markdown-like text with
 * `{{variable}}` and `{{school.…}}` placeholders, see `SCHOOL_FIELDS` in `placeholders.ts`) follows it.
 */
export const ClauseFrontmatterSchema = z
  .strictObject({
    /** Heading shown in a composed protocol, in Dutch. */
    title: z.string().min(1),
    /** The library section; must equal the folder name. */
    section: SectionIdSchema,
    /** Who the clause speaks to. */
    audiences: z.array(AudienceSchema).min(1),
    /** Sectors where the clause fits. */
    sectors: z.array(SectorSchema).min(1),
    /** The choice point this clause settles, when it is one of several ways (see `content/choice-points.yaml`). */
    choicePoint: SlugSchema.optional(),
    /** Which way it settles it: a slug unique within the choice point. */
    variant: SlugSchema.optional(),
    /** Fill-in values, keyed by camelCase name. */
    variables: z.record(VariableNameSchema, ClauseVariableSchema).default({}),
    /** Model articles this clause comes from; a clause needs at least one source or one `basis` entry. */
    sources: z.array(ClauseSourceSchema).default([]),
    /** Law or guidance the clause rests on (see {@link ClauseBasisSchema}); may stand without any source. */
    basis: z.array(ClauseBasisSchema).default([]),
    /**
     * Clauses this one leans on (it says "zoals hierboven", "deze ervaringen", "Ook …"): the composer keeps them
     * in the protocol before this one, and the build and the wizard warn when this clause comes without them.
     */
    requires: z.array(ClauseIdSchema).default([]),
    legal: z.array(LegalReferenceSchema).default([]),
    /**
     * Set on a clause that only records a model's historic choice which the law no longer allows, with the reason in
     * one Dutch sentence (e.g. opt-out for images, unlawful since the AVG applied on 25 May 2018; shared/LAW.md).
     * The model's rebuild still uses it, but it is never offered to a new school: the sector default leaves it out,
     * the wizard does not show it as a variant, and the review step warns when a protocol contains it.
     */
    historic: z.string().min(1).optional(),
    /** For families: what the rule says, whom it binds and what happens, in short plain-Dutch sentences (B1), one idea each. */
    summary: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (c.sources.length === 0 && c.basis.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message:
          'een bepaling heeft minstens één bron (`sources`: een artikel uit een referentiemodel) of één grondslag (`basis`: wet of richtlijn met titel, uitgever, url, datum en wat ze onderbouwt) nodig.',
      });
    }
    if (Boolean(c.choicePoint) !== Boolean(c.variant)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.choicePoint ? 'variant' : 'choicePoint'],
        message: 'Geef `choicePoint` en `variant` allebei, of geen van beide.',
      });
    }
    for (const [name, v] of Object.entries(c.variables)) {
      if (v.required && v.default !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['variables', name, 'default'],
          message:
            'een verplichte waarde (`required: true`) heeft geen standaardwaarde: elke school vult haar eigen waarde in. Haal `default` weg, of zet `required: false` met een neutrale standaardwaarde.',
        });
      }
      if (!v.required && v.default === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['variables', name],
          message:
            'geef een neutrale standaardwaarde (`default`) die elke school kan houden, of zet `required: true` als elke school haar eigen waarde moet geven.',
        });
      }
      if (v.type === 'choice' && v.default !== undefined && !v.options.includes(v.default)) {
        ctx.addIssue({
          code: 'custom',
          path: ['variables', name, 'default'],
          message: `\`${v.default}\` staat niet in options.`,
        });
      }
      if (v.type === 'choice')
        for (const option of Object.keys(v.optionLabels ?? {}))
          if (!v.options.includes(option))
            ctx.addIssue({
              code: 'custom',
              path: ['variables', name, 'optionLabels'],
              message: `\`${option}\` staat niet in options; een optionLabels-sleutel is de tekst van een van de options.`,
            });
    }
  });
export type ClauseFrontmatter = z.output<typeof ClauseFrontmatterSchema>;
export type ClauseFrontmatterInput = z.input<typeof ClauseFrontmatterSchema>;

/** A clause of the library: its frontmatter, its id (path) and its body template. */
export type Clause = ClauseFrontmatter & {
  /** `<section>/<slug>`: the file's path under `content/clauses` without `.md`. */
  id: string;
  /** The body, with `{{…}}` placeholders. */
  body: string;
  /** Path of the file, for messages. */
  file: string;
  /**
   * 1-based lines of the fields that library checks point at (`sources.0`, `requires.1`, `choicePoint`, `body`),
   * by dotted field path; absent when the clause was not read from a file.
   */
  lines?: Record<string, number>;
};

/** A decision a school makes, with the clauses that are its variants (`content/choice-points.yaml`). */
export const ChoicePointSchema = z.strictObject({
  /** Short Dutch title: `Telefoons op school`. */
  title: z.string().min(1),
  /** The question, as a school leader would ask it. */
  question: z.string().min(1),
});
export const ChoicePointsFileSchema = z.record(SlugSchema, ChoicePointSchema);
export type ChoicePoint = z.output<typeof ChoicePointSchema> & { id: string };
