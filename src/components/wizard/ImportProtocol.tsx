/**
 * "Begin met ons huidige protocol" on the starting step: the school drops its current protocol (.pdf with a text
 * layer, .docx, .txt, .md) or pastes its text; everything is read in this browser (pdfjs-dist with its worker served
 * from the site, mammoth's browser build) and aligned to the library with the same core as `npm run import`
 * (`src/lib/import/`). Per article the school sees its own text, the clause it aligns to with the library text and the
 * word-level difference, how sure the match is, and chooses: library text, own wording (override), own article, or
 * leave it out. Accepting makes an ordinary draft (autosave, undo, export, review). A file that cannot be read gets a
 * Dutch message next to the control; the work in the wizard stays as it was.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t, type MessageKey } from '../../i18n/t.ts';
import { ContentError, type Problem } from '../../lib/errors/content-error.ts';
import type { Aligner } from '../../lib/import/align.ts';
import type { ImportResult } from '../../lib/import/import-text.ts';
import type { AlignExample } from '../../lib/import/align.ts';
import type { ArticleDecision } from '../../lib/import/to-protocol.ts';
import { diffText } from '../../lib/diff/diff-documents.ts';
import { renderWordsHtml } from '../../lib/render/render-diff.ts';
import { fillTemplate } from '../../lib/render/fill-template.ts';
import { ProtocolSchema } from '../../lib/schema/protocol.ts';
import { draftFromProtocol, type Draft } from '../../lib/wizard/draft.ts';
import { data, draft, goTo, goToSection, notice, replaceDraft } from './store.ts';

/** Where the PDF.js worker is served from (copied into `public/vendor/` by `scripts/prebuild.ts`). */
const PDF_WORKER = '/vendor/pdf.worker.min.mjs';

interface Loaded {
  aligner: Aligner;
  examples: AlignExample[];
}
let loaded: Promise<Loaded> | undefined;

/** Builds the aligner from `bibliotheek.json` once per page. */
function loadAligner(): Promise<Loaded> {
  loaded ??= (async () => {
    const [{ buildAligner }, { alignClauses, examplesFromDocuments }] = await Promise.all([
      import('../../lib/import/align.ts'),
      import('../../lib/import/library-data.ts'),
    ]);
    const d = data.value!;
    const examples = examplesFromDocuments(d.models);
    return { aligner: buildAligner(alignClauses(d.clauses), examples), examples };
  })();
  return loaded;
}

/** The readers for the browser: pdfjs-dist with its worker from this site, and mammoth's browser build. */
const browserReaders = {
  pdfjs: async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER;
    return pdfjs as unknown as import('../../lib/import/read-pdf.ts').PdfjsLike;
  },
  mammoth: async () => (await import('mammoth')).default as unknown as import('../../lib/import/read-docx.ts').MammothLike,
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');
}

/** "hoog", "redelijk" or "laag", from the score and the aligner's threshold. */
function sureness(score: number, threshold: number): MessageKey {
  if (score >= Math.max(0.5, threshold * 3)) return 'wizard.ownProtocol.sure.high';
  if (score >= threshold * 1.5) return 'wizard.ownProtocol.sure.mid';
  return 'wizard.ownProtocol.sure.low';
}

/** The import control and, after reading, the review per article. */
export function ImportProtocol() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Problem[] | undefined>();
  const [pasted, setPasted] = useState('');
  const [review, setReview] = useState<{ result: ImportResult; decisions: ArticleDecision[]; loaded: Loaded } | undefined>();

  async function run(read: () => Promise<{ text: string; chrome: ImportResult['nonNormative'] }>, name: string) {
    setBusy(true);
    setErrors(undefined);
    try {
      const [{ importText }, { defaultDecision }, ready] = await Promise.all([
        import('../../lib/import/import-text.ts'),
        import('../../lib/import/to-protocol.ts'),
        loadAligner(),
      ]);
      const { text, chrome } = await read();
      const result = importText(text, ready.aligner, { choicePoints: data.value!.choicePoints }, chrome);
      if (!result.articles.length) throw new ContentError([{ file: name, rule: 'import-no-articles', message: t('wizard.ownProtocol.noArticles') }]);
      setReview({ result, decisions: result.articles.map(defaultDecision), loaded: ready });
    } catch (e) {
      setReview(undefined);
      setErrors(e instanceof ContentError ? e.problems : [{ file: name, rule: 'import-failed', message: e instanceof Error ? e.message : String(e) }]);
    } finally {
      setBusy(false);
    }
  }

  async function onFile(e: JSX.TargetedEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const { readImportFile, checkImportSize } = await import('../../lib/import/read-file.ts');
    await run(async () => {
      checkImportSize(file.size, file.name); // before a huge file is read into memory
      return readImportFile(new Uint8Array(await file.arrayBuffer()), file.name, browserReaders);
    }, file.name);
    input.value = '';
  }

  async function onPaste() {
    const { readImportFile } = await import('../../lib/import/read-file.ts');
    await run(() => readImportFile(new TextEncoder().encode(pasted), 'geplakte tekst', browserReaders), 'geplakte tekst');
  }

  async function accept() {
    if (!review) return;
    const { importToProtocolInput } = await import('../../lib/import/to-protocol.ts');
    const { protocol } = importToProtocolInput(review.result, review.loaded.aligner, {
      decisions: review.decisions,
      examples: review.loaded.examples,
      missingRequired: 'keep',
    });
    const cur = draft.value;
    if (cur.sections.length && !confirm(t('wizard.ownProtocol.replace'))) return;
    // The schema needs a name; when the text gave none the school fills it in on the first step.
    const parsed = ProtocolSchema.parse({ ...protocol, school: { ...protocol.school, name: protocol.school.name || '-' } });
    const fresh = draftFromProtocol(parsed, 'import');
    const keep = (mine: string, found: string) => (mine.trim() ? mine : found);
    const next: Draft = {
      ...fresh,
      title: fresh.title,
      version: cur.version || fresh.version,
      school: {
        ...fresh.school,
        name: keep(cur.school.name, protocol.school.name),
        board: keep(cur.school.board, fresh.school.board),
        place: keep(cur.school.place, fresh.school.place),
        sector: cur.school.name.trim() ? cur.school.sector : fresh.school.sector,
        contacts: cur.school.contacts.length ? cur.school.contacts : fresh.school.contacts,
        documents: cur.school.documents,
      },
      adoption: cur.adoption.by.trim() || cur.adoption.date ? cur.adoption : fresh.adoption,
    };
    replaceDraft(next);
    const lib = review.decisions.filter((d, i) => (d === 'library' || d === 'override') && review.result.articles[i]!.clause).length;
    const own = review.decisions.filter((d, i) => d === 'custom' || (d !== 'skip' && !review.result.articles[i]!.clause)).length;
    notice.value = fill(t('wizard.ownProtocol.done'), { lib: String(lib), own: String(own) });
    setReview(undefined);
    goToSection(0);
    goTo(2);
  }

  const described = errors ? 'own-protocol-file-help own-protocol-errors' : 'own-protocol-file-help';
  return (
    <section aria-labelledby="start-own" class="own-protocol">
      <h3 id="start-own">{t('wizard.ownProtocol')}</h3>
      <p>{t('wizard.ownProtocol.intro')}</p>
      <div class="field">
        <label for="own-protocol-file">{t('wizard.ownProtocol.file')}</label>
        <span id="own-protocol-file-help" class="help">
          {t('wizard.ownProtocol.fileHelp')}
        </span>
        <input
          id="own-protocol-file"
          type="file"
          accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
          onChange={onFile}
          disabled={busy}
          aria-describedby={described}
          aria-invalid={errors ? 'true' : undefined}
        />
      </div>
      {errors && (
        <div id="own-protocol-errors" class="wizard-errors" role="alert">
          <p>
            <strong>{t('wizard.ownProtocol.failed')}</strong>
          </p>
          <ul>
            {errors.map((p) => (
              <li data-rule={p.rule}>
                {p.file}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for="own-protocol-paste">{t('wizard.ownProtocol.paste')}</label>
        <textarea id="own-protocol-paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="button" onClick={onPaste} disabled={busy || !pasted.trim()}>
          {t('wizard.ownProtocol.read')}
        </button>
      </div>
      <p role="status">{busy ? t('wizard.ownProtocol.reading') : ''}</p>
      {review && <Review review={review} setDecision={(i, d) => setReview({ ...review, decisions: review.decisions.map((x, j) => (j === i ? d : x)) })} />}
      {review && (
        <p class="own-protocol-actions">
          <button type="button" class="primary" onClick={accept}>
            {t('wizard.ownProtocol.accept')}
          </button>{' '}
          <button type="button" onClick={() => setReview(undefined)}>
            {t('wizard.ownProtocol.cancel')}
          </button>
        </p>
      )}
    </section>
  );
}

/** The review of an import: per article the texts side by side, the word diff, the sureness and the choice. */
function Review({
  review,
  setDecision,
}: {
  review: { result: ImportResult; decisions: ArticleDecision[]; loaded: Loaded };
  setDecision: (i: number, d: ArticleDecision) => void;
}) {
  const { result, decisions, loaded } = review;
  const clauses = loaded.aligner.clauses;
  const full = new Map(data.value!.clauses.map((c) => [c.id, c]));
  const v = result.values;
  const school = { name: v.schoolName ?? (draft.value.school.name || 'de school'), pupils: v.pupils ?? draft.value.school.pupils };
  const libraryText = (id: string) => {
    const c = full.get(id)!;
    try {
      return fillTemplate(c.body, c.variables, v.variables[id] ?? {}, school);
    } catch {
      return c.body;
    }
  };
  const aligned = result.articles.filter((a) => a.clause).length;
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
      <p role="status">{fill(t('wizard.ownProtocol.found'), { n: String(result.articles.length), lib: String(aligned) })}</p>
      <p class="help">{t('wizard.ownProtocol.reviewHelp')}</p>
      <ol class="import-articles">
        {result.articles.map((a, i) => {
          const clause = a.clause ? clauses.get(a.clause) : undefined;
          const heading = a.section >= 0 ? result.sections[a.section]!.title : '';
          const lib = clause ? libraryText(clause.id) : '';
          const pct = Math.round(a.score * 100);
          const name = `import-choice-${i}`;
          const options: ArticleDecision[] = clause ? ['library', 'override', 'custom', 'skip'] : ['custom', 'skip'];
          return (
            <li class="import-article" aria-labelledby={`import-article-${i}`}>
              <h4 id={`import-article-${i}`}>
                {t('wizard.ownProtocol.article')} {a.number ?? i + 1}
                {heading && <span class="help"> · {heading}</span>}
              </h4>
              {a.truncated && <p class="import-warning">{t('wizard.ownProtocol.truncated')}</p>}
              {a.choicePointMiss && <p class="import-warning">{fill(t('wizard.ownProtocol.choicePointMiss'), { title: a.choicePointMiss.title })}</p>}
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
                {t('wizard.ownProtocol.sure')}: <strong>{pct}%</strong> ({t(sureness(a.score, loaded.aligner.threshold))})
              </p>
              <fieldset class="import-choice">
                <legend>{t('wizard.ownProtocol.choice')}</legend>
                {options.map((o) => (
                  <div class="check">
                    <input id={`${name}-${o}`} type="radio" name={name} checked={decisions[i] === o} onChange={() => setDecision(i, o)} />
                    <label for={`${name}-${o}`}>{t(`wizard.ownProtocol.choice.${o}`)}</label>
                  </div>
                ))}
              </fieldset>
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
