/**
 * Step 4, "Alle artikelen" (issue 13: the rest only when wanted): every section collapsed by default, with filters
 * (only articles with a choice or a value; only what differs from the start; search). Each article can be switched
 * off with its summary shown; a choice point's article says what was chosen in "Keuzes" and goes there; the values,
 * and the school's own text for a library article (an override), open on request. Section numbers are the document's.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { fillTemplate, schoolValues } from '../../lib/compose/fill-template.ts';
import { SECTION_TITLES, SectionIdSchema } from '../../lib/schema/common.ts';
import type { Clause, VariableValue } from '../../lib/schema/clause.ts';
import { decisionsFor } from '../../lib/wizard/decisions.ts';
import { articlePaths, type Draft, type DraftArticle, type DraftSection } from '../../lib/wizard/draft.ts';
import { sectionLabels } from '../../lib/wizard/numbering.ts';
import { decisionId, STEPS } from '../../lib/wizard/problem-location.ts';
import { updateArticle } from './edit.ts';
import { Field } from './Field.tsx';
import { VariableField } from './VariableField.tsx';
import { data, draft, goTo, goToSection, library, notice, sectionIndex, update } from './store.ts';

export { updateArticle } from './edit.ts';

/**
 * Values a clause starts with: none. A required variable has no default, so its field starts empty and marked
 * required; every other variable shows its default until the school types its own value.
 */
export function startValues(_clause: Clause): Record<string, VariableValue> {
  return {};
}

/** The filters of the step. */
interface Filters {
  /** Only articles with a choice or a value to fill in. */
  withChoice: boolean;
  /** Only articles that differ from the starting point. */
  changed: boolean;
  /** Words the title or summary must contain (case-insensitive). */
  query: string;
}

/** Sections open in this step (by uid); the one a problem or "Naar het artikel" goes to opens too. */
const openSections = new Set<string>();

/** Every section, collapsed, with the filters on top. */
export function SectionsStep() {
  const d = draft.value;
  const [filters, setFilters] = useState<Filters>({ withChoice: false, changed: false, query: '' });
  const [, rerender] = useState(0);
  if (!d.sections.length) return <p>{t('wizard.sections.none')}</p>;
  const lib = library.value!;
  const labels = sectionLabels(d);
  const paths = articlePaths(d);
  const decided = new Set(decisionsFor(lib, d.school.sector).map((x) => x.choicePoint.id));
  const start = data.value!.starts.find((s) => s.id === d.start);
  const startClauses = new Set(
    start?.protocol.sections.flatMap((s) => s.articles.flatMap((a) => ('clause' in a ? [a.clause] : []))) ?? [],
  );
  const filtering = filters.withChoice || filters.changed || filters.query.trim() !== '';
  const shown = (a: DraftArticle) => {
    const clause = a.clause ? lib.clauses.get(a.clause) : undefined;
    if (filters.withChoice && !(clause && (clause.choicePoint || Object.keys(clause.variables).length))) return false;
    if (filters.changed) {
      const same =
        clause &&
        a.enabled &&
        startClauses.has(clause.id) &&
        !Object.keys(a.values ?? {}).length &&
        d.overrides[clause.id] === undefined;
      if (same) return false;
    }
    const q = filters.query.trim().toLowerCase();
    if (q) {
      const words = `${clause?.title ?? a.title ?? ''} ${clause?.summary ?? a.summary ?? ''}`.toLowerCase();
      if (!words.includes(q)) return false;
    }
    return true;
  };
  const focusSection = Math.min(sectionIndex.value, d.sections.length - 1);
  return (
    <div class="step">
      <p>{t('wizard.sections.intro')}</p>
      <fieldset class="filters">
        <legend>{t('wizard.sections.filters')}</legend>
        <div class="check">
          <input
            id="filter-choice"
            type="checkbox"
            checked={filters.withChoice}
            onChange={(e) => setFilters({ ...filters, withChoice: e.currentTarget.checked })}
          />
          <label for="filter-choice">{t('wizard.sections.filterChoice')}</label>
        </div>
        <div class="check">
          <input
            id="filter-changed"
            type="checkbox"
            checked={filters.changed}
            onChange={(e) => setFilters({ ...filters, changed: e.currentTarget.checked })}
          />
          <label for="filter-changed">{t('wizard.sections.filterChanged')}</label>
        </div>
        <div class="field">
          <label for="filter-query">{t('wizard.sections.search')}</label>
          <input
            id="filter-query"
            type="search"
            value={filters.query}
            onInput={(e) => setFilters({ ...filters, query: e.currentTarget.value })}
          />
        </div>
      </fieldset>
      <ul class="section-list">
        {d.sections.map((section, si) => {
          const visible = section.articles.filter(shown);
          if (filtering && !visible.length) return null;
          const label = labels.get(section.uid);
          const on = section.articles.filter((a) => a.enabled).length;
          const open = filtering || openSections.has(section.uid) || si === focusSection;
          return (
            <li key={section.uid}>
              <details
                class="section-block"
                open={open}
                onToggle={(e) => {
                  const isOpen = (e.currentTarget as HTMLDetailsElement).open;
                  if (isOpen) openSections.add(section.uid);
                  else {
                    openSections.delete(section.uid);
                    if (si === focusSection) goToSection(-1);
                  }
                  rerender((n) => n + 1);
                }}
              >
                <summary>
                  <span class="section-summary-title">
                    {label ? `${label}. ` : ''}
                    {section.title}
                  </span>{' '}
                  <span class="count">{t('wizard.sections.count', { on, all: section.articles.length })}</span>
                </summary>
                {open && (
                  <SectionBody
                    si={si}
                    section={section}
                    label={label}
                    articles={visible}
                    paths={paths}
                    decided={decided}
                  />
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The articles of one open section, its title field and "Bepaling toevoegen" for this section. */
function SectionBody(props: {
  si: number;
  section: DraftSection;
  label?: string;
  articles: DraftArticle[];
  paths: Map<string, string>;
  decided: Set<string>;
}) {
  const { si, section, label, articles, paths, decided } = props;
  const d = draft.value;
  const exportedIndex = d.sections.slice(0, si).filter((s) => s.articles.some((a) => a.enabled)).length;
  let n = 0;
  const numbers = new Map(
    section.articles.map((a) => [a.uid, a.enabled ? `${label ? `${label}.` : ''}${++n}` : undefined]),
  );
  return (
    <div class="section-body">
      <Field
        id={`section-${section.uid}-title`}
        label={t('wizard.sections.title')}
        field={`sections.${exportedIndex}.title`}
        value={section.title}
        onInput={(v) =>
          update(
            (x) => ({ ...x, sections: x.sections.map((s, i) => (i === si ? { ...s, title: v } : s)) }),
            `${section.uid}.title`,
          )
        }
      />
      <ul class="articles">
        {articles.map((a) => (
          <li key={a.uid}>
            {a.clause ? (
              <LibraryArticle
                si={si}
                article={a}
                number={numbers.get(a.uid)}
                path={paths.get(a.uid)}
                decided={decided}
              />
            ) : (
              <CustomSummary article={a} number={numbers.get(a.uid)} />
            )}
          </li>
        ))}
      </ul>
      <AddClause si={si} section={section} />
    </div>
  );
}

function CustomSummary({ article, number }: { article: DraftArticle; number?: string }) {
  return (
    <div class="card">
      <h3 class="card-title">
        {number && <span class="article-n">{number} </span>}
        {article.title || '…'} <span class="badge">{t('wizard.article.custom')}</span>
      </h3>
      <p class="help">{t('wizard.sections.customHelp')}</p>
    </div>
  );
}

/** One library article: on/off with its summary; what was chosen at its choice point; its values and own text. */
function LibraryArticle({
  si,
  article,
  number,
  path,
  decided,
}: {
  si: number;
  article: DraftArticle;
  number?: string;
  path?: string;
  decided: Set<string>;
}) {
  const lib = library.value!;
  const clause = lib.clauses.get(article.clause!);
  if (!clause) return <p class="error">{article.clause}</p>;
  const id = article.uid;
  const d = draft.value;
  const override = d.overrides[clause.id];
  const hasValues = Object.keys(clause.variables).length > 0;
  const isDecision = clause.choicePoint !== undefined && decided.has(clause.choicePoint);
  return (
    <div
      class={`card${article.enabled ? '' : ' card--off'}`}
      role="group"
      aria-labelledby={`${id}-title`}
      data-article-key={clause.id}
    >
      <h3 id={`${id}-title`} class="card-title">
        {number && <span class="article-n">{number} </span>}
        {clause.title}
      </h3>
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
      {isDecision && article.enabled && (
        <p class="help">
          {t('wizard.sections.decided', { title: lib.choicePoints.get(clause.choicePoint!)?.title ?? '' })}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              goTo(STEPS.decisions);
              requestAnimationFrame(() =>
                document.getElementById(decisionId(clause.choicePoint!, clause.variant))?.focus(),
              );
            }}
          >
            {t('wizard.sections.toDecision')}
            <span class="sr-only">: {clause.title}</span>
          </button>
        </p>
      )}
      {article.enabled && (hasValues || override !== undefined || !isDecision) && (
        <details class="article-more" open={override !== undefined || undefined}>
          <summary>
            {t('wizard.sections.adjust')}
            <span class="sr-only">: {clause.title}</span>
          </summary>
          {!isDecision &&
            Object.entries(clause.variables).map(([name, variable]) => (
              <VariableField
                si={si}
                article={article}
                name={name}
                variable={variable}
                path={path ? `${path}.values.${name}` : undefined}
              />
            ))}
          <div class="override">
            <div class="check">
              <input
                id={`${id}-own`}
                type="checkbox"
                checked={override !== undefined}
                aria-describedby={`${id}-own-help`}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const current = fillTemplate(
                    clause.body,
                    clause.variables,
                    article.values ?? {},
                    schoolValues(d.school),
                  );
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
                onInput={(v) =>
                  update((x) => ({ ...x, overrides: { ...x.overrides, [clause.id]: v } }), `${id}.override`)
                }
              />
            )}
          </div>
        </details>
      )}
    </div>
  );
}

/** Adds a library clause that is not in the protocol yet to this section (the section the school is in). */
function AddClause({ si, section }: { si: number; section: DraftSection }) {
  const [pick, setPick] = useState('');
  const lib = library.value!;
  const d: Draft = draft.value;
  const used = new Set(d.sections.flatMap((s) => s.articles.map((a) => a.clause).filter(Boolean)));
  const own = SectionIdSchema.options.find((id) => SECTION_TITLES[id] === section.title);
  // This section's own library clauses first, then the rest by section.
  const groups = [...SectionIdSchema.options]
    .sort((a, b) => Number(b === own) - Number(a === own))
    .map((sid) => ({
      sid,
      clauses: [...lib.clauses.values()].filter(
        (c) => c.section === sid && !used.has(c.id) && !c.historic && c.sectors.includes(d.school.sector),
      ),
    }))
    .filter((g) => g.clauses.length);
  if (!groups.length) return null;
  const selectId = `add-clause-${section.uid}`;
  return (
    <div class="add-clause">
      <label for={selectId}>
        {t('wizard.article.add')} <span class="sr-only">({section.title})</span>
      </label>
      <div class="row">
        <select id={selectId} value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="">{t('wizard.article.addNone')}</option>
          {groups.map((g) => (
            <optgroup label={SECTION_TITLES[g.sid]}>
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
            const uid = `u${draft.value.next}`;
            update((x) => ({
              ...x,
              next: x.next + 1,
              sections: x.sections.map((s, i) =>
                i === si
                  ? {
                      ...s,
                      articles: [...s.articles, { uid, enabled: true, clause: clause.id, values: startValues(clause) }],
                    }
                  : s,
              ),
            }));
            setPick('');
            notice.value = t('wizard.sections.added', { title: clause.title, section: section.title });
            requestAnimationFrame(() => document.getElementById(`${uid}-on`)?.focus());
          }}
        >
          {t('wizard.article.addButton')}
          <span class="sr-only">: {section.title}</span>
        </button>
      </div>
    </div>
  );
}
