import type { Library } from '../compose/document.ts';
import { schoolValues } from '../compose/fill-template.ts';
import type { VariableValue } from '../schema/clause.ts';
import type { ProtocolInput, SchoolInput } from '../schema/protocol.ts';
import { termsIn } from './organisation-terms.ts';

/** What a new school brings to its start: its school block (may be half filled: the wizard's step 1). */
export interface StartOptions {
  /** The new school's block; without it the start has an empty name, no board and no contacts. */
  school?: Partial<SchoolInput>;
  /** The starting model's own terms ({@link organisationTerms}): nothing containing one of them is kept. */
  terms: readonly string[];
}

/** The default title of a school's protocol, naming the school when it has a name. */
export function protocolTitle(schoolName: string | undefined): string {
  return schoolName && schoolName.trim() ? `Protocol sociale media ${schoolName.trim()}` : 'Protocol sociale media';
}

/**
 * `text` with a capital first letter at a sentence start (nothing before it, or `.`, `!`, `?`, `:` and a space);
 * elsewhere `text` as the school wrote it (`het Mill Hill College`, `De Linde`: the school knows whether its article
 * is part of the name).
 */
function atSentenceStart(text: string, before: string): string {
  return /(^|[.!?:]\s*|\n\s*)$/.test(before) && text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/**
 * Replaces the model's names for itself in one of its own wordings by the new school's: the name as a sentence
 * says it (`het Mill Hill College` → `De Linde`, with a capital at a sentence start), the printed name, the
 * board, the account. Longest names first, so `de Nutsschool Lankforst` is replaced before `Nutsschool`.
 */
export function renameInText(text: string, from: SchoolInput, to: SchoolInput): string {
  const own = schoolValues(from);
  const theirs = schoolValues(to);
  const pairs: [string, string][] = [
    [own.nameInText, theirs.nameInText],
    [from.name, theirs.nameInText],
    ...(from.board
      ? ([
          [own.boardInText, theirs.boardInText],
          [from.board, theirs.board],
        ] as [string, string][])
      : []),
    ...(from.account ? ([[from.account, theirs.account]] as [string, string][]) : []),
  ];
  // A name with its article (`de Nutsschool`) also stands without it: replace both forms.
  for (const [a, b] of [...pairs]) {
    const bare = a.replace(/^(de|het)\s+/i, '');
    if (bare !== a) pairs.push([bare, b]);
  }
  pairs.sort((x, y) => y[0].length - x[0].length);
  let out = text;
  for (const [a, b] of pairs) {
    if (!a.trim() || !b.trim()) continue;
    // Any casing: in the model's own text `Scope` is SCOPE.
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:(?:de|het)\\s+)?${a.replace(/^(de|het)\s+/i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    out = out.replace(re, (_m, offset: number, whole: string) => atSentenceStart(b, whole.slice(0, offset)));
  }
  return out;
}

/**
 * A new school's protocol that starts from a reference model: the model's rebuild ({@link modelToProtocol}) made
 * the school's own. Nothing of the model's organisation stays unless the school types it in:
 * - the school block is the new school's (the model's name, board, account, place and contacts are dropped; the
 *   word for pupils is kept unless the school gives its own); the title names the school;
 * - the model's adoption, version and reasons never carry over (version `1.0`, a draft);
 * - library text fills `{{school.…}}` with the school's details; where the model had an `edited` wording the clean
 *   library text takes its place; a model's `own` wording keeps its words with the model's names replaced by the
 *   school's ({@link renameInText}), and is dropped for the library text when one of `terms` (a local event, an
 *   address) would remain;
 * - a value containing one of `terms` is dropped, so the library's neutral default applies (or, for a required
 *   value, the field is empty for the school to fill).
 *
 * @param rebuild the model's rebuild, as {@link modelToProtocol} gives it.
 * @param library the clause library (for each override, whether the model's wording is `own`).
 * @param options the new school and the model's terms.
 */
export function startFromModel(rebuild: ProtocolInput, library: Library, options: StartOptions): ProtocolInput {
  const modelId = rebuild.startsFrom;
  const given = options.school ?? {};
  const school: SchoolInput = {
    ...given,
    name: given.name ?? '',
    sector: given.sector ?? rebuild.school.sector,
    pupils: given.pupils ?? rebuild.school.pupils,
    contacts: given.contacts ?? [],
  };
  const foreign = (text: string) => termsIn(text, options.terms).length > 0;
  const cleanValues = (values: Record<string, VariableValue> | undefined) => {
    const kept = Object.entries(values ?? {}).filter(([, v]) => !foreign(Array.isArray(v) ? v.join('\n') : String(v)));
    return kept.length ? Object.fromEntries(kept) : undefined;
  };
  const sections = rebuild.sections.map((s) => ({
    ...s,
    articles: s.articles.map((a) => {
      if ('custom' in a) return a;
      const values = cleanValues(a.values);
      return values ? { clause: a.clause, values } : { clause: a.clause };
    }),
  }));
  const overrides: Record<string, string> = {};
  for (const [id, text] of Object.entries(rebuild.overrides ?? {})) {
    const wording = library.clauses.get(id)?.sources.find((x) => x.model === modelId)?.wording;
    if (wording !== 'own') continue;
    const renamed = renameInText(text, rebuild.school, {
      ...school,
      name: school.name || 'de school',
      nameInText: school.nameInText || (school.name ? undefined : 'de school'),
    });
    if (!foreign(renamed)) overrides[id] = renamed;
  }
  return {
    format: rebuild.format,
    title: protocolTitle(school.name),
    school,
    version: '1.0',
    startsFrom: modelId,
    sections,
    ...(Object.keys(overrides).length ? { overrides } : {}),
  };
}
