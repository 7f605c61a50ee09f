/**
 * Step 2, "Keuzes" (issue 13): the choice points that matter for the school's sector, each with its variants side by
 * side as radio cards: what each says in brief, which reference models chose it, and what current law says (the
 * review's rules and the clause's `basis`). The values of the chosen variant are asked right under it; values typed
 * for one variant are kept when the school looks at another (`switchVariantValues`).
 */
import { t } from '../../i18n/t.ts';
import { fillTemplate, schoolValues as schoolTemplateValues } from '../../lib/compose/fill-template.ts';
import { renderBody } from '../../lib/render/render-html.ts';
import type { Clause } from '../../lib/schema/clause.ts';
import {
  chooseVariant,
  decisionArticle,
  decisionsFor,
  lawSource,
  variantLaw,
  type Decision,
} from '../../lib/wizard/decisions.ts';
import { articlePaths } from '../../lib/wizard/draft.ts';
import { decisionId } from '../../lib/wizard/problem-location.ts';
import { Glossary } from './Term.tsx';
import { VariableField } from './VariableField.tsx';
import { data, draft, library, switchVariantValues, update } from './store.ts';

/** The decisions of the school's sector, one fieldset each. */
export function DecisionsStep() {
  const d = draft.value;
  if (!d.sections.length) return <p>{t('wizard.sections.none')}</p>;
  const decisions = decisionsFor(library.value!, d.school.sector);
  return (
    <div class="step">
      <p>{t('wizard.decisions.intro', { n: decisions.length })}</p>
      <Glossary
        text={decisions
          .flatMap((x) =>
            x.variants.flatMap((v) => [
              x.choicePoint.question,
              v.title,
              v.summary,
              variantLaw(v, d.school.sector).text,
            ]),
          )
          .join('\n')}
      />
      <ol class="decisions">
        {decisions.map((x, i) => (
          <li key={x.choicePoint.id}>
            <DecisionGroup decision={x} n={i + 1} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One choice point: the question, the variants as radio cards, and the chosen variant's values. */
function DecisionGroup({ decision, n }: { decision: Decision; n: number }) {
  const lib = library.value!;
  const d = draft.value;
  const cp = decision.choicePoint;
  const at = decisionArticle(d, lib, cp.id);
  const chosen = at?.article.enabled ? at.article.clause : undefined;
  const choose = (variantId: string | null) => {
    const from = at?.article.clause ? { id: at.article.clause, values: at.article.values } : undefined;
    const values = variantId ? switchVariantValues(cp.id, from, variantId) : {};
    if (variantId === null && from) switchVariantValues(cp.id, from, '');
    update((x) => chooseVariant(x, lib, cp.id, variantId, values));
  };
  const chosenClause = chosen ? lib.clauses.get(chosen) : undefined;
  // A variant no longer offered (historic, another sector) that the start brought stays visible, marked, so that
  // the school sees it and moves away from it.
  const variants =
    chosenClause && !decision.variants.includes(chosenClause)
      ? [chosenClause, ...decision.variants]
      : decision.variants;
  const path = at ? articlePaths(d).get(at.article.uid) : undefined;
  const noneId = decisionId(cp.id, 'none');
  return (
    <fieldset class="decision" id={`decision-${cp.id}`} data-article-key={chosen}>
      <legend>
        <span class="decision-n">{n}.</span> {cp.title}
      </legend>
      <p class="decision-question">{cp.question}</p>
      <div class="variant-grid">
        {variants.map((v) => (
          <VariantCard variant={v} name={`cp-${cp.id}`} checked={v.id === chosen} onChoose={() => choose(v.id)} />
        ))}
      </div>
      <div class="decision-foot">
        <div class="variant--none">
          <div class="check">
            <input type="radio" id={noneId} name={`cp-${cp.id}`} checked={!chosen} onChange={() => choose(null)} />
            <label for={noneId}>{t('wizard.decisions.none')}</label>
          </div>
        </div>
        <VariantTexts decision={decision} />
      </div>
      {chosenClause && at && Object.keys(chosenClause.variables).length > 0 && (
        <div class="decision-values">
          {Object.entries(chosenClause.variables).map(([name, variable]) => (
            <VariableField
              si={at.si}
              article={at.article}
              name={name}
              variable={variable}
              path={path ? `${path}.values.${name}` : undefined}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

/**
 * One variant as a radio card: title, summary, whether current law advises or rules it out, the models that chose it;
 * the reason and the full text on request ({@link VariantTexts}).
 */
function VariantCard({
  variant,
  name,
  checked,
  onChoose,
}: {
  variant: Clause;
  name: string;
  checked: boolean;
  onChoose: () => void;
}) {
  const d = draft.value;
  const models = data.value!.models;
  const id = decisionId(variant.choicePoint!, variant.variant);
  const byModels = [...new Set(variant.sources.map((s) => s.model))].map((m) => {
    const model = models.find((x) => x.id === m);
    return model ? `${model.organisation} (${model.year})` : m;
  });
  const law = variantLaw(variant, d.school.sector);
  return (
    <div class={`variant${checked ? ' variant--chosen' : ''} variant--${law.status}`}>
      <div class="check">
        <input
          type="radio"
          id={id}
          name={name}
          checked={checked}
          aria-describedby={`${id}-summary ${id}-law`}
          onChange={onChoose}
        />
        <label for={id}>{variant.title}</label>
      </div>
      <p id={`${id}-summary`} class="summary">
        {variant.summary}
      </p>
      <p id={`${id}-law`} class={`chosen-by law--${law.status}`}>
        {law.status !== 'open' && (
          <>
            <strong>{t(law.status === 'advised' ? 'wizard.decisions.advised' : 'wizard.decisions.ruledOut')}</strong>{' '}
            {/* The reason is under "Hele tekst, reden en bronnen" (a phone shows the decisions on fewer screens); a
                screen reader hears it with the choice. */}
            <span class="sr-only">{law.text} </span>
          </>
        )}
        {byModels.length
          ? t(byModels.length === 1 ? 'wizard.decisions.model' : 'wizard.decisions.models', {
              models: byModels.join(', '),
            })
          : t('wizard.decisions.modelsNone')}
      </p>
    </div>
  );
}

/**
 * The full text of every variant, why current law advises or rules it out, and the law or guidance it rests on,
 * behind one disclosure per choice point.
 */
function VariantTexts({ decision }: { decision: Decision }) {
  const d = draft.value;
  const cp = decision.choicePoint;
  const source = lawSource(cp.id);
  return (
    <details class="variant-more">
      <summary>
        {t('wizard.decisions.more')}
        <span class="sr-only">: {cp.title}</span>
      </summary>
      {decision.variants.map((v) => {
        const law = variantLaw(v, d.school.sector);
        const text = fillTemplate(
          v.body,
          v.variables,
          {},
          schoolTemplateValues({ ...d.school, name: d.school.name || 'de school' }),
        );
        return (
          <div class="variant-full">
            <h3 class="variant-full-title">{v.title}</h3>
            {law.status !== 'open' && (
              <p class={`variant-law law--${law.status}`}>
                <strong>
                  {t(law.status === 'advised' ? 'wizard.decisions.advised' : 'wizard.decisions.ruledOut')}
                </strong>{' '}
                {law.text}
              </p>
            )}
            <div class="variant-text" dangerouslySetInnerHTML={{ __html: renderBody(text) }} />
            {law.basis.length > 0 && (
              <ul class="basis">
                {law.basis.map((b) => (
                  <li>
                    <a href={b.url}>{b.title}</a> ({b.publisher})
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {source && <p class="help">{`${t('wizard.review.source')} ${source}`}</p>}
    </details>
  );
}
