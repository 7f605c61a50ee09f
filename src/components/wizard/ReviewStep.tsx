/**
 * Step 6, "Controleren" (issue 13): first a summary of the answers, each with a link back to its field; then the
 * review's findings, each with a button to what fixes it; the changes against the version in force with a reason
 * for the (G)MR (ReasonsPanel); the diff against the starting model only on request, behind a disclosure (loaded
 * when opened).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { chosenVariant, decisionsFor } from '../../lib/wizard/decisions.ts';
import { decisionId, STEPS } from '../../lib/wizard/problem-location.ts';
import { reviewWarnings } from '../../lib/wizard/warnings.ts';
import { ReasonsPanel } from './ReasonsPanel.tsx';
import { ReviewFindings } from './ReviewFindings.tsx';
import { data, draft, evaluation, goTo, library } from './store.ts';

/** Warnings the review's `missing-topic` rule now reports, with the clause that covers them. */
const COVERED_BY_REVIEW = new Set([
  'no-measures',
  'no-reporting',
  'no-image-rule',
  'sector-mismatch',
  'requires-missing',
]);

/** Goes to a step and puts the focus on an element of it once it is shown. */
function goToField(step: number, id: string): void {
  goTo(step);
  // Two frames: the step renders, then the wizard's own focus on the heading; the field comes last.
  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(id)?.focus()));
}

/** The summary, the findings, the reasons and (on request) the diff against the starting model. */
export function ReviewStep() {
  const ev = evaluation.value!;
  const lib = library.value!;
  const warnings = reviewWarnings(ev.input, ev.doc, [...ev.problems, ...ev.warnings], lib).filter(
    (w) => !(ev.protocol && COVERED_BY_REVIEW.has(w.id)),
  );
  return (
    <div class="step">
      <Answers />
      <ReviewFindings />
      {warnings.length > 0 && (
        <section aria-labelledby="review-warnings">
          <h3 id="review-warnings">{t('wizard.review.warnings')}</h3>
          <ul class="warnings">
            {warnings.map((w) => (
              <li data-warning={w.id}>{w.message}</li>
            ))}
          </ul>
        </section>
      )}
      <ReasonsPanel />
      <ModelDiff />
    </div>
  );
}

/** The school's answers in brief: decisions, details, contacts, the MR, own articles; each links to its field. */
function Answers() {
  const d = draft.value;
  const lib = library.value!;
  const decisions = decisionsFor(lib, d.school.sector);
  const reporting = d.school.contacts.filter((c) => c.reporting);
  const own = d.sections.flatMap((s) => s.articles.filter((a) => a.enabled && a.custom !== undefined));
  const off = d.sections.reduce((n, s) => n + s.articles.filter((a) => !a.enabled).length, 0);
  const row = (label: string, value: string, step: number, id: string, key: string) => (
    <div class="answer" key={key}>
      <dt>{label}</dt>
      <dd>
        {value}{' '}
        <button type="button" class="link" onClick={() => goToField(step, id)}>
          {t('wizard.review.change')}
          <span class="sr-only">: {label}</span>
        </button>
      </dd>
    </div>
  );
  const empty = t('wizard.review.notGiven');
  return (
    <section aria-labelledby="review-answers">
      <h3 id="review-answers">{t('wizard.review.answers')}</h3>
      <h4>{t('wizard.step.decisions')}</h4>
      <dl class="answers">
        {decisions.map((x) => {
          const chosen = chosenVariant(d, lib, x.choicePoint.id);
          const clause = chosen ? lib.clauses.get(chosen) : undefined;
          return row(
            x.choicePoint.title,
            clause?.title ?? t('wizard.decisions.none'),
            STEPS.decisions,
            decisionId(x.choicePoint.id, clause?.variant ?? 'none'),
            x.choicePoint.id,
          );
        })}
      </dl>
      <h4>{t('wizard.step.school')}</h4>
      <dl class="answers">
        {row(t('wizard.school.name'), d.school.name || empty, STEPS.school, 'school-name', 'name')}
        {row(t('wizard.school.place'), d.school.place || empty, STEPS.school, 'school-place', 'place')}
        {row(
          t('wizard.review.reporting'),
          reporting.length ? reporting.map((c) => c.role || '…').join(', ') : empty,
          STEPS.school,
          reporting.length ? `contact-${d.school.contacts.indexOf(reporting[0]!)}-role` : 'contact-add',
          'reporting',
        )}
        {row(
          t('wizard.adoption'),
          d.adoption.consent.length
            ? d.adoption.consent.map((c) => `${c.body || '…'} ${c.date}`).join(', ')
            : t('wizard.review.draftOnly'),
          STEPS.school,
          d.adoption.consent.length ? 'consent-0-body' : 'adoption-by',
          'adoption',
        )}
      </dl>
      <h4>{t('wizard.review.rest')}</h4>
      <dl class="answers">
        {row(t('wizard.review.off'), String(off), STEPS.sections, 'filter-choice', 'off')}
        {row(t('wizard.step.own'), String(own.length), STEPS.own, own[0] ? `${own[0].uid}-title` : 'own-add-0', 'own')}
      </dl>
    </section>
  );
}

/** The diff against the starting model, behind a disclosure; the differ loads when it is opened. */
function ModelDiff() {
  const ev = evaluation.value!;
  const lib = library.value!;
  const [open, setOpen] = useState(false);
  const [diffHtml, setDiffHtml] = useState('');
  const model = data.value!.models.find((m) => m.id === draft.value.startsFrom);
  const doc = ev.doc;
  useEffect(() => {
    if (!open || !doc || !model) return;
    let cancelled = false;
    Promise.all([import('../../lib/versions/diff-versions.ts'), import('../../lib/render/render-change.ts')]).then(
      ([{ diffVersions }, { renderChangeSummaryHtml, renderChangesHtml }]) => {
        if (cancelled) return;
        // The one comparison, as on the model-diff page and its redline: V1, V2, … against the starting model.
        const diff = diffVersions(model.doc, doc, {}, { against: 'model' });
        const names = { beforeName: model.organisation, afterName: doc.organisation };
        const opts = { ...names, clauses: lib.clauses, level: 4 as const, links: false };
        const summary = `<div class="diff-summary">${renderChangeSummaryHtml(diff, opts)}</div>`;
        setDiffHtml(`${summary}\n<div class="diff-changes">${renderChangesHtml(diff, opts)}</div>`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, doc, model]);
  if (!model || !doc) return null;
  return (
    <details class="review-diff" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {t('wizard.review.diff')}: {model.organisation} ({model.year})
      </summary>
      <p>{t('wizard.review.diffIntro')}</p>
      <div dangerouslySetInnerHTML={{ __html: diffHtml }} />
    </details>
  );
}
