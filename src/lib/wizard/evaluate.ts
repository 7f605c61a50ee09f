import type { z } from 'astro/zod';
import { checkProtocol, errorsOnly } from '../compose/check-protocol.ts';
import { composeProtocol } from '../compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import { dutchIssueMessage, issueRule } from '../errors/zod-messages.ts';
import { isWebUrl, PROTOCOL_FORMAT, ProtocolSchema, type Protocol, type ProtocolInput } from '../schema/protocol.ts';
import { withBoard, type BoardInheritance } from '../board/inherit-board.ts';
import type { Board } from '../schema/board.ts';
import { draftToProtocolInput, type Draft } from './draft.ts';

/** What the wizard knows about a draft after each change. */
export interface Evaluation {
  /** The composition as it would be exported. */
  input: ProtocolInput;
  /** The validated protocol, when the schema accepts it. */
  protocol?: Protocol;
  /**
   * The protocol as it applies: with its board's contacts, documents and `boardInText` filled in when `school.board`
   * names a board file (`withBoard`, as the build does); the same as {@link protocol} otherwise. What the review reads.
   */
  effective?: Protocol;
  /**
   * Which of the effective school's values come from its board ("via het bestuur"), by position in `doc`'s contacts
   * and documents; absent without a board file (or without `doc`).
   */
  inherited?: BoardInheritance;
  /** The composed document (what the preview shows), when the protocol is sound enough to compose. */
  doc?: ProtocolDocument;
  /** Every problem from the schema and from {@link checkProtocol}, with its field path; empty when valid. */
  problems: Problem[];
  /** What `checkProtocol` warns about without refusing (severity `warning`: `requires-missing`, `requires-after`). */
  warnings: Problem[];
}

/**
 * Validates and composes a draft with the same code the build uses: `ProtocolSchema`, `checkProtocol` and
 * `composeProtocol`. Problems carry a field path (`school.contacts.0.email`) so the wizard can show them at
 * the field. A protocol with problems is still composed where possible, so the preview keeps following.
 *
 * @param draft the wizard's state.
 * @param library the clause library.
 * @param modelIds ids of the reference models.
 * @param file name shown in problems (default `protocol.yaml`).
 * @param boards the board files by id: the school named in `school.board` inherits its values in the document and
 *   the review (not in `input`, the school's own file). Default none.
 */
export function evaluateDraft(
  draft: Draft,
  library: Library,
  modelIds: readonly string[],
  file = 'protocol.yaml',
  boards: ReadonlyMap<string, Board> = new Map(),
): Evaluation {
  const input = draftToProtocolInput(draft);
  const result = ProtocolSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      file,
      field: issue.path.join('.') || undefined,
      rule: issueRule(issue),
      message: wizardMessage(issue, input),
    }));
    // Compose anyway from a lenient copy, so a half-filled form still shows a preview.
    const lenient = ProtocolSchema.safeParse(lenientInput(input));
    const applied =
      lenient.success &&
      !checkProtocol(lenient.data, library, modelIds, file).some(
        (p) => p.rule === 'unknown-clause' || p.rule === 'duplicate-clause',
      )
        ? withBoard(lenient.data, boards)
        : undefined;
    // `inherited` goes with this `doc` (the lenient copy's contacts), so a print of the preview marks the same ones.
    const doc = applied ? composeProtocol('samenstellen', applied.protocol, library) : undefined;
    return { input, doc, ...(applied?.inherited ? { inherited: applied.inherited } : {}), problems, warnings: [] };
  }
  const protocol = result.data;
  const all = checkProtocol(protocol, library, modelIds, file, undefined, PROTOCOL_FORMAT);
  const problems = errorsOnly(all);
  const composable = !problems.some((p) => p.rule === 'unknown-clause');
  const { protocol: effective, inherited } = withBoard(protocol, boards);
  return {
    input,
    protocol,
    effective,
    ...(inherited ? { inherited } : {}),
    doc: composable ? composeProtocol('samenstellen', effective, library) : undefined,
    problems,
    warnings: all.filter((p) => !problems.includes(p)),
  };
}

/**
 * Fills empty required strings with a visible placeholder so that an unfinished form can still be previewed (also
 * the live preview's input, `src/lib/wizard/live-preview.ts`).
 */
export function lenientInput(input: ProtocolInput): ProtocolInput {
  const fill = (s: string | undefined, placeholder: string) => (s && s.trim() ? s : placeholder);
  return {
    ...input,
    title: fill(input.title, 'Protocol sociale media'),
    version: fill(input.version, '…'),
    school: {
      ...input.school,
      name: fill(input.school.name, '[naam van de school]'),
      pupils: fill(input.school.pupils, 'leerlingen'),
      contacts: (input.school.contacts ?? [])
        .filter((c) => c.role.trim())
        .map((c) => ({ ...c, email: c.email && /@/.test(c.email) ? c.email : undefined })),
      documents: input.school.documents
        ?.filter((d) => d.title.trim())
        .map((d) => ({ title: d.title, url: d.url && isWebUrl(d.url) ? d.url : undefined })),
    },
    adoption: lenientAdoption(input.adoption),
    sections: input.sections.map((s) => ({
      ...s,
      title: fill(s.title, '[sectie zonder titel]'),
      articles: s.articles.map((a) =>
        'custom' in a
          ? {
              ...a,
              title: fill(a.title, '[artikel zonder titel]'),
              text: fill(a.text, '[nog geen tekst]'),
              audiences: a.audiences?.length ? a.audiences : undefined,
            }
          : a,
      ),
    })),
    overrides: Object.fromEntries(
      Object.entries(input.overrides ?? {}).map(([k, v]) => [k, fill(v, '[nog geen tekst]')]),
    ),
  };
}

/** A half-filled adoption left out of the preview, and consents without a body or a date left out of it. */
function lenientAdoption(adoption: ProtocolInput['adoption']): ProtocolInput['adoption'] {
  const isDate = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (!adoption || !adoption.by.trim() || !isDate(adoption.date)) return undefined;
  return { ...adoption, consent: adoption.consent?.filter((c) => c.body.trim() && isDate(c.date)) };
}

/**
 * The message for a schema issue as the wizard's form shows it: the file messages, except where the form's
 * own control makes them read oddly (a date picker left empty, checkboxes of which none is ticked).
 */
function wizardMessage(issue: z.ZodIssue, input: ProtocolInput): string {
  const last = issue.path.at(-1);
  if (last === 'date' && valueAt(input, issue.path) === '') return 'ontbreekt. Kies een datum.';
  if (last === 'audiences' && issue.code === 'too_small') return 'kies minstens één doelgroep.';
  return dutchIssueMessage(issue);
}

/** The value at a field path of the composition (`['adoption', 'consent', 0, 'date']`), or undefined. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
    input,
  );
}
