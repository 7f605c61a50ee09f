import { z } from 'astro/zod';
import { labelTable } from '../../i18n/t.ts';

/**
 * School sector, in the Dutch abbreviations the field uses.
 * `po` primary (basisonderwijs), `vo` secondary, `mbo` vocational, `so` special education.
 */
export const SectorSchema = z.enum(['po', 'vo', 'mbo', 'so']);
export type Sector = z.output<typeof SectorSchema>;

/**
 * Who a clause speaks to. `everyone` is used for clauses addressed to all members of the
 * school community at once (DOMAIN.md: "voor alle gebruikers").
 */
export const AudienceSchema = z.enum(['everyone', 'pupils', 'parents', 'staff', 'leadership']);
export type Audience = z.output<typeof AudienceSchema>;

/** Dutch name of each audience, as a reader picks it (`audience.label.*` in nl.json). */
export const AUDIENCE_LABELS: Record<Audience, string> = labelTable('audience.label', AudienceSchema.options);

/**
 * The library's sections, in the order a composed protocol usually follows.
 * The Dutch titles live in {@link SECTION_TITLES}.
 */
export const SectionIdSchema = z.enum([
  'introduction',
  'definitions-scope',
  'principles',
  'all-users',
  'pupils',
  'parents',
  'staff-at-work',
  'staff-outside-work',
  'devices',
  'school-communication',
  'reporting',
  'measures',
  'measures-pupils',
  'measures-staff',
]);
export type SectionId = z.output<typeof SectionIdSchema>;

/** Dutch heading of each library section, as a school leader reads it (`section.*` in nl.json). */
export const SECTION_TITLES: Record<SectionId, string> = labelTable('section', SectionIdSchema.options);

/** A lower-case, hyphenated identifier such as `image-consent` or `mill-hill-2023`. */
export const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld `toestemming-beeld`.',
  );

/** A clause id: `<section>/<slug>`, the path of its file under `content/clauses` without `.md`. */
export const ClauseIdSchema = z
  .string()
  .regex(
    /^[a-z-]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Een bepaling heet `<sectie>/<naam>`, bijvoorbeeld `pupils/wachtwoorden-geheim`.',
  );

/** Id of one of the five reference models, e.g. `mill-hill-2023`: its folder under `content/reference-models`. */
export const ModelIdSchema = SlugSchema;

/**
 * A calendar date written as in YAML: `2020-11-27`. The `yaml` parser may hand us a string
 * (core schema); we keep it as an ISO string `YYYY-MM-DD`.
 */
export const IsoDateSchema = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(
    z.string().superRefine((v, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        ctx.addIssue({ code: 'custom', message: 'Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2024-11-07.' });
      else if (!isCalendarDate(v)) {
        ctx.addIssue({
          code: 'custom',
          message: `de datum ${v} bestaat niet. Schrijf een echte datum als JJJJ-MM-DD, bijvoorbeeld 2024-11-07.`,
        });
      }
    }),
  );

/**
 * True when `iso` (`YYYY-MM-DD`) names a day on the calendar: month 1–12, a day that month has (29 February only in a
 * leap year), year 1 or later. `2024-13-45` and `2024-02-31` are not (review attack-2026-11, failure 8).
 */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A variable's name: camelCase, as used in a clause body as `{{name}}`. */
export const VariableNameSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'Een variabele heet in camelCase, bijvoorbeeld `consentAge`.');
