/**
 * The review's findings in the wizard's review step (`reviewProtocol`, the same rules as the build and
 * `npm run review`): each with what is wrong and how to fix it, its source, a button that goes to the field or
 * article that fixes it, and for an error a way to accept it with a reason that is saved in the file.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { SEVERITY_LABELS, type Finding } from '../../lib/lint/finding.ts';
import { countFindings, summarizeFindings } from '../../lib/lint/review-protocol.ts';
import { findingLocation, findingProblem } from '../../lib/wizard/finding-location.ts';
import { showProblem } from './focus-problem.ts';
import { draft, findings, library, update } from './store.ts';

/** Whether two findings are the same for the `accepted` list (rule and article). */
const same = (a: { rule: string; article: string | null }, b: { rule: string; article: string | null }) =>
  a.rule === b.rule && a.article === b.article;

/** The list of findings, errors first. */
export function ReviewFindings() {
  const list = findings.value;
  const counts = countFindings(list);
  return (
    <section aria-labelledby="review-findings">
      <h3 id="review-findings">{t('wizard.review.findings')}</h3>
      <p id="review-findings-summary" role="status">
        {list.length ? summarizeFindings(list) : t('wizard.review.noFindings')}
      </p>
      {counts.blocking > 0 && <p class="help">{t('wizard.review.blockingHelp')}</p>}
      {list.length > 0 && (
        <ul class="findings">
          {list.map((f, i) => (
            <FindingItem key={`${f.rule}-${f.article}-${i}`} finding={f} index={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * What the finding's button says: a value or a school field, an article as a whole, a clause to switch on, or what
 * the school inherits from its board.
 */
function goToLabel(
  f: Finding,
): 'wizard.review.goToField' | 'wizard.review.goToArticle' | 'wizard.review.goToClause' | 'wizard.review.goToBoard' {
  if (f.board !== undefined) return 'wizard.review.goToBoard';
  if (!f.field) return 'wizard.review.goToClause';
  return /^sections\.\d+\.articles\.\d+$/.test(f.field) ? 'wizard.review.goToArticle' : 'wizard.review.goToField';
}

/** One finding with its link and, for an error, its accept form. */
function FindingItem({ finding: f, index }: { finding: Finding; index: number }) {
  const [reason, setReason] = useState('');
  const [askReason, setAskReason] = useState(false);
  const loc = findingLocation(f, draft.value, library.value);
  const id = `finding-${index}`;
  function accept() {
    if (!reason.trim()) {
      setAskReason(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    update((d) => ({
      ...d,
      accepted: [...d.accepted.filter((a) => !same(a, f)), { rule: f.rule, article: f.article, reason: reason.trim() }],
    }));
    setReason('');
    setAskReason(false);
  }
  function withdraw() {
    update((d) => ({ ...d, accepted: d.accepted.filter((a) => !same(a, f)) }));
  }
  return (
    <li
      class={`finding finding-${f.severity}${f.accepted !== undefined ? ' finding-accepted' : ''}`}
      data-rule={f.rule}
      data-article={f.article ?? ''}
    >
      <p id={`${id}-message`}>
        <strong class="finding-severity">{SEVERITY_LABELS[f.severity]}</strong> {f.message}
      </p>
      <p class="finding-source">
        {t('wizard.review.source')} {f.source}
      </p>
      {loc && (
        <button
          type="button"
          aria-describedby={`${id}-message`}
          onClick={() => showProblem({ problem: findingProblem(f), ...loc })}
        >
          {t(goToLabel(f))}
        </button>
      )}
      {f.severity === 'error' &&
        (f.accepted !== undefined ? (
          <p class="finding-accepted-reason">
            {t('wizard.review.acceptedBecause')} “{f.accepted}”{' '}
            <button type="button" onClick={withdraw}>
              {t('wizard.review.withdraw')}
            </button>
          </p>
        ) : (
          <div class="field finding-accept">
            <label for={`${id}-reason`}>{t('wizard.review.acceptReason')}</label>
            <input
              id={`${id}-reason`}
              type="text"
              value={reason}
              aria-invalid={askReason ? 'true' : undefined}
              aria-describedby={askReason ? `${id}-reason-error` : undefined}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            {askReason && (
              <p id={`${id}-reason-error`} class="field-error">
                {t('wizard.review.acceptNeedsReason')}
              </p>
            )}
            <button type="button" onClick={accept}>
              {t('wizard.review.accept')}
            </button>
          </div>
        ))}
    </li>
  );
}
