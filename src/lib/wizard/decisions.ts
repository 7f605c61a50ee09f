/**
 * The decisions a school really makes (the wizard's "Keuzes" step, issue 13): the choice points that matter for the
 * school's sector, their variants side by side with what current law says, and the values every school must give
 * (the "Gegevens" step). Pure functions on the draft and the library, so the same rules are unit-tested.
 */
import type { Library } from '../compose/document.ts';
import { CURRENT, CURRENT_DEFAULTS, PHONE_AGREEMENT_SECTORS } from '../lint/current-law.ts';
import { SOURCES } from '../lint/sources.ts';
import type { ChoicePoint, Clause, ClauseBasis, ClauseVariable } from '../schema/clause.ts';
import { SECTION_TITLES, SectionIdSchema, type Sector } from '../schema/common.ts';
import type { Draft, DraftArticle } from './draft.ts';
import { SECTOR_NAMES } from './sector-default.ts';

/** One choice point as the "Keuzes" step shows it: the question and the variants a school of the sector may pick. */
export interface Decision {
  choicePoint: ChoicePoint;
  /** The variants offered (fit the sector, not `historic`), current law's preferred one first. */
  variants: Clause[];
}

/**
 * The choice points that matter for a sector: every choice point with at least two variants that fit the sector and
 * are not `historic` (a choice point with one variant left is no decision). In the order of `content/choice-points.yaml`.
 *
 * @param library the clause library.
 * @param sector the school's sector.
 */
export function decisionsFor(library: Library, sector: Sector): Decision[] {
  const out: Decision[] = [];
  for (const choicePoint of library.choicePoints.values()) {
    const variants = [...library.clauses.values()].filter(
      (c) => c.choicePoint === choicePoint.id && !c.historic && c.sectors.includes(sector),
    );
    if (variants.length < 2) continue;
    const preferred = preferredVariant(choicePoint.id, variants);
    out.push({ choicePoint, variants: preferred ? [preferred, ...variants.filter((v) => v !== preferred)] : variants });
  }
  return out;
}

/** The variant current law or guidance asks for at a choice point (`CURRENT_DEFAULTS`), among those offered. */
function preferredVariant(choicePoint: string, offered: readonly Clause[]): Clause | undefined {
  for (const id of CURRENT_DEFAULTS[choicePoint] ?? []) {
    const hit = offered.find((c) => c.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** What current law says about one variant, for the school's sector. */
export interface VariantLaw {
  /**
   * `advised`: the variant current law or guidance asks for (the review's `CURRENT_DEFAULTS`); `ruled-out`: the review
   * reports it as an error for this sector (the national phone agreement); `open`: the law leaves the choice to the school.
   */
  status: 'advised' | 'ruled-out' | 'open';
  /** One Dutch sentence for the school leader. */
  text: string;
  /** The law or guidance the clause itself rests on (its `basis`), to link to. */
  basis: ClauseBasis[];
}

/**
 * What current law says about a variant for a sector, from the review's rules (src/lib/lint/current-law.ts and
 * `phone-agreement`: Kamerbrief OCW 6 February 2024), the clause's `historic` reason and `sectors`, and the clause's
 * own `basis`.
 *
 * @param variant a clause at a choice point.
 * @param sector the school's sector.
 */
export function variantLaw(variant: Clause, sector: Sector): VariantLaw {
  const basis = variant.basis ?? [];
  if (variant.historic) return { status: 'ruled-out', text: variant.historic, basis };
  if (!variant.sectors.includes(sector)) {
    return {
      status: 'ruled-out',
      text: `Deze regel is niet bedoeld voor het ${SECTOR_NAMES[sector]}. Kies een andere.`,
      basis,
    };
  }
  const phoneRuledOut =
    variant.choicePoint === CURRENT.phonesChoicePoint &&
    PHONE_AGREEMENT_SECTORS.has(sector) &&
    (CURRENT.phoneRuledOutVariants as readonly string[]).includes(variant.variant ?? '');
  if (phoneRuledOut) {
    return {
      status: 'ruled-out',
      text: 'Past niet bij de landelijke afspraak “nee, tenzij”: telefoons, tablets en smartwatches zijn niet in de klas. De controle meldt dit als fout.',
      basis: [],
    };
  }
  const advised = (CURRENT_DEFAULTS[variant.choicePoint ?? ''] ?? []).find((id) => id === variant.id);
  if (advised) {
    const why: Record<string, string> = {
      [CURRENT.phonesChoicePoint]: 'Past bij de landelijke afspraak “nee, tenzij” over telefoons in de klas.',
      [CURRENT.imageChoicePoint]: 'Past bij de AVG: vooraf toestemming vragen, per doel.',
      [CURRENT.accountsChoicePoint]:
        'Past bij het advies van de Autoriteit Persoonsgegevens (juni 2024) over accounts van scholen.',
    };
    return {
      status: 'advised',
      text: why[variant.choicePoint ?? ''] ?? 'Dit raden de huidige regels en richtlijnen aan.',
      basis,
    };
  }
  return {
    status: 'open',
    text: basis.length
      ? 'De wet laat deze keuze aan de school; zie de bron hieronder.'
      : 'De wet laat deze keuze aan de school.',
    basis,
  };
}

/** The source line of the review that a {@link VariantLaw} rests on, where there is one. */
export function lawSource(choicePoint: string | undefined): string | undefined {
  if (choicePoint === CURRENT.phonesChoicePoint) return SOURCES.phoneAgreement;
  if (choicePoint === CURRENT.imageChoicePoint) return SOURCES.imageConsent;
  if (choicePoint === CURRENT.accountsChoicePoint) return SOURCES.schoolAccounts;
  return undefined;
}

/** Where a choice point sits in the draft: the section index and the article, when the draft has it. */
export function decisionArticle(
  draft: Draft,
  library: Library,
  choicePoint: string,
): { si: number; article: DraftArticle } | undefined {
  for (let si = 0; si < draft.sections.length; si++) {
    const article = draft.sections[si]!.articles.find(
      (a) => a.clause && library.clauses.get(a.clause)?.choicePoint === choicePoint,
    );
    if (article) return { si, article };
  }
  return undefined;
}

/**
 * The variant chosen at a choice point: the clause id of its switched-on article, or undefined when the protocol says
 * nothing about it (no article, or switched off).
 */
export function chosenVariant(draft: Draft, library: Library, choicePoint: string): string | undefined {
  const at = decisionArticle(draft, library, choicePoint);
  return at?.article.enabled ? at.article.clause : undefined;
}

/**
 * Chooses a variant at a choice point: the article that has the choice point gets the variant's clause (switched on,
 * with `values`), or, when the draft has none, the variant is added at the end of the section of its library section
 * (a new section in the library's order when the draft has none of that title). `variantId` null switches the article
 * off: the protocol then says nothing about it.
 *
 * @param draft the draft.
 * @param library the clause library.
 * @param choicePoint the choice point's id.
 * @param variantId the clause id of the variant, or null for "nothing about this".
 * @param values the values for the variant's variables (kept per variant by the wizard); default none.
 * @returns a new draft; the input is not changed.
 */
export function chooseVariant(
  draft: Draft,
  library: Library,
  choicePoint: string,
  variantId: string | null,
  values: DraftArticle['values'] = {},
): Draft {
  const at = decisionArticle(draft, library, choicePoint);
  if (at) {
    return {
      ...draft,
      sections: draft.sections.map((s, i) =>
        i !== at.si
          ? s
          : {
              ...s,
              articles: s.articles.map((a) =>
                a.uid !== at.article.uid
                  ? a
                  : variantId
                    ? { ...a, enabled: true, clause: variantId, values: { ...values } }
                    : { ...a, enabled: false },
              ),
            },
      ),
    };
  }
  if (!variantId) return draft;
  const clause = library.clauses.get(variantId);
  if (!clause) return draft;
  const uid = `u${draft.next}`;
  const article: DraftArticle = { uid, enabled: true, clause: variantId, values: { ...values } };
  const title = SECTION_TITLES[clause.section];
  const si = draft.sections.findIndex((s) => s.title === title);
  if (si >= 0) {
    return {
      ...draft,
      next: draft.next + 1,
      sections: draft.sections.map((s, i) => (i === si ? { ...s, articles: [...s.articles, article] } : s)),
    };
  }
  // A new section, placed before the first draft section that comes later in the library's order.
  const order = SectionIdSchema.options;
  const rank = (t: string) => order.findIndex((id) => SECTION_TITLES[id] === t);
  const mine = order.indexOf(clause.section);
  let at2 = draft.sections.findIndex((s) => rank(s.title) > mine);
  if (at2 < 0) at2 = draft.sections.length;
  const section = {
    uid: `u${draft.next + 1}`,
    title,
    numbered: clause.section !== 'introduction',
    articles: [article],
  };
  return {
    ...draft,
    next: draft.next + 2,
    sections: [...draft.sections.slice(0, at2), section, ...draft.sections.slice(at2)],
  };
}

/**
 * Whether the "Gegevens" step asks for a variable: a value every school must give (`required`), a contact, or a value
 * of the introduction (who consents: the MR) or of the reporting section (where to report). Choice-point variables are
 * asked at their decision instead.
 */
export function isSchoolValue(clause: Clause, variable: ClauseVariable): boolean {
  if (clause.choicePoint) return false;
  return (
    variable.required ||
    variable.type === 'contact' ||
    clause.section === 'introduction' ||
    clause.section === 'reporting'
  );
}

/** One value the "Gegevens" step asks for. */
export interface SchoolValue {
  si: number;
  article: DraftArticle;
  clause: Clause;
  name: string;
  variable: ClauseVariable;
}

/** The values the "Gegevens" step asks for, in document order, from the switched-on library articles of the draft. */
export function schoolValues(draft: Draft, library: Library): SchoolValue[] {
  const out: SchoolValue[] = [];
  draft.sections.forEach((s, si) => {
    for (const article of s.articles) {
      const clause = article.enabled && article.clause ? library.clauses.get(article.clause) : undefined;
      if (!clause) continue;
      for (const [name, variable] of Object.entries(clause.variables)) {
        if (isSchoolValue(clause, variable)) out.push({ si, article, clause, name, variable });
      }
    }
  });
  return out;
}
