/**
 * Step 4, own articles: add, edit and remove the school's own articles, and put the articles of each section
 * in order (library articles too).
 */
import { t } from '../../i18n/t.ts';
import { articlePaths, type DraftArticle } from '../../lib/wizard/draft.ts';
import { AUDIENCE_LABELS, AudienceSchema } from '../../lib/schema/common.ts';
import { Field, problemsAt } from './Field.tsx';
import { updateArticle } from './SectionsStep.tsx';
import { draft, library, update } from './store.ts';

function move(si: number, uid: string, by: -1 | 1): void {
  update((d) => ({
    ...d,
    sections: d.sections.map((s, i) => {
      if (i !== si) return s;
      const from = s.articles.findIndex((a) => a.uid === uid);
      const to = from + by;
      if (from < 0 || to < 0 || to >= s.articles.length) return s;
      const articles = [...s.articles];
      [articles[from], articles[to]] = [articles[to]!, articles[from]!];
      return { ...s, articles };
    }),
  }));
  // Keep the focus on the button that was pressed, which moved with its article.
  requestAnimationFrame(() => document.getElementById(`${uid}-${by < 0 ? 'up' : 'down'}`)?.focus());
}

/** All sections, each with its switched-on articles in order and the school's own articles editable. */
export function OwnStep() {
  const d = draft.value;
  const lib = library.value!;
  const paths = articlePaths(d);
  if (!d.sections.length) return <p>{t('wizard.sections.none')}</p>;
  return (
    <div class="step">
      <p>{t('wizard.own.intro')}</p>
      {d.sections.map((s, si) => {
        const on = s.articles.filter((a) => a.enabled);
        return (
          <section class="own-section" aria-labelledby={`own-${s.uid}`}>
            <h3 id={`own-${s.uid}`}>
              {si + 1}. {s.title}
            </h3>
            {on.length === 0 && <p class="help">{t('wizard.own.empty')}</p>}
            <ol class="own-list">
              {on.map((a, i) => (
                <OwnItem si={si} article={a} first={i === 0} last={i === on.length - 1} title={a.custom !== undefined ? a.title || '…' : (lib.clauses.get(a.clause!)?.title ?? a.clause!)} path={paths.get(a.uid)} />
              ))}
            </ol>
            <button
              type="button"
              onClick={() => {
                const uid = `u${d.next}`;
                update((x) => ({
                  ...x,
                  next: x.next + 1,
                  sections: x.sections.map((y, j) =>
                    j === si ? { ...y, articles: [...y.articles, { uid, enabled: true, custom: `eigen-artikel-${x.next}`, title: '', text: '', audiences: ['everyone'], summary: '' }] } : y,
                  ),
                }));
                requestAnimationFrame(() => document.getElementById(`${uid}-title`)?.focus());
              }}
            >
              {t('wizard.own.add')}
              <span class="sr-only">: {s.title}</span>
            </button>
          </section>
        );
      })}
    </div>
  );
}

function OwnItem({ si, article, first, last, title, path }: { si: number; article: DraftArticle; first: boolean; last: boolean; title: string; path?: string }) {
  const uid = article.uid;
  const custom = article.custom !== undefined;
  return (
    <li class={custom ? 'own-item own-item--custom' : 'own-item'}>
      <div class="own-head">
        <span class="own-title">
          {title}
          {custom && <span class="badge">{t('wizard.article.custom')}</span>}
        </span>
        <span class="own-actions">
          <button type="button" id={`${uid}-up`} disabled={first} onClick={() => move(si, uid, -1)}>
            {t('wizard.own.up')}
            <span class="sr-only">: {title}</span>
          </button>
          <button type="button" id={`${uid}-down`} disabled={last} onClick={() => move(si, uid, 1)}>
            {t('wizard.own.down')}
            <span class="sr-only">: {title}</span>
          </button>
          {custom && (
            <button type="button" onClick={() => update((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, articles: s.articles.filter((a) => a.uid !== uid) } : s)) }))}>
              {t('wizard.own.remove')}
              <span class="sr-only">: {title}</span>
            </button>
          )}
        </span>
      </div>
      {custom && (
        <div class="own-fields">
          <Field id={`${uid}-title`} label={t('wizard.own.title')} field={path ? `${path}.title` : []} value={article.title ?? ''} onInput={(v) => updateArticle(si, uid, (a) => ({ ...a, title: v }), `${uid}.title`)} />
          <Field
            id={`${uid}-text`}
            label={t('wizard.own.text')}
            help={t('wizard.own.textHelp')}
            field={path ? `${path}.text` : []}
            rows={6}
            value={article.text ?? ''}
            onInput={(v) => updateArticle(si, uid, (a) => ({ ...a, text: v }), `${uid}.text`)}
          />
          <Audiences si={si} article={article} path={path} />
          <Field
            id={`${uid}-summary`}
            label={t('wizard.own.summary')}
            help={t('wizard.own.summaryHelp')}
            field={path ? `${path}.summary` : []}
            value={article.summary ?? ''}
            onInput={(v) => updateArticle(si, uid, (a) => ({ ...a, summary: v }), `${uid}.summary`)}
          />
        </div>
      )}
    </li>
  );
}

/** Who a custom article speaks to: one checkbox per audience, the problem (none chosen) under them. */
function Audiences({ si, article, path }: { si: number; article: DraftArticle; path?: string }) {
  const uid = article.uid;
  const chosen = article.audiences ?? ['everyone'];
  const field = path ? `${path}.audiences` : undefined;
  const errors = field ? problemsAt(field) : [];
  const errorId = `${uid}-audiences-error`;
  return (
    <fieldset class={`audiences${errors.length ? ' field--invalid' : ''}`}>
      <legend>{t('wizard.own.audiences')}</legend>
      {AudienceSchema.options.map((audience, i) => (
        <div class="check">
          <input
            id={`${uid}-audience-${audience}`}
            type="checkbox"
            checked={chosen.includes(audience)}
            data-fields={i === 0 ? field : undefined}
            aria-invalid={errors.length ? 'true' : undefined}
            aria-describedby={errors.length ? errorId : undefined}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              updateArticle(si, uid, (a) => {
                const current = a.audiences ?? ['everyone'];
                // Keep the order of the schema, so the file lists audiences the same way every time.
                const next = AudienceSchema.options.filter((x) => (x === audience ? on : current.includes(x)));
                return { ...a, audiences: next };
              });
            }}
          />
          <label for={`${uid}-audience-${audience}`}>{AUDIENCE_LABELS[audience]}</label>
        </div>
      ))}
      {errors.length > 0 && (
        <p id={errorId} class="error">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
