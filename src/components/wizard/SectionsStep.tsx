/**
 * Step 3, section by section: each article switchable on or off with its summary; at a choice point the
 * variants side by side (text, summary, which reference models chose it); the variables at their article;
 * the school's own text for a library article (an override).
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { fillTemplate, formatValue, schoolValues } from '../../lib/compose/fill-template.ts';
import { renderBody } from '../../lib/render/render-html.ts';
import { SECTION_TITLES, SectionIdSchema } from '../../lib/schema/common.ts';
import type { Clause, ClauseVariable, VariableValue } from '../../lib/schema/clause.ts';
import { articlePaths, type Draft, type DraftArticle } from '../../lib/wizard/draft.ts';
import { Field, problemsAt } from './Field.tsx';
import { data, draft, goToSection, library, sectionIndex, update } from './store.ts';

/** Replaces one article of one section. */
export function updateArticle(si: number, uid: string, fn: (a: DraftArticle) => DraftArticle, key = ''): void {
  update(
    (d) => ({
      ...d,
      sections: d.sections.map((s, i) => (i === si ? { ...s, articles: s.articles.map((a) => (a.uid === uid ? fn(a) : a)) } : s)),
    }),
    key,
  );
}

/**
 * Values a clause starts with: none. A required variable has no default, so its field starts empty and marked
 * required; every other variable shows its default until the school types its own value.
 */
export function startValues(_clause: Clause): Record<string, VariableValue> {
  return {};
}

/** The section picker and the articles of the current section. */
export function SectionsStep() {
  const d = draft.value;
  if (!d.sections.length) return <p>{t('wizard.sections.none')}</p>;
  const si = Math.min(sectionIndex.value, d.sections.length - 1);
  const section = d.sections[si]!;
  const paths = articlePaths(d);
  return (
    <div class="step">
      <div class="field">
        <label for="section-pick">{t('wizard.sections.which')}</label>
        <select id="section-pick" value={String(si)} onChange={(e) => goToSection(Number(e.currentTarget.value))}>
          {d.sections.map((s, i) => (
            <option value={String(i)}>
              {i + 1}. {s.title}
            </option>
          ))}
        </select>
      </div>
      <h3 class="section-title">
        {si + 1}. {section.title}
      </h3>
      <Field
        id={`section-${section.uid}-title`}
        label={t('wizard.sections.title')}
        field={`sections.${si}.title`}
        value={section.title}
        onInput={(v) => update((x) => ({ ...x, sections: x.sections.map((s, i) => (i === si ? { ...s, title: v } : s)) }), `${section.uid}.title`)}
      />
      <ul class="articles">
        {section.articles.map((a) => (
          <li key={a.uid}>{a.clause ? <LibraryArticle si={si} article={a} path={paths.get(a.uid)} /> : <CustomSummary article={a} />}</li>
        ))}
      </ul>
      <AddClause si={si} />
      <div class="wizard-nav">
        {si > 0 && (
          <button type="button" onClick={() => goToSection(si - 1)}>
            {t('wizard.sections.prev')}: {d.sections[si - 1]!.title}
          </button>
        )}
        {si < d.sections.length - 1 && (
          <button type="button" onClick={() => goToSection(si + 1)}>
            {t('wizard.sections.next')}: {d.sections[si + 1]!.title}
          </button>
        )}
      </div>
    </div>
  );
}

function CustomSummary({ article }: { article: DraftArticle }) {
  return (
    <div class="card">
      <h4>
        {article.title || '…'} <span class="badge">{t('wizard.article.custom')}</span>
      </h4>
      <p class="help">{t('wizard.own.intro')}</p>
    </div>
  );
}

/** One library article: on/off, summary, choice point, variables, own text. */
function LibraryArticle({ si, article, path }: { si: number; article: DraftArticle; path?: string }) {
  const lib = library.value!;
  const clause = lib.clauses.get(article.clause!);
  if (!clause) return <p class="error">{article.clause}</p>;
  const id = article.uid;
  const d = draft.value;
  const override = d.overrides[clause.id];
  // The variants offered: those that fit the school's sector and are not historic (shared/LAW.md), and always the
  // one chosen now, so that a school that starts from a model can see it and move away from it.
  const variants = clause.choicePoint
    ? [...lib.clauses.values()].filter(
        (c) => c.choicePoint === clause.choicePoint && (c.id === clause.id || (!c.historic && c.sectors.includes(d.school.sector))),
      )
    : [];
  const cp = clause.choicePoint ? lib.choicePoints.get(clause.choicePoint) : undefined;
  return (
    <div class={`card${article.enabled ? '' : ' card--off'}`} role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{clause.title}</h4>
      <div class="check">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={article.enabled}
          aria-describedby={`${id}-summary`}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            updateArticle(si, id, (a) => ({ ...a, enabled: on }));
          }}
        />
        <label for={`${id}-on`}>
          {t('wizard.article.include')}
          <span class="sr-only">: {clause.title}</span>
        </label>
      </div>
      <p id={`${id}-summary`} class="summary">
        <strong>{t('wizard.article.summary')}:</strong> {clause.summary}
      </p>
      {article.enabled && cp && variants.length > 1 && (
        <fieldset class="variants">
          <legend>
            {t('wizard.article.choice')}: {cp.title}. {cp.question}
          </legend>
          <div class="variant-grid">
            {variants.map((v) => (
              <Variant si={si} article={article} variant={v} />
            ))}
          </div>
        </fieldset>
      )}
      {article.enabled &&
        Object.entries(clause.variables).map(([name, variable]) => (
          <VariableField si={si} article={article} name={name} variable={variable} path={path ? `${path}.values.${name}` : undefined} valuesPath={path ? `${path}.values` : undefined} />
        ))}
      {article.enabled && (
        <div class="override">
          <div class="check">
            <input
              id={`${id}-own`}
              type="checkbox"
              checked={override !== undefined}
              aria-describedby={`${id}-own-help`}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const current = fillTemplate(clause.body, clause.variables, article.values ?? {}, schoolValues(d.school));
                update((x) => {
                  const overrides = { ...x.overrides };
                  if (on) overrides[clause.id] = current;
                  else delete overrides[clause.id];
                  return { ...x, overrides };
                });
              }}
            />
            <label for={`${id}-own`}>
              {t('wizard.article.override')}
              <span class="sr-only">: {clause.title}</span>
            </label>
          </div>
          <p id={`${id}-own-help`} class="help">
            {t('wizard.article.overrideHelp')}
          </p>
          {override !== undefined && (
            <Field
              id={`${id}-own-text`}
              label={t('wizard.article.overrideText')}
              field={`overrides.${clause.id}`}
              value={override}
              rows={6}
              onInput={(v) => update((x) => ({ ...x, overrides: { ...x.overrides, [clause.id]: v } }), `${id}.override`)}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** One variant of a choice point, side by side with the others. */
function Variant({ si, article, variant }: { si: number; article: DraftArticle; variant: Clause }) {
  const d = draft.value;
  const models = data.value!.models;
  const chosen = variant.id === article.clause;
  const byModels = [...new Set(variant.sources.map((s) => s.model))].map((m) => {
    const model = models.find((x) => x.id === m);
    return model ? `${model.organisation} (${model.year})` : m;
  });
  const name = `${article.uid}-variant`;
  const id = `${article.uid}-v-${variant.variant}`;
  const text = fillTemplate(variant.body, variant.variables, {}, schoolValues({ ...d.school, name: d.school.name || 'de school' }));
  return (
    <div class={`variant${chosen ? ' variant--chosen' : ''}`}>
      <div class="check">
        <input
          type="radio"
          id={id}
          name={name}
          checked={chosen}
          aria-describedby={`${id}-summary`}
          onChange={() => updateArticle(si, article.uid, (a) => ({ ...a, clause: variant.id, values: startValues(variant) }))}
        />
        <label for={id}>{variant.title}</label>
      </div>
      <p id={`${id}-summary`} class="summary">
        {variant.summary}
      </p>
      <div class="variant-text" dangerouslySetInnerHTML={{ __html: renderBody(text) }} />
      <p class="chosen-by">
        {byModels.length ? `${t('wizard.article.chosenBy')}: ${byModels.join(', ')}` : t('wizard.article.chosenByNone')}
      </p>
    </div>
  );
}

/** A typed input for one variable, at its article: text, number, e-mail, choice, list or contact. */
function VariableField(props: { si: number; article: DraftArticle; name: string; variable: ClauseVariable; path?: string; valuesPath?: string }) {
  const { si, article, name, variable, path } = props;
  const id = `${article.uid}-var-${name}`;
  const value = article.values?.[name];
  const shown = value ?? variable.default;
  const set = (v: VariableValue) => updateArticle(si, article.uid, (a) => ({ ...a, values: { ...(a.values ?? {}), [name]: v } }), id);
  const fields = path ? [path] : [];
  // A value every school must give has no default: the field starts empty and says it is required.
  const label = variable.required ? `${variable.label} ${t('wizard.variable.required')}` : variable.label;
  const help = [variable.help, variable.default !== undefined ? `${t('wizard.variable.default')}: ${formatValue(variable.default, variable)}.` : undefined]
    .filter(Boolean)
    .join(' ');
  if (variable.type === 'choice') {
    const errors = problemsAt(fields);
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <p id={`${id}-help`} class="help">
          {help}
        </p>
        <select
          id={id}
          value={String(shown ?? '')}
          data-fields={fields.join(' ') || undefined}
          aria-describedby={errors.length ? `${id}-help ${id}-error` : `${id}-help`}
          aria-invalid={errors.length ? 'true' : undefined}
          onChange={(e) => set(e.currentTarget.value)}
        >
          {variable.options.map((o) => (
            <option value={o}>{o}</option>
          ))}
        </select>
        {errors.length > 0 && (
          <p id={`${id}-error`} class="error">
            {errors.join(' ')}
          </p>
        )}
      </div>
    );
  }
  if (variable.type === 'list') {
    return (
      <Field
        id={id}
        label={label}
        help={`${help} Eén per regel.`}
        field={fields}
        rows={Math.max(3, (Array.isArray(shown) ? shown.length : 1) + 1)}
        value={Array.isArray(shown) ? shown.join('\n') : String(shown ?? '')}
        onInput={(v) => set(v.split('\n').map((l) => l.trim()).filter(Boolean))}
      />
    );
  }
  if (variable.type === 'number') {
    return (
      <Field
        id={id}
        type="number"
        label={label}
        help={help}
        field={fields}
        value={String(shown ?? '')}
        onInput={(v) => set(/^-?\d+$/.test(v.trim()) ? Number(v) : v)}
      />
    );
  }
  const roles = variable.type === 'contact' ? draft.value.school.contacts.map((c) => c.role).filter(Boolean) : [];
  return (
    <>
      <Field
        id={id}
        type={variable.type === 'email' ? 'email' : 'text'}
        label={label}
        help={help}
        field={fields}
        value={String(shown ?? '')}
        list={roles.length ? `${id}-roles` : undefined}
        onInput={(v) => set(v)}
      />
      {roles.length > 0 && (
        <datalist id={`${id}-roles`}>
          {roles.map((r) => (
            <option value={r} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** Adds a library clause that is not in the protocol yet to the current section. */
function AddClause({ si }: { si: number }) {
  const [pick, setPick] = useState('');
  const lib = library.value!;
  const d: Draft = draft.value;
  const used = new Set(d.sections.flatMap((s) => s.articles.map((a) => a.clause).filter(Boolean)));
  const groups = SectionIdSchema.options
    .map((section) => ({ section, clauses: [...lib.clauses.values()].filter((c) => c.section === section && !used.has(c.id)) }))
    .filter((g) => g.clauses.length);
  if (!groups.length) return null;
  return (
    <div class="add-clause">
      <label for="add-clause">{t('wizard.article.add')}</label>
      <div class="row">
        <select id="add-clause" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="">{t('wizard.article.addNone')}</option>
          {groups.map((g) => (
            <optgroup label={SECTION_TITLES[g.section]}>
              {g.clauses.map((c) => (
                <option value={c.id}>{c.title}</option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          disabled={!pick}
          onClick={() => {
            const clause = lib.clauses.get(pick)!;
            update((x) => {
              const uid = `u${x.next}`;
              return {
                ...x,
                next: x.next + 1,
                sections: x.sections.map((s, i) =>
                  i === si ? { ...s, articles: [...s.articles, { uid, enabled: true, clause: clause.id, values: startValues(clause) }] } : s,
                ),
              };
            });
            setPick('');
          }}
        >
          {t('wizard.article.addButton')}
        </button>
      </div>
    </div>
  );
}
