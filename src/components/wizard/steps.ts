/** The wizard's steps in order, by their name key in nl.json; indexes match `STEPS` in src/lib/wizard/problem-location.ts. */
import type { MessageKey } from '../../i18n/t.ts';

/** Step names, in the order shown (issue 13: the decisions first, the rest only when wanted). */
export const STEP_KEYS: readonly MessageKey[] = [
  'wizard.step.start',
  'wizard.step.decisions',
  'wizard.step.school',
  'wizard.step.sections',
  'wizard.step.own',
  'wizard.step.review',
  'wizard.step.home',
];

/** How many of the first steps make a complete protocol: start, decisions, details (shown in the step list). */
export const ESSENTIAL_STEPS = 3;
