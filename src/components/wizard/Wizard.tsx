/**
 * The wizard at `/samenstellen/`: an Astro island (Preact + signals) that composes a school's protocol in the
 * browser with the same src/lib code the build uses. Steps (issue 13): start (sector and starting point), the
 * decisions, the school's details; then, only when wanted, all articles and own articles; review; take it home.
 * A live preview follows every change. This file is the frame: loading, the step list, focus and the tab title;
 * each step, the toolbar, the preview and the file jobs have their own module.
 */
import { useEffect, useErrorBoundary, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { SHARE_PREFIX } from '../../lib/wizard/share.ts';
import type { WizardData } from '../../lib/wizard/wizard-data.ts';
import { DecisionsStep } from './DecisionsStep.tsx';
import { firstProblem, showProblem, takePendingFocus } from './focus-problem.ts';
import { HomeStep } from './HomeStep.tsx';
import { OwnStep } from './OwnStep.tsx';
import { followArticle, Preview } from './Preview.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SchoolStep } from './SchoolStep.tsx';
import { SectionsStep } from './SectionsStep.tsx';
import { StartStep } from './StartStep.tsx';
import { STEPS } from '../../lib/wizard/problem-location.ts';
import { ESSENTIAL_STEPS, STEP_KEYS } from './steps.ts';
import { Toolbar } from './Toolbar.tsx';
import { handlesOwnUndo, shortcutAction } from '../../lib/wizard/shortcuts.ts';
import {
  checkNow,
  data,
  draft,
  goTo,
  notice,
  redo,
  restore,
  sectionIndex,
  startMissing,
  startOver,
  step,
  undo,
} from './store.ts';
import { downloadText, openShare, savedRaw } from './work-file.ts';

/** Where `bibliotheek.json` lives, relative to the wizard page. */
const DATA_URL = '/samenstellen/bibliotheek.json';

/**
 * The wizard, inside an error boundary: whatever goes wrong while showing the work, the page reaches a usable
 * state that offers the saved work as a download and "Opnieuw beginnen" (review attack-2026-11, failure 6).
 */
export default function Wizard() {
  const [error, reset] = useErrorBoundary();
  if (error) {
    const raw = savedRaw();
    return (
      <div class="wizard-errors" role="alert">
        <p>{t('wizard.crashed')}</p>
        {raw && (
          <button
            type="button"
            onClick={() => downloadText('protocolwijzer-opgeslagen-werk.json', raw, 'application/json')}
          >
            {t('wizard.unreadableDownload')}
          </button>
        )}{' '}
        <button
          type="button"
          onClick={() => {
            if (confirm(t('wizard.startOverConfirm'))) {
              startOver();
              reset();
            }
          }}
        >
          {t('wizard.startOver')}
        </button>
      </div>
    );
  }
  return <WizardMain />;
}

/** The tab title of a step: its name first, so a list of tabs or the history says where one is. */
function stepTitle(current: number): string {
  return `${t(STEP_KEYS[current]!)} (${t('wizard.step').toLowerCase()} ${current + 1} ${t('wizard.of')} ${STEP_KEYS.length}) · ${t('wizard.title')} · ${t('site.name')}`;
}

/** The whole wizard. */
function WizardMain() {
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [previewOpen, setPreviewOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    let cancelled = false;
    fetch(DATA_URL)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<WizardData>;
      })
      .then(async (d) => {
        if (cancelled) return;
        data.value = d;
        const saved = restore();
        if (saved) {
          draft.value = saved.draft;
          checkNow();
          step.value = Math.min(saved.step, STEP_KEYS.length - 1);
          sectionIndex.value = saved.section;
          notice.value = t('wizard.restored');
        }
        setStatus('ready');
        if (location.hash.startsWith(SHARE_PREFIX)) await openShare(location.hash);
      })
      .catch(() => setStatus('failed'));
    // A share link opened in a tab that already shows the wizard changes only the fragment: no reload.
    const onHash = () => {
      if (data.value && location.hash.startsWith(SHARE_PREFIX)) void openShare(location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  // Focus moves to the new step's heading (not on the first render: the page's own heading comes first), and the
  // tab title names the step.
  const current = step.value;
  useEffect(() => {
    if (status !== 'ready') return;
    document.title = stepTitle(current);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setPreviewOpen(false);
    // A problem to fix on this step takes the focus; otherwise the step's heading does (a screen reader reads it:
    // "Stap 2 van 7: Keuzes").
    if (!takePendingFocus(current)) headingRef.current?.focus();
  }, [current, status]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, except in a text field, which has the browser's own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutAction(e);
      if (!action || handlesOwnUndo(document.activeElement as HTMLInputElement | null)) return;
      e.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /**
   * "Volgende stap": on to the next step, unless this step has a problem; then the focus goes to its field. On
   * "Beginnen" without a starting point the wizard stays, says so at the starting points and focuses the first.
   */
  function goOn(to = current + 1) {
    if (current === STEPS.start && !draft.value.sections.length) {
      startMissing.value = true;
      notice.value = '';
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.starts button')?.focus());
      return;
    }
    const problem = firstProblem(current);
    if (problem) showProblem(problem);
    else {
      notice.value = '';
      goTo(to);
    }
  }

  if (status === 'loading') return <p role="status">{t('wizard.loading')}</p>;
  if (status === 'failed') return <p role="alert">{t('wizard.loadFailed')}</p>;

  return (
    // Leaving a field checks the work at once, so its error shows (while typing, the checks wait for a pause).
    <div class={`wizard${previewOpen ? ' wizard--preview-open' : ''}`} onFocusOut={checkNow}>
      <Toolbar />

      <nav class="wizard-steps" aria-label={t('wizard.steps')}>
        <ol>
          {STEP_KEYS.map((key, i) => (
            <li class={i < ESSENTIAL_STEPS ? 'essential' : i < STEP_KEYS.length - 2 ? 'optional' : undefined}>
              <button type="button" aria-current={i === current ? 'step' : undefined} onClick={() => goTo(i)}>
                <span class="n">{i + 1}</span> {t(key)}
                {i === current && <span class="sr-only"> ({t('wizard.currentStep')})</span>}
              </button>
            </li>
          ))}
        </ol>
        <p class="help steps-help">{t('wizard.stepsHelp')}</p>
      </nav>

      <button
        type="button"
        class="wizard-preview-toggle"
        aria-expanded={previewOpen}
        aria-controls="wizard-preview"
        onClick={() => setPreviewOpen(!previewOpen)}
      >
        {previewOpen ? t('wizard.preview.hide') : t('wizard.preview.show')}
      </button>

      <div class="wizard-body">
        <div
          class="wizard-form"
          onFocusIn={(e) => {
            const key = (e.target as HTMLElement).closest('[data-article-key]')?.getAttribute('data-article-key');
            if (key) followArticle(key);
          }}
        >
          <h2 ref={headingRef} tabIndex={-1} id="step-heading">
            <span class="step-of">
              {t('wizard.step')} {current + 1} {t('wizard.of')} {STEP_KEYS.length}:
            </span>{' '}
            {t(STEP_KEYS[current]!)}
          </h2>
          {current === 0 && <StartStep />}
          {current === 1 && <DecisionsStep />}
          {current === 2 && <SchoolStep />}
          {current === 3 && <SectionsStep />}
          {current === 4 && <OwnStep />}
          {current === 5 && <ReviewStep />}
          {current === 6 && <HomeStep />}
          <div class="wizard-nav">
            {current > 0 && (
              <button type="button" onClick={() => goTo(current - 1)}>
                {t('wizard.prev')}: {t(STEP_KEYS[current - 1]!)}
              </button>
            )}
            {current === ESSENTIAL_STEPS - 1 && (
              <button type="button" onClick={() => goOn(STEP_KEYS.indexOf('wizard.step.review'))}>
                {t('wizard.skipToReview')}
              </button>
            )}
            {current < STEP_KEYS.length - 1 && (
              <button type="button" class="primary" onClick={() => goOn()}>
                {t('wizard.next')}: {t(STEP_KEYS[current + 1]!)}
              </button>
            )}
          </div>
        </div>
        <Preview />
      </div>
    </div>
  );
}
