/**
 * Step 5, own articles: add, edit and remove the school's own articles, and put the articles of each section
 * in order (library articles too), with one "move to place" control per article. Section numbers are the document's.
 */
import { t } from '../../i18n/t.ts';
import { articlePaths, type DraftArticle } from '../../lib/wizard/draft.ts';
import { AUDIENCE_LABELS, AudienceSchema } from '../../lib/schema/common.ts';
import { Field, problemsAt } from './Field.tsx';
import { sectionLabels } from '../../lib/wizard/numbering.ts';
import { focusFirst, updateArticle } from './edit.ts';
import { draft, library, notice, reveal, update } from './store.ts';

/**
 * Moves an article of a section to another place among the section's switched-on articles, and says where it went
 * (the status line is a live region). One control per article instead of two buttons (review people-2026-11: 174
 * "Omhoog"/"Omlaag" buttons).
 *
 * @param to the new place among the switched-on articles, 0-based.
 */
function moveTo(si: number, uid: string, to: number, title: string): void {
  update((d) => ({
    ...d,
    sections: d.sections.map((s, i) => {
      if (i !== si) return s;
      const on = s.articles.filter((a) => a.enabled);
      const article = on.find((a) => a.uid === uid);
      if (!article || to < 0 || to >= on.length) return s;
      const rest = s.articles.filter((a) => a.uid !== uid);
      // Insert before the switched-on article that now holds place `to` (or after the last one).
      const target = on.filter((a) => a.uid !== uid)[to];
      const at = target ? rest.indexOf(target) : rest.length;
      return { ...s, articles: [...rest.slice(0, at), article, ...rest.slice(at)] };
    }),
  }));
  const section = draft.value.sections[si]!;
  notice.value = t('wizard.own.moved', {
    title,
    n: to + 1,
    all: section.articles.filter((a) => a.enabled).length,
    section: section.title,
  });
  requestAnimationFrame(() => document.getElementById(`${uid}-move`)?.focus());
}

/** All sections, each with its switched-on articles in order and the school's own articles editable. */
export function OwnStep() {
  const d = draft.value;
  const lib = library.value!;
  const paths = articlePaths(d);
  const labels = sectionLabels(d);
  if (!d.sections.length) return <p>{t('wizard.sections.none')}</p>;
  return (
    <div class="step">
      <p>{t('wizard.own.intro')}</p>
      {d.sections.map((s, si) => {
        const on = s.articles.filter((a) => a.enabled);
        const label = labels.get(s.uid);
        return (
          // A plain group, not a landmark: the preview beside it has sections of the same names.
          <div class="own-section">
            <h3 id={`own-${s.uid}`}>
              {label ? `${label}. ` : ''}
              {s.title}
            </h3>
            {on.length === 0 && <p class="help">{t('wizard.own.empty')}</p>}
            <ol class="own-list">
              {on.map((a, i) => (
                <OwnItem
                  si={si}
                  article={a}
                  place={i}
                  count={on.length}
                  title={a.custom !== undefined ? a.title || '…' : (lib.clauses.get(a.clause!)?.title ?? a.clause!)}
                  path={paths.get(a.uid)}
                />
              ))}
            </ol>
            <button
              type="button"
              id={`own-add-${si}`}
              onClick={() => {
                const uid = `u${d.next}`;
                update((x) => ({
                  ...x,
                  next: x.next + 1,
                  sections: x.sections.map((y, j) =>
                    j === si
                      ? {
                          ...y,
                          articles: [
                            ...y.articles,
                            {
                              uid,
                              enabled: true,
                              custom: `eigen-artikel-${x.next}`,
                              title: '',
                              text: '',
                              audiences: ['everyone'],
                              summary: '',
                            },
                          ],
                        }
                      : y,
                  ),
                }));
                requestAnimationFrame(() => document.getElementById(`${uid}-title`)?.focus());
              }}
            >
              {t('wizard.own.add')}
              <span class="sr-only">: {s.title}</span>
            </button>
          </div>
        );
      })}
    </div>
  );
}

function OwnItem({
  si,
  article,
  place,
  count,
  title,
  path,
}: {
  si: number;
  article: DraftArticle;
  place: number;
  count: number;
  title: string;
  path?: string;
}) {
  const uid = article.uid;
  const custom = article.custom !== undefined;
  return (
    <li
      class={custom ? 'own-item own-item--custom' : 'own-item'}
      data-article-key={custom ? `custom/${article.custom}` : article.clause}
    >
      <div class="own-head">
        <span class="own-title">
          {title}
          {custom && <span class="badge">{t('wizard.article.custom')}</span>}
        </span>
        <span class="own-actions">
          {count > 1 && (
            <span class="own-move">
              <label for={`${uid}-move`}>
                {t('wizard.own.moveTo')}
                <span class="sr-only">: {title}</span>
              </label>
              <select
                id={`${uid}-move`}
                value={String(place)}
                onChange={(e) => moveTo(si, uid, Number(e.currentTarget.value), title)}
              >
                {Array.from({ length: count }, (_, i) => (
                  <option value={String(i)}>{i + 1}</option>
                ))}
              </select>
            </span>
          )}
          {custom && (
            <button
              type="button"
              onClick={() => {
                const on = draft.value.sections[si]!.articles.filter((a) => a.enabled);
                const at = on.findIndex((a) => a.uid === uid);
                const next = on[at + 1]?.uid;
                const prev = on[at - 1]?.uid;
                update((d) => ({
                  ...d,
                  sections: d.sections.map((s, i) =>
                    i === si ? { ...s, articles: s.articles.filter((a) => a.uid !== uid) } : s,
                  ),
                }));
                // Focus the neighbour that took its place, else the one before, else the section's add button.
                focusFirst(
                  ...[next, prev].filter((x): x is string => !!x).map((x) => `${x}-move`),
                  ...[next, prev].filter((x): x is string => !!x).map((x) => `${x}-title`),
                  `own-add-${si}`,
                );
              }}
            >
              {t('wizard.own.remove')}
              <span class="sr-only">: {title}</span>
            </button>
          )}
        </span>
      </div>
      {custom && (
        <div class="own-fields">
          <Field
            id={`${uid}-title`}
            label={t('wizard.own.title')}
            field={path ? `${path}.title` : []}
            value={article.title ?? ''}
            onInput={(v) => updateArticle(si, uid, (a) => ({ ...a, title: v }), `${uid}.title`)}
          />
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
              // A tick is an answer: its problem (none chosen) shows at once.
              if (field) reveal([field]);
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
