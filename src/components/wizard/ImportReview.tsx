/**
 * The review of an import on the starting step (loaded only after a file is read, so the wizard's first load stays
 * small): per article the school's text beside the library text, the word-level difference (the site's own word diff,
 * `diffText` + `renderWordsHtml`), how sure the match is, and the school's choice; then what was not taken as an
 * article, the topics the text lacks, and the values found.
 */
import { t, type MessageKey } from '../../i18n/t.ts';
import type { Aligner, AlignExample } from '../../lib/import/align.ts';
import type { ImportResult } from '../../lib/import/import-text.ts';
import { canMerge, importToProtocolInput, type ArticleDecision } from '../../lib/import/to-protocol.ts';
import { clauseValues } from '../../lib/import/values.ts';
import { diffText } from '../../lib/diff/diff-documents.ts';
import { renderWordsHtml } from '../../lib/render/render-change.ts';
import { fillTemplate, schoolValues } from '../../lib/compose/fill-template.ts';
import { SECTION_TITLES } from '../../lib/schema/common.ts';
import { data, draft } from './store.ts';

/** The aligner and its examples, as the import control built them. */
export interface Loaded {
  aligner: Aligner;
  examples: AlignExample[];
}

/** Fills `{name}` in a UI string. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');
}

/** "hoog", "redelijk" or "laag", from the score and the aligner's threshold. */
function sureness(score: number, threshold: number): MessageKey {
  if (score >= Math.max(0.5, threshold * 3)) return 'wizard.ownProtocol.sure.high';
  if (score >= threshold * 1.5) return 'wizard.ownProtocol.sure.mid';
  return 'wizard.ownProtocol.sure.low';
}

/** What the school chose so far: per article a decision and the clause it is aligned to (null: none). */
export interface ReviewState {
  result: ImportResult;
  decisions: ArticleDecision[];
  clauses: (string | null)[];
  loaded: Loaded;
}

/**
 * The decision that goes with a newly chosen clause: no clause leaves only an own article (or skip); a clause chosen
 * for what was an own article takes the library's text; any other choice stays.
 */
export function decisionForClause(current: ArticleDecision, clause: string | null): ArticleDecision {
  if (clause === null && (current === 'library' || current === 'override')) return 'custom';
  if (clause !== null && current === 'custom') return 'library';
  return current;
}

/**
 * The review of an import: per article the texts side by side, the word diff, the sureness, the clause (any of the
 * best candidates, each with its score first) and the choice, including one article with the article before it; what the
 * draft will make of each choice (merged, made an own article, another library article taken in for what it also says)
 * is said under the article.
 */
export function Review({
  review,
  setDecision,
  setClause,
}: {
  review: ReviewState;
  setDecision: (i: number, d: ArticleDecision) => void;
  setClause: (i: number, clause: string | null) => void;
}) {
  const { result, decisions, loaded } = review;
  const chosen = review.clauses;
  // What the draft will be, with the school's choices so far: its notes say which article merges or becomes own.
  const { notes } = importToProtocolInput(result, loaded.aligner, {
    decisions,
    clauses: chosen,
    examples: loaded.examples,
  });
  const clauses = loaded.aligner.clauses;
  const full = new Map(data.value!.clauses.map((c) => [c.id, c]));
  const v = result.values;
  const school = schoolValues({
    ...v.school,
    name: v.schoolName ?? (draft.value.school.name || 'de school'),
    board: v.board,
    pupils: v.pupils ?? draft.value.school.pupils,
    contacts: v.contacts.map((c) => ({ role: c.role, reporting: true })),
  });
  const libraryText = (id: string, articleText: string) => {
    const c = full.get(id)!;
    try {
      return fillTemplate(
        c.body,
        c.variables,
        v.variables[id] ?? clauseValues(clauses.get(id)!, articleText, v.ages),
        school,
      );
    } catch {
      return c.body;
    }
  };
  const aligned = chosen.filter((c) => c !== null).length;
  const valueLines: [string, string][] = [
    ['Naam', v.schoolName ?? ''],
    ['Bestuur', v.board ?? ''],
    ['Woord voor leerlingen', v.pupils ?? ''],
    ['Sociale media genoemd', v.platforms.join(', ')],
    ['Contactpersonen', v.contacts.map((c) => [c.role, c.email, c.phone].filter(Boolean).join(', ')).join('; ')],
    ['E-mailadressen', v.emails.join(', ')],
    ['Telefoonnummers', v.phones.join(', ')],
    ['Leeftijden', v.ages.map((a) => `${a} jaar`).join(', ')],
    ['Vastgesteld', v.adoption ? [v.adoption.by, v.adoption.date].filter(Boolean).join(', ') : ''],
  ];
  return (
    <div class="own-protocol-review">
      <p role="status">
        {fill(t('wizard.ownProtocol.found'), { n: String(result.articles.length), lib: String(aligned) })}
      </p>
      <p class="help">{t('wizard.ownProtocol.reviewHelp')}</p>
      <ol class="import-articles">
        {result.articles.map((a, i) => {
          const clause = chosen[i] ? clauses.get(chosen[i]!) : undefined;
          const heading = a.section >= 0 ? result.sections[a.section]!.title : '';
          const lib = clause ? libraryText(clause.id, a.text) : '';
          const score = clause ? (a.candidates.find((c) => c.clause === clause.id)?.score ?? a.score) : a.score;
          const pct = Math.round(score * 100);
          const name = `import-choice-${i}`;
          const options: ArticleDecision[] = clause ? ['library', 'override', 'custom', 'skip'] : ['custom', 'skip'];
          if (canMerge(result.articles, i)) options.splice(options.length - 1, 0, 'merge');
          const candidates = a.candidates.filter((c) => clauses.has(c.clause));
          const mine = notes.filter((n) => n.article === i);
          return (
            <li class="import-article" aria-labelledby={`import-article-${i}`}>
              <h4 id={`import-article-${i}`}>
                {t('wizard.ownProtocol.article')} {a.number ?? i + 1}
                {heading && <span class="help"> · {heading}</span>}
              </h4>
              {a.truncated && <p class="import-warning">{t('wizard.ownProtocol.truncated')}</p>}
              {a.choicePointMiss && !clause && (
                <p class="import-warning">
                  {fill(t('wizard.ownProtocol.choicePointMiss'), { title: a.choicePointMiss.title })}
                </p>
              )}
              {clause?.historic && (
                <p class="import-warning">{fill(t('wizard.ownProtocol.historic'), { reason: clause.historic })}</p>
              )}
              <div class="import-pair">
                <div>
                  <h5>{t('wizard.ownProtocol.yours')}</h5>
                  <p class="import-text">{a.text}</p>
                </div>
                <div>
                  <h5>
                    {t('wizard.ownProtocol.library')}
                    {clause ? `: ${clause.title}` : ''}
                  </h5>
                  {clause ? <p class="import-text">{lib}</p> : <p class="help">{t('wizard.ownProtocol.noClause')}</p>}
                </div>
              </div>
              {clause && (
                <details>
                  <summary>{t('wizard.ownProtocol.diff')}</summary>
                  <p class="import-diff" dangerouslySetInnerHTML={{ __html: renderWordsHtml(diffText(lib, a.text)) }} />
                </details>
              )}
              <p>
                {t('wizard.ownProtocol.sure')}: <strong>{pct}%</strong> ({t(sureness(score, loaded.aligner.threshold))})
              </p>
              {candidates.length > 0 && (
                <div class="field">
                  <label for={`import-clause-${i}`}>{t('wizard.ownProtocol.candidate')}</label>
                  <select
                    id={`import-clause-${i}`}
                    value={chosen[i] ?? ''}
                    onChange={(e) => setClause(i, e.currentTarget.value || null)}
                  >
                    {candidates.map((c) => (
                      <option value={c.clause}>
                        {fill(t('wizard.ownProtocol.candidate.option'), {
                          title: clauses.get(c.clause)!.title,
                          // Two clauses may share a title (one for pupils, one for staff): the section tells them apart.
                          section: full.get(c.clause) ? SECTION_TITLES[full.get(c.clause)!.section] : '',
                          pct: String(Math.round(c.score * 100)),
                        })}
                      </option>
                    ))}
                    <option value="">{t('wizard.ownProtocol.candidate.none')}</option>
                  </select>
                </div>
              )}
              <fieldset class="import-choice">
                <legend>{t('wizard.ownProtocol.choice')}</legend>
                {options.map((o) => (
                  <div class="check">
                    <input
                      id={`${name}-${o}`}
                      type="radio"
                      name={name}
                      checked={decisions[i] === o}
                      onChange={() => setDecision(i, o)}
                    />
                    <label for={`${name}-${o}`}>{t(`wizard.ownProtocol.choice.${o}`)}</label>
                  </div>
                ))}
              </fieldset>
              {mine.map((n) => (
                <p
                  class={n.kind === 'merged' || n.kind === 'also' ? 'help import-note' : 'import-warning'}
                  data-note={n.kind}
                >
                  {n.message}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {result.nonNormative.length > 0 && (
        <section aria-labelledby="import-nonnormative">
          <h4 id="import-nonnormative">{t('wizard.ownProtocol.nonNormative')}</h4>
          <ul class="import-nonnormative">
            {result.nonNormative.map((p) => {
              const key = `wizard.ownProtocol.kind.${p.kind}` as MessageKey;
              return (
                <li>
                  <strong>{t(key) ?? p.kind}:</strong> {p.text.length > 160 ? `${p.text.slice(0, 160)} …` : p.text}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {result.missing.length > 0 && (
        <section aria-labelledby="import-missing">
          <h4 id="import-missing">{t('wizard.ownProtocol.missing')}</h4>
          <p class="help">{t('wizard.ownProtocol.missingHelp')}</p>
          <ul>
            {result.missing.map((m) => (
              <li>{m.title}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="import-values">
        <h4 id="import-values">{t('wizard.ownProtocol.values')}</h4>
        <dl class="import-values">
          {valueLines
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </>
            ))}
        </dl>
      </section>
    </div>
  );
}
