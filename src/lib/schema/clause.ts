import { z } from 'astro/zod';
import {
  AudienceSchema,
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
   * True when every school must give its own value (an e-mail address, a phone number): the default is then
   * only an example, and a protocol without a value for it is refused. Default false.
   */
  required: z.boolean().default(false),
};

/**
 * A typed fill-in value of a clause, used in the body as `{{name}}`.
 * - `text`: free text; `number`: a whole number (`min`/`max` optional); `email`: an e-mail address;
 * - `choice`: one of `options` (the option's text is inserted);
 * - `list`: several texts, inserted as a Dutch enumeration (`a, b en c`; `conjunction` may be `of`);
 * - `contact`: a role from the school's contacts, inserted as the role's name (e.g. `de coördinator leerlingzaken`).
 */
export const ClauseVariableSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), ...variableBase, default: z.string() }),
  z.strictObject({
    type: z.literal('number'),
    ...variableBase,
    default: z.number().int(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.strictObject({ type: z.literal('email'), ...variableBase, default: z.string().email() }),
  z.strictObject({ type: z.literal('choice'), ...variableBase, options: z.array(z.string()).min(2), default: z.string() }),
  z.strictObject({
    type: z.literal('list'),
    ...variableBase,
    default: z.array(z.string().min(1)).min(1),
    /** Word before the last item: `en` (default), `of`, or `,` for a plain comma list. */
    conjunction: z.enum(['en', 'of', ',']).default('en'),
  }),
  z.strictObject({ type: z.literal('contact'), ...variableBase, default: z.string().min(1) }),
]);
export type ClauseVariable = z.output<typeof ClauseVariableSchema>;

/** A value given for a variable: text, number or list of texts. */
export const VariableValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);
export type VariableValue = z.output<typeof VariableValueSchema>;

/**
 * Where a clause comes from: one article of a reference model, with the variable values that
 * reproduce that article's wording from the clause body (like a filled-in sample of a template).
 * When the model words the matter differently than the body can express, `wording: own`.
 */
export const ClauseSourceSchema = z.strictObject({
  model: ModelIdSchema,
  /** The article's ref in the model, e.g. `A5`. */
  article: z.string().min(1),
  /** Values that make the body read exactly as this article. */
  values: z.record(VariableNameSchema, VariableValueSchema).default({}),
  /** `template`: the body with `values` gives the article's text exactly; `own`: the model has its own wording. */
  wording: z.enum(['template', 'own']).default('template'),
});
export type ClauseSource = z.output<typeof ClauseSourceSchema>;

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
 * `{{variable}}` and `{{school.name}}`/`{{school.pupils}}` placeholders) follows it.
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
    /** Model articles this clause comes from; at least one. */
    sources: z.array(ClauseSourceSchema).min(1),
    legal: z.array(LegalReferenceSchema).default([]),
    /** One plain-Dutch sentence for families (B1 level). */
    summary: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.choicePoint) !== Boolean(c.variant)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.choicePoint ? 'variant' : 'choicePoint'],
        message: 'Geef `choicePoint` en `variant` allebei, of geen van beide.',
      });
    }
    for (const [name, v] of Object.entries(c.variables)) {
      if (v.type === 'choice' && !v.options.includes(v.default)) {
        ctx.addIssue({ code: 'custom', path: ['variables', name, 'default'], message: `\`${v.default}\` staat niet in options.` });
      }
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
