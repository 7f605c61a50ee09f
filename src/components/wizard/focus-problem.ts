/**
 * Takes the user to a problem: to its step (and section), with the focus on its field, so that a screen reader
 * reads the field with its error. Used when the user goes on or exports while something is wrong.
 */
import type { Problem } from '../../lib/errors/content-error.ts';
import { problemLocation } from '../../lib/wizard/problem-location.ts';
import { describeField } from '../../lib/wizard/warnings.ts';
import { t } from '../../i18n/t.ts';
import { checkNow, draft, evaluation, goTo, goToSection, library, notice, revealAll, step } from './store.ts';

/** A field waiting to be focused once its step has rendered. */
let pending: { step: number; field?: string; fallbackId?: string } | undefined;

/**
 * Focuses the form element that shows a field path (`data-fields` of {@link Field}), else the element with
 * `fallbackId`, else the first invalid element of the form.
 *
 * @returns whether something got the focus.
 */
export function focusField(field: string | undefined, fallbackId?: string): boolean {
  const form = document.querySelector('.wizard-form');
  const quoted = field?.replace(/["\\]/g, '\\$&');
  const el =
    (quoted ? form?.querySelector<HTMLElement>(`[data-fields~="${quoted}"]`) : null) ??
    (fallbackId ? document.getElementById(fallbackId) : null) ??
    form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return false;
  el.focus();
  return true;
}

/**
 * The focus request left by {@link showProblem} for a step that was still to be rendered; the wizard's step
 * effect takes it instead of focusing the step's heading. A request for another step is left waiting (an effect
 * of an earlier step change may still run first).
 *
 * @param current the step now shown.
 * @returns whether a field got the focus.
 */
export function takePendingFocus(current: number): boolean {
  const want = pending;
  if (!want || want.step !== current) return false;
  pending = undefined;
  return focusField(want.field, want.fallbackId);
}

/**
 * The first problem that a step of the wizard has a field for: on one step (`only`), or on any step. Checks the work
 * as it is now first (never the check of a moment ago).
 *
 * @param only the step to look at; undefined for all steps.
 */
export function firstProblem(
  only?: number,
): { problem: Problem; step: number; section?: number; fallbackId?: string } | undefined {
  checkNow();
  const d = draft.value;
  for (const problem of evaluation.value?.problems ?? []) {
    const loc = problemLocation(problem.field, d, library.value);
    if (loc && (only === undefined || loc.step === only)) return { problem, ...loc };
  }
  return undefined;
}

/**
 * Goes to a problem's step and section, puts the focus on its field and says in the status line what is wrong.
 *
 * @param target a result of {@link firstProblem}.
 */
export function showProblem(target: NonNullable<ReturnType<typeof firstProblem>>): void {
  const { problem } = target;
  const ev = evaluation.value;
  // From now on every error shows at its field (they were hidden until a field was left).
  revealAll.value = true;
  notice.value = `${t('wizard.fixFirst')} ${problem.field && ev ? `${describeField(problem.field, ev.input)}: ` : ''}${problem.message}`;
  pending = { step: target.step, field: problem.field, fallbackId: target.fallbackId };
  if (target.section !== undefined) goToSection(target.section);
  if (target.step !== step.value) goTo(target.step);
  // Same step: the wizard's step effect will not run; focus once the change of section has rendered.
  else requestAnimationFrame(() => takePendingFocus(target.step));
}
