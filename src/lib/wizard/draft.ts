import { z } from 'astro/zod';
import { VariableValueSchema, type VariableValue } from '../schema/clause.ts';
import { AudienceSchema, SectorSchema, type Audience, type Sector } from '../schema/common.ts';
import { PROTOCOL_FORMAT, type Protocol, type ProtocolInput } from '../schema/protocol.ts';

/** A contact as the wizard edits it: every field a string, `reporting` a checkbox. */
export interface DraftContact {
  role: string;
  name: string;
  email: string;
  phone: string;
  reporting: boolean;
}

/** Another document of the school as the wizard edits it: the URL an empty string when there is none. */
export interface DraftDocument {
  title: string;
  url: string;
}

/** Consent of a participation council as the wizard edits it; the date as `YYYY-MM-DD` (a date field's value). */
export interface DraftConsent {
  body: string;
  date: string;
  /**
   * The council's decision as the file gives it; absent on a row added in the wizard (the file's default,
   * `ingestemd`). Carried from import to export, so a refusal (`niet-ingestemd`) never becomes consent.
   */
  outcome?: 'ingestemd' | 'niet-ingestemd';
}

/** Adoption (vaststelling) as the wizard edits it: all empty while the protocol is a draft. */
export interface DraftAdoption {
  /** Who adopts it, as the sentence "Vastgesteld door …" continues: `het College van Bestuur`. */
  by: string;
  /** `YYYY-MM-DD`, or empty. */
  date: string;
  consent: DraftConsent[];
}

/** One article in the wizard: a library clause (switchable off) or the school's own article. */
export interface DraftArticle {
  /** Local id, stable while editing (list keys, focus). */
  uid: string;
  /** False when the school switched the article off; it is then left out of the protocol. */
  enabled: boolean;
  /** Library clause id, for a library article. */
  clause?: string;
  values?: Record<string, VariableValue>;
  /** Slug of a custom article. */
  custom?: string;
  title?: string;
  text?: string;
  /** Who a custom article speaks to; `['everyone']` when absent (a draft saved before the wizard asked). */
  audiences?: Audience[];
  /** One plain sentence for families about a custom article; empty for none. */
  summary?: string;
}

/** A section in the wizard. */
export interface DraftSection {
  uid: string;
  title: string;
  label?: string;
  numbered: boolean;
  articles: DraftArticle[];
}

/**
 * The wizard's whole state of work: what the school filled in, kept in localStorage and in the undo history.
 * {@link draftToProtocolInput} turns it into a `content/protocols` composition.
 */
export interface Draft {
  /** Version of this shape in localStorage. */
  v: 1;
  title: string;
  version: string;
  school: {
    name: string;
    /** How a sentence refers to the school (`De Linde`, `het Mill Hill College`); empty: the name. */
    nameInText: string;
    board: string;
    /** How a sentence refers to the board (`de stichting Voorbeeldscholen`); empty: the board's name. */
    boardInText: string;
    /** The school's account name on social media; empty: the school as a sentence names it. */
    account: string;
    sector: Sector;
    place: string;
    pupils: string;
    /** The word for one pupil; empty: made from `pupils`. */
    pupil: string;
    contacts: DraftContact[];
    /** The school's other documents (anti-pestprotocol, privacyreglement, …), in order. */
    documents: DraftDocument[];
  };
  /** Adoption and the (G)MR's consent; exported only when something is filled in. */
  adoption: DraftAdoption;
  /** The starting point chosen (`model:<id>` or `sector:<sector>`); empty before the choice. */
  start: string;
  startsFrom: string;
  sections: DraftSection[];
  /** The school's own text for library articles, by clause id. */
  overrides: Record<string, string>;
  /**
   * Reasons (toelichting) for the changes against the previous adopted version, by article key, as the file gives
   * them; carried from import to export unchanged (the wizard does not edit them yet).
   */
  reasons: Record<string, string>;
  /** Review findings the school accepted, each with its reason (exported as the protocol's `accepted`). */
  accepted: DraftAccepted[];
  /** Counter for local ids and custom slugs. */
  next: number;
}

/** A review finding the school accepted: its rule and article (null for the whole protocol) and the reason. */
export interface DraftAccepted {
  rule: string;
  article: string | null;
  reason: string;
}

/** A draft with nothing filled in: the state of a first visit or after "opnieuw beginnen". */
export function emptyDraft(): Draft {
  return {
    v: 1,
    title: 'Protocol sociale media',
    version: '1.0',
    school: {
      name: '',
      nameInText: '',
      board: '',
      boardInText: '',
      account: '',
      sector: 'po',
      place: '',
      pupils: 'leerlingen',
      pupil: '',
      contacts: [],
      documents: [],
    },
    adoption: { by: '', date: '', consent: [] },
    start: '',
    startsFrom: '',
    sections: [],
    overrides: {},
    reasons: {},
    accepted: [],
    next: 1,
  };
}

/**
 * Turns a valid protocol into a draft: every article switched on. The school's own fields are taken from
 * `protocol`; `start` names the starting point the wizard shows as chosen.
 */
export function draftFromProtocol(protocol: Protocol, start: string): Draft {
  let next = 1;
  const uid = () => `u${next++}`;
  return {
    v: 1,
    title: protocol.title,
    version: protocol.version,
    school: {
      name: protocol.school.name,
      nameInText: protocol.school.nameInText ?? '',
      board: protocol.school.board ?? '',
      boardInText: protocol.school.boardInText ?? '',
      account: protocol.school.account ?? '',
      sector: protocol.school.sector,
      place: protocol.school.place ?? '',
      pupils: protocol.school.pupils,
      pupil: protocol.school.pupil ?? '',
      contacts: protocol.school.contacts.map((c) => ({
        role: c.role,
        name: c.name ?? '',
        email: c.email ?? '',
        phone: c.phone ?? '',
        reporting: c.reporting,
      })),
      documents: (protocol.school.documents ?? []).map((d) => ({ title: d.title, url: d.url ?? '' })),
    },
    adoption: {
      by: protocol.adoption?.by ?? '',
      date: protocol.adoption?.date ?? '',
      consent: (protocol.adoption?.consent ?? []).map((c) => ({ body: c.body, date: c.date, outcome: c.outcome })),
    },
    start,
    startsFrom: protocol.startsFrom,
    sections: protocol.sections.map((s) => ({
      uid: uid(),
      title: s.title,
      label: s.label,
      numbered: s.numbered,
      articles: s.articles.map((a) =>
        'custom' in a
          ? {
              uid: uid(),
              enabled: true,
              custom: a.custom,
              title: a.title,
              text: a.text,
              audiences: [...a.audiences],
              summary: a.summary ?? '',
            }
          : { uid: uid(), enabled: true, clause: a.clause, values: { ...a.values } },
      ),
    })),
    overrides: { ...protocol.overrides },
    reasons: { ...protocol.reasons },
    accepted: (protocol.accepted ?? []).map((a) => ({ rule: a.rule, article: a.article ?? null, reason: a.reason })),
    next,
  };
}

/** Leaves out empty optional strings, so the file does not carry `board: ""` (the schema reads `""` as absent too). */
function optional(text: string): string | undefined {
  return text !== '' ? text : undefined;
}

/**
 * The composition of a draft in the format of `content/protocols/<school>.yaml`: switched-off articles and
 * empty sections left out, empty optional fields dropped, overrides only for articles that are in it.
 * Not yet validated: pass it to `ProtocolSchema` and `checkProtocol`.
 */
export function draftToProtocolInput(draft: Draft): ProtocolInput {
  const used = new Set<string>();
  const sections = draft.sections
    .map((s) => ({
      title: s.title,
      ...(s.label ? { label: s.label } : {}),
      numbered: s.numbered,
      articles: s.articles
        .filter((a) => a.enabled)
        .map((a) => {
          if (a.custom !== undefined) {
            return {
              custom: a.custom,
              title: a.title ?? '',
              text: a.text ?? '',
              audiences: [...(a.audiences ?? ['everyone'])],
              ...(optional(a.summary ?? '') ? { summary: a.summary } : {}),
            };
          }
          used.add(a.clause!);
          return a.values && Object.keys(a.values).length
            ? { clause: a.clause!, values: { ...a.values } }
            : { clause: a.clause! };
        }),
    }))
    .filter((s) => s.articles.length > 0);
  const overrides = Object.fromEntries(Object.entries(draft.overrides).filter(([k]) => used.has(k)));
  const school = draft.school;
  return {
    format: PROTOCOL_FORMAT,
    title: draft.title,
    school: {
      name: school.name,
      ...(optional(school.nameInText) ? { nameInText: school.nameInText } : {}),
      ...(optional(school.board) ? { board: school.board } : {}),
      ...(optional(school.boardInText) ? { boardInText: school.boardInText } : {}),
      ...(optional(school.account) ? { account: school.account } : {}),
      sector: school.sector,
      ...(optional(school.place) ? { place: school.place } : {}),
      pupils: school.pupils,
      ...(optional(school.pupil) ? { pupil: school.pupil } : {}),
      contacts: school.contacts.map((c) => ({
        role: c.role,
        ...(optional(c.name) ? { name: c.name } : {}),
        ...(c.email.trim() ? { email: c.email } : {}),
        ...(optional(c.phone) ? { phone: c.phone } : {}),
        reporting: c.reporting,
      })),
      ...(school.documents.length
        ? {
            documents: school.documents.map((d) => ({
              title: d.title,
              ...(d.url.trim() ? { url: d.url.trim() } : {}),
            })),
          }
        : {}),
    },
    version: draft.version,
    ...adoptionInput(draft.adoption),
    startsFrom: draft.startsFrom,
    sections,
    ...(Object.keys(overrides).length ? { overrides } : {}),
    ...(Object.keys(draft.reasons).length ? { reasons: { ...draft.reasons } } : {}),
    ...(draft.accepted.length
      ? { accepted: draft.accepted.map((a) => ({ rule: a.rule, article: a.article, reason: a.reason })) }
      : {}),
  };
}

/** The `adoption` of the composition: left out while nothing is filled in (a draft protocol). */
function adoptionInput(adoption: DraftAdoption): Pick<ProtocolInput, 'adoption'> {
  if (!adoption.by.trim() && !adoption.date && !adoption.consent.length) return {};
  return {
    adoption: {
      by: adoption.by,
      date: adoption.date,
      ...(adoption.consent.length
        ? {
            consent: adoption.consent.map((c) => ({
              body: c.body,
              date: c.date,
              ...(c.outcome ? { outcome: c.outcome } : {}),
            })),
          }
        : {}),
    },
  };
}

/**
 * Brings a draft saved by an earlier version of the wizard (same `v`, fewer fields) up to the current shape:
 * every field the wizard added since is filled with its empty value. A draft of the current shape is returned
 * unchanged in content.
 *
 * @param saved a draft as read from localStorage.
 */
export function normalizeDraft(saved: Draft): Draft {
  const empty = emptyDraft();
  return {
    ...empty,
    ...saved,
    school: {
      ...empty.school,
      ...saved.school,
      contacts: (saved.school?.contacts ?? []).map((c) => ({ ...c, phone: c.phone ?? '' })),
      documents: saved.school?.documents ?? [],
    },
    adoption: { ...empty.adoption, ...saved.adoption },
    reasons: saved.reasons ?? {},
    accepted: Array.isArray(saved.accepted) ? saved.accepted : [],
  };
}

/**
 * Where each switched-on draft article lands in the exported composition: `uid → sections.<i>.articles.<j>`,
 * the field path that problems from `checkProtocol` use. Mirrors {@link draftToProtocolInput}.
 */
export function articlePaths(draft: Draft): Map<string, string> {
  const out = new Map<string, string>();
  let si = 0;
  for (const s of draft.sections) {
    const on = s.articles.filter((a) => a.enabled);
    if (!on.length) continue;
    on.forEach((a, ai) => out.set(a.uid, `sections.${si}.articles.${ai}`));
    si++;
  }
  return out;
}

/** True when the school has filled in or chosen anything: work that must not be replaced without asking. */
export function hasWork(draft: Draft): boolean {
  return Boolean(draft.school.name.trim() || draft.school.contacts.length || draft.sections.length);
}

/**
 * The shape of a draft as saved in localStorage (`Draft`, version 1), checked before saved work is used: a field
 * of the wrong type (a number for the school's name, `sections: "abc"`, `articles: null`) makes the saved work
 * unreadable instead of crashing the page (review attack-2026-11, failure 6). Fields the wizard added later
 * (documents, phone, reasons, outcome) may be missing and are filled by {@link normalizeDraft}.
 */
export const SavedDraftSchema = z.object({
  v: z.literal(1),
  title: z.string(),
  version: z.string(),
  school: z.object({
    name: z.string(),
    nameInText: z.string().optional(),
    board: z.string(),
    boardInText: z.string().optional(),
    account: z.string().optional(),
    pupil: z.string().optional(),
    sector: SectorSchema,
    place: z.string(),
    pupils: z.string(),
    contacts: z.array(
      z.object({
        role: z.string(),
        name: z.string(),
        email: z.string(),
        phone: z.string().optional(),
        reporting: z.boolean(),
      }),
    ),
    documents: z.array(z.object({ title: z.string(), url: z.string() })).optional(),
  }),
  adoption: z
    .object({
      by: z.string(),
      date: z.string(),
      consent: z.array(
        z.object({ body: z.string(), date: z.string(), outcome: z.enum(['ingestemd', 'niet-ingestemd']).optional() }),
      ),
    })
    .optional(),
  start: z.string(),
  startsFrom: z.string(),
  sections: z.array(
    z.object({
      uid: z.string(),
      title: z.string(),
      label: z.string().optional(),
      numbered: z.boolean(),
      articles: z.array(
        z.object({
          uid: z.string(),
          enabled: z.boolean(),
          clause: z.string().optional(),
          values: z.record(z.string(), VariableValueSchema).optional(),
          custom: z.string().optional(),
          title: z.string().optional(),
          text: z.string().optional(),
          audiences: z.array(AudienceSchema).optional(),
          summary: z.string().optional(),
        }),
      ),
    }),
  ),
  overrides: z.record(z.string(), z.string()),
  reasons: z.record(z.string(), z.string()).optional(),
  accepted: z.array(z.object({ rule: z.string(), article: z.string().nullable(), reason: z.string() })).optional(),
  next: z.number().int().nonnegative(),
});

/**
 * Reads saved work (the parsed JSON of localStorage) as a draft, or says why it cannot.
 *
 * @param saved the `draft` member of the saved JSON.
 * @returns `{ draft }` (brought up to the current shape with {@link normalizeDraft}) or `{ problem }` in Dutch.
 */
export function readSavedDraft(saved: unknown): { draft: Draft } | { problem: string } {
  const result = SavedDraftSchema.safeParse(saved);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { problem: `${issue.path.join('.') || 'het geheel'}: ${issue.message}` };
  }
  return { draft: normalizeDraft(result.data as Draft) };
}
