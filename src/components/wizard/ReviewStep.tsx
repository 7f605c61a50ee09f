/**
 * Step 5, review: what is missing or odd, the changes against the version that applies now with a reason for the
 * (G)MR for each (ReasonsPanel), and the diff against the starting model (the site's own differ, loaded when this
 * step opens).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { reviewWarnings } from '../../lib/wizard/warnings.ts';
import { ReviewFindings } from './ReviewFindings.tsx';
import { data, draft, evaluation, library } from './store.ts';
import { ReasonsPanel } from './ReasonsPanel.tsx';

/** Warnings the review's `missing-topic` rule now reports, with the clause that covers them. */
const COVERED_BY_REVIEW = new Set(['no-measures', 'no-reporting', 'no-image-rule', 'sector-mismatch', 'requires-missing']);

/** Warnings and the diff against the starting model. */
export function ReviewStep() {
  const ev = evaluation.value!;
  const lib = library.value!;
  const warnings = reviewWarnings(ev.input, ev.doc, [...ev.problems, ...ev.warnings], lib).filter((w) => !(ev.protocol && COVERED_BY_REVIEW.has(w.id)));
  const [diffHtml, setDiffHtml] = useState('');
  const model = data.value!.models.find((m) => m.id === draft.value.startsFrom);
  const doc = ev.doc;
  useEffect(() => {
    if (!doc || !model) return;
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
  }, [doc, model]);
  return (
    <div class="step">
      <ReviewFindings />
      <section aria-labelledby="review-warnings">
        <h3 id="review-warnings">{t('wizard.review.warnings')}</h3>
        {warnings.length ? (
          <ul class="warnings">
            {warnings.map((w) => (
              <li data-warning={w.id}>{w.message}</li>
            ))}
          </ul>
        ) : (
          <p>{t('wizard.review.noWarnings')}</p>
        )}
      </section>
      <ReasonsPanel />
      {model && doc && (
        <section aria-labelledby="review-diff" class="review-diff">
          <h3 id="review-diff">
            {t('wizard.review.diff')}: {model.organisation} ({model.year})
          </h3>
          <p>{t('wizard.review.diffIntro')}</p>
          <div dangerouslySetInnerHTML={{ __html: diffHtml }} />
        </section>
      )}
    </div>
  );
}
