/**
 * The wizard's state: the draft (a signal), its undo/redo history and its autosave in localStorage.
 * Every change goes through {@link commit}, so that each one is saved and can be undone.
 */
import { computed, effect, signal } from '@preact/signals';
import type { Library } from '../../lib/compose/document.ts';
import { deriveForeignNames } from '../../lib/lint/foreign-names.ts';
import { reviewProtocol } from '../../lib/lint/review-protocol.ts';
import type { Finding } from '../../lib/lint/finding.ts';
import type { VariableValue } from '../../lib/schema/clause.ts';
import { emptyDraft, readSavedDraft, type Draft } from '../../lib/wizard/draft.ts';
import { evaluateDraft } from '../../lib/wizard/evaluate.ts';
import { createIdleCheck } from '../../lib/wizard/idle-check.ts';
import { createLivePreview } from '../../lib/wizard/live-preview.ts';
import { boardsFromData, libraryFromData, type WizardData } from '../../lib/wizard/wizard-data.ts';

/** localStorage key of the autosaved work. */
export const STORAGE_KEY = 'protocolwijzer:samenstellen:v1';
/** localStorage key the print page reads its HTML from when the wizard that opened it is gone (best effort). */
export const PRINT_KEY = 'protocolwijzer:afdrukken';
/** localStorage key where saved work that could not be read is kept aside, untouched, until the user decides. */
export const UNREADABLE_KEY = 'protocolwijzer:samenstellen:onleesbaar';
/** Changes to the same field within this many ms are one undo step (typing a word is one step). */
const COALESCE_MS = 1200;
/** The most undo steps kept. */
const HISTORY_LIMIT = 200;

/** The library and models, once loaded. */
export const data = signal<WizardData | undefined>(undefined);
/** The library maps built from {@link data}. */
export const library = computed<Library | undefined>(() => (data.value ? libraryFromData(data.value) : undefined));
/** The board files by id (issue 15): a school whose `school.board` names one inherits its values. */
export const boards = computed(() => boardsFromData(data.value ?? {}));
/** The work in progress. */
export const draft = signal<Draft>(emptyDraft());
/** The step shown (0-based). */
export const step = signal(0);
/** The status line under the toolbar: what just happened (restored, imported, what to fix first). */
export const notice = signal('');
/** The section shown in the "section by section" step. */
export const sectionIndex = signal(0);
/**
 * Whether the last change was saved in this browser: `saved`, or `failed` (storage full, blocked, or the work too
 * large). The wizard never says "saved" while this is `failed` and offers a download instead.
 */
export const saveState = signal<'saved' | 'failed'>('saved');
/**
 * Saved work found on load that could not be read (wrong version, broken JSON, a field of the wrong type): its raw
 * text, kept so the user can download it. While `aside` is false it could not be copied aside, and autosave stays
 * off, so the only copy is never overwritten without the user's word.
 */
export const unreadable = signal<{ raw: string; problem: string; aside: boolean } | undefined>(undefined);
/**
 * Field paths whose errors are shown: a field's error appears once it has been left (blur) or once the user pressed
 * "Volgende" or an export with a problem ({@link revealAll}), never before anything was typed (review people-2026-11).
 */
export const revealed = signal<ReadonlySet<string>>(new Set());
/** True once the user tried to go on with a problem: from then on every error shows. */
export const revealAll = signal(false);
/**
 * True once the user pressed "Volgende" on "Beginnen" without a starting point: the step then says so at the
 * starting points (the wizard stays on it), until one is chosen.
 */
export const startMissing = signal(false);

/** Marks field paths as left by the user, so that their errors show. */
export function reveal(fields: readonly string[]): void {
  if (fields.every((f) => revealed.value.has(f))) return;
  revealed.value = new Set([...revealed.value, ...fields]);
}

/**
 * Values typed for a variant the school looked at and left, by `choicePoint:variantId`: looking at another variant
 * (arrow keys in the radio group) never throws them away; they come back when the school returns to that variant.
 * Kept in memory until the page is left (issue 13).
 */
const variantStash = new Map<string, Record<string, VariableValue>>();

/**
 * Keeps the values of the variant being left and gives the values last typed for the variant chosen (none when it
 * was never filled in).
 *
 * @param choicePoint the choice point's id.
 * @param from the clause id of the variant being left, if any, and its current values.
 * @param to the clause id of the variant chosen.
 */
export function switchVariantValues(
  choicePoint: string,
  from: { id: string; values?: Record<string, VariableValue> } | undefined,
  to: string,
): Record<string, VariableValue> {
  if (from && from.values && Object.keys(from.values).length)
    variantStash.set(`${choicePoint}:${from.id}`, { ...from.values });
  return { ...(variantStash.get(`${choicePoint}:${to}`) ?? {}) };
}

const past = signal<Draft[]>([]);
const future = signal<Draft[]>([]);
let lastKey = '';
let lastAt = 0;

/** Whether there is a change to undo / redo. */
export const canUndo = computed(() => past.value.length > 0);
export const canRedo = computed(() => future.value.length > 0);

/**
 * The draft as last checked: it follows {@link draft} once typing pauses (`CHECK_IDLE_MS`, 300 ms), and at once on
 * {@link checkNow} (a field left, a step changed, an export, undo, a new start). The full checks and the review are
 * computed from it; the preview follows every keystroke through {@link previewDoc}.
 */
const checkedDraft = signal<Draft>(draft.value);
const idleCheck = createIdleCheck<Draft>((d) => (checkedDraft.value = d));

/**
 * Brings the checks ({@link evaluation}, {@link findings}) up to date with the draft now, instead of after the
 * pause: when a field is left (its error shows), the step changes, or before anything is exported.
 */
export function checkNow(): void {
  idleCheck.flush();
}

/**
 * The draft checked and composed with the build's code (schema, checkProtocol, composeProtocol), as of the last
 * check ({@link checkNow}; otherwise once typing pauses).
 */
export const evaluation = computed(() => {
  const lib = library.value;
  if (!lib || !data.value) return undefined;
  return evaluateDraft(
    checkedDraft.value,
    lib,
    data.value.models.map((m) => m.id),
    undefined,
    boards.value,
  );
});

/**
 * Whether errors show as they arise: once the user tried to go on with a problem (every error shows from then on), or
 * while a field that was left shows one. Then every change is checked at once, so that an error comes and goes as
 * the school types (and the form never jumps under the pointer when the field is left); otherwise the checks wait
 * for a pause in typing.
 */
function errorsShown(): boolean {
  if (revealAll.peek()) return true;
  const problems = evaluation.peek()?.problems ?? [];
  if (!problems.length) return false;
  const shown = revealed.peek();
  return problems.some((p) => p.field !== undefined && shown.has(p.field));
}

effect(() => {
  const d = draft.value;
  if (d === checkedDraft.peek()) return;
  idleCheck.schedule(d);
  if (errorsShown()) idleCheck.flush();
});

/** The live preview's composer and article renderer for the loaded library (one per library). */
export const livePreview = computed(() => (library.value ? createLivePreview(library.value, boards.value) : undefined));

/**
 * The document the preview shows, composed from the draft as it is now (every keystroke), reusing each article that
 * did not change; when the draft cannot be composed, the last checked document.
 */
export const previewDoc = computed(() => livePreview.value?.compose(draft.value) ?? evaluation.value?.doc);

/** The reference models' names, for the review's `foreign-organisation` rule (derived once per library load). */
const foreignNames = computed(() => (data.value ? deriveForeignNames(data.value.models.map((m) => m.doc)) : []));

/**
 * The review of the draft (`reviewProtocol`, the same rules as `npm run review` and the build): empty until the
 * composition is valid and composed.
 */
export const findings = computed<Finding[]>(() => {
  const ev = evaluation.value;
  const lib = library.value;
  if (!ev?.protocol || !ev.doc || !lib) return [];
  return reviewProtocol({
    protocol: ev.effective ?? ev.protocol,
    doc: ev.doc,
    library: lib,
    foreignNames: foreignNames.value,
    ...(ev.inherited ? { inherited: ev.inherited } : {}),
  });
});

function save(): void {
  if (unreadable.value && !unreadable.value.aside) {
    saveState.value = 'failed';
    return;
  }
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ draft: draft.value, step: step.value, section: sectionIndex.value }),
    );
    saveState.value = 'saved';
  } catch {
    // Storage full, blocked (private mode) or the work too large: the work stays in the page, and the wizard
    // says so at once and offers a download (review attack-2026-11, failure 5).
    saveState.value = 'failed';
  }
}

/**
 * Applies a change: pushes the current draft on the undo stack (or, for repeated changes to the same field
 * within {@link COALESCE_MS}, keeps one step), clears redo and saves.
 *
 * @param next the new draft.
 * @param key what changed (a field id); consecutive changes with the same key are one undo step.
 */
export function commit(next: Draft, key = ''): void {
  const now = Date.now();
  const coalesce = key !== '' && key === lastKey && now - lastAt < COALESCE_MS;
  if (!coalesce) past.value = [...past.value.slice(-HISTORY_LIMIT + 1), draft.value];
  future.value = [];
  lastKey = key;
  lastAt = now;
  draft.value = next;
  save();
}

/** Updates the draft through a function of the current one (see {@link commit}). */
export function update(fn: (d: Draft) => Draft, key = ''): void {
  commit(fn(draft.value), key);
}

/** Undoes the last change. */
export function undo(): void {
  const prev = past.value[past.value.length - 1];
  if (!prev) return;
  past.value = past.value.slice(0, -1);
  future.value = [draft.value, ...future.value];
  draft.value = prev;
  lastKey = '';
  save();
  checkNow();
}

/** Redoes the last undone change. */
export function redo(): void {
  const next = future.value[0];
  if (!next) return;
  future.value = future.value.slice(1);
  past.value = [...past.value, draft.value];
  draft.value = next;
  lastKey = '';
  save();
  checkNow();
}

/** Moves to a step (and saves, so a reload returns there). */
export function goTo(n: number): void {
  checkNow();
  step.value = n;
  save();
}

/** Shows a section in the "section by section" step. */
export function goToSection(n: number): void {
  sectionIndex.value = n;
  save();
}

/** Replaces the work entirely (a start, an import, a share link); the old work stays one undo away. */
export function replaceDraft(next: Draft): void {
  lastKey = '';
  commit(next);
  checkNow();
}

/**
 * Throws the work away: "opnieuw beginnen". Saved work that could not be read is removed too (the user has been
 * offered its download), and autosave works again.
 */
export function startOver(): void {
  past.value = [];
  future.value = [];
  draft.value = emptyDraft();
  checkNow();
  step.value = 0;
  sectionIndex.value = 0;
  lastKey = '';
  unreadable.value = undefined;
  saveState.value = 'saved';
  revealed.value = new Set();
  revealAll.value = false;
  startMissing.value = false;
  variantStash.clear();
  try {
    localStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(UNREADABLE_KEY);
  } catch {
    // nothing saved
  }
}

/**
 * Reads the autosaved work; undefined when there is none. Saved work that cannot be read (broken JSON, another
 * version, a field of the wrong type) is never used and never dropped: it is copied to {@link UNREADABLE_KEY} (or,
 * when that fails, autosave stays off) and {@link unreadable} tells the page to say so and offer it as a download.
 */
export function restore(): { draft: Draft; step: number; section: number } | undefined {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  let problem: string;
  try {
    const saved = JSON.parse(raw) as { draft?: unknown; step?: unknown; section?: unknown };
    const read = saved && typeof saved === 'object' ? readSavedDraft(saved.draft) : { problem: 'geen opgeslagen werk' };
    if ('draft' in read) {
      const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
      return {
        draft: read.draft,
        step: n(saved.step),
        section: Math.min(n(saved.section), Math.max(0, read.draft.sections.length - 1)),
      };
    }
    problem = read.problem;
  } catch {
    problem = 'geen geldige JSON';
  }
  let aside = false;
  try {
    localStorage.setItem(UNREADABLE_KEY, raw);
    aside = true;
  } catch {
    // No room for a copy: keep the original where it is and do not autosave over it.
  }
  unreadable.value = { raw, problem, aside };
  return undefined;
}
