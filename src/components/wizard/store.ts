/**
 * The wizard's state: the draft (a signal), its undo/redo history and its autosave in localStorage.
 * Every change goes through {@link commit}, so that each one is saved and can be undone.
 */
import { computed, signal } from '@preact/signals';
import type { Library } from '../../lib/compose/document.ts';
import { deriveForeignNames } from '../../lib/lint/foreign-names.ts';
import { reviewProtocol } from '../../lib/lint/review-protocol.ts';
import type { Finding } from '../../lib/lint/finding.ts';
import { emptyDraft, normalizeDraft, type Draft } from '../../lib/wizard/draft.ts';
import { evaluateDraft } from '../../lib/wizard/evaluate.ts';
import { libraryFromData, type WizardData } from '../../lib/wizard/wizard-data.ts';

/** localStorage key of the autosaved work. */
export const STORAGE_KEY = 'protocolwijzer:samenstellen:v1';
/** localStorage key the print page reads its HTML from. */
export const PRINT_KEY = 'protocolwijzer:afdrukken';
/** Changes to the same field within this many ms are one undo step (typing a word is one step). */
const COALESCE_MS = 1200;
/** The most undo steps kept. */
const HISTORY_LIMIT = 200;

/** The library and models, once loaded. */
export const data = signal<WizardData | undefined>(undefined);
/** The library maps built from {@link data}. */
export const library = computed<Library | undefined>(() => (data.value ? libraryFromData(data.value) : undefined));
/** The work in progress. */
export const draft = signal<Draft>(emptyDraft());
/** The step shown (0-based). */
export const step = signal(0);
/** The status line under the toolbar: what just happened (restored, imported, what to fix first). */
export const notice = signal('');
/** The section shown in the "section by section" step. */
export const sectionIndex = signal(0);
const past = signal<Draft[]>([]);
const future = signal<Draft[]>([]);
let lastKey = '';
let lastAt = 0;

/** Whether there is a change to undo / redo. */
export const canUndo = computed(() => past.value.length > 0);
export const canRedo = computed(() => future.value.length > 0);

/** The draft checked and composed with the build's code (schema, checkProtocol, composeProtocol). */
export const evaluation = computed(() => {
  const lib = library.value;
  if (!lib || !data.value) return undefined;
  return evaluateDraft(draft.value, lib, data.value.models.map((m) => m.id));
});

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
  return reviewProtocol({ protocol: ev.protocol, doc: ev.doc, library: lib, foreignNames: foreignNames.value });
});

function save(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ draft: draft.value, step: step.value, section: sectionIndex.value }));
  } catch {
    // Storage full or blocked (private mode): the work stays in the page; nothing else to do.
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
}

/** Moves to a step (and saves, so a reload returns there). */
export function goTo(n: number): void {
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
}

/** Throws the work away: "opnieuw beginnen". */
export function startOver(): void {
  past.value = [];
  future.value = [];
  draft.value = emptyDraft();
  step.value = 0;
  sectionIndex.value = 0;
  lastKey = '';
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing saved
  }
}

/** Reads the autosaved work; undefined when there is none or it cannot be read. */
export function restore(): { draft: Draft; step: number; section: number } | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as { draft?: Draft; step?: number; section?: number };
    if (!saved.draft || saved.draft.v !== 1) return undefined;
    return { draft: normalizeDraft(saved.draft), step: saved.step ?? 0, section: saved.section ?? 0 };
  } catch {
    return undefined;
  }
}
