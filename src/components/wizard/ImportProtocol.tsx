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
import { t } from '../../i18n/t.ts';
import { ContentError, type Problem } from '../../lib/errors/content-error.ts';
import type { ImportResult } from '../../lib/import/import-text.ts';
import { ProtocolSchema } from '../../lib/schema/protocol.ts';
import { draftFromProtocol, type Draft } from '../../lib/wizard/draft.ts';
import { STEPS } from '../../lib/wizard/problem-location.ts';
import { data, draft, goTo, goToSection, notice, replaceDraft } from './store.ts';

/** Where the PDF.js worker is served from (copied into `public/vendor/` by `scripts/prebuild.ts`, as .js). */
const PDF_WORKER = '/vendor/pdf.worker.min.js';

type Loaded = import('./ImportReview.tsx').Loaded;
type ReviewView = typeof import('./ImportReview.tsx');
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
  mammoth: async () =>
    (await import('mammoth')).default as unknown as import('../../lib/import/read-docx.ts').MammothLike,
};

/** The import control and, after reading, the review per article. */
export function ImportProtocol() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Problem[] | undefined>();
  const [pasted, setPasted] = useState('');
  const [review, setReview] = useState<import('./ImportReview.tsx').ReviewState | undefined>();
  const [view, setView] = useState<ReviewView | undefined>();

  async function run(read: () => Promise<{ text: string; chrome: ImportResult['nonNormative'] }>, name: string) {
    setBusy(true);
    setErrors(undefined);
    try {
      const [{ importText }, { proposeDecisions }, ready, reviewView] = await Promise.all([
        import('../../lib/import/import-text.ts'),
        import('../../lib/import/to-protocol.ts'),
        loadAligner(),
        import('./ImportReview.tsx'),
      ]);
      setView(reviewView);
      const { text, chrome } = await read();
      const result = importText(text, ready.aligner, { choicePoints: data.value!.choicePoints }, chrome);
      if (!result.articles.length)
        throw new ContentError([
          { file: name, rule: 'import-no-articles', message: t('wizard.ownProtocol.noArticles') },
        ]);
      setReview({
        result,
        decisions: proposeDecisions(result.articles),
        clauses: result.articles.map((a) => a.clause),
        loaded: ready,
      });
    } catch (e) {
      setReview(undefined);
      setErrors(
        e instanceof ContentError
          ? e.problems
          : [{ file: name, rule: 'import-failed', message: e instanceof Error ? e.message : String(e) }],
      );
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
    await run(
      () => readImportFile(new TextEncoder().encode(pasted), 'geplakte tekst', browserReaders),
      'geplakte tekst',
    );
  }

  async function accept() {
    if (!review) return;
    const { importToProtocolInput } = await import('../../lib/import/to-protocol.ts');
    const { protocol } = importToProtocolInput(review.result, review.loaded.aligner, {
      decisions: review.decisions,
      clauses: review.clauses,
      examples: review.loaded.examples,
      missingRequired: 'keep',
    });
    const cur = draft.value;
    if (cur.sections.length && !confirm(t('wizard.ownProtocol.replace'))) return;
    // The schema needs a name; when the text gave none the school fills it in on the first step.
    const parsed = ProtocolSchema.parse({
      ...protocol,
      school: { ...protocol.school, name: protocol.school.name || '-' },
    });
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
    const lib = review.decisions.filter((d, i) => (d === 'library' || d === 'override') && review.clauses[i]).length;
    const own = review.decisions.filter(
      (d, i) => d === 'custom' || ((d === 'library' || d === 'override') && !review.clauses[i]),
    ).length;
    notice.value = view!.fill(t('wizard.ownProtocol.done'), { lib: String(lib), own: String(own) });
    setReview(undefined);
    goToSection(0);
    // On to the decisions, as after any start: the imported choices are checked there first (a rule that may no
    // longer be chosen is marked), then the school's details.
    goTo(STEPS.decisions);
  }

  const described = errors ? 'own-protocol-file-help own-protocol-errors' : 'own-protocol-file-help';
  return (
    <section aria-labelledby="start-own" class="own-protocol">
      <h3 id="start-own">{t('wizard.ownProtocol')}</h3>
      <p>{t('wizard.ownProtocol.intro')}</p>
      <div class="field">
        <label for="own-protocol-file">{t('wizard.ownProtocol.file')}</label>
        <p id="own-protocol-file-help" class="help">
          {t('wizard.ownProtocol.fileHelp')}
        </p>
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
      {review && view && (
        <view.Review
          review={review}
          setDecision={(i, d) => setReview({ ...review, decisions: review.decisions.map((x, j) => (j === i ? d : x)) })}
          setClause={(i, c) =>
            setReview({
              ...review,
              clauses: review.clauses.map((x, j) => (j === i ? c : x)),
              decisions: review.decisions.map((x, j) => (j === i ? view.decisionForClause(x, c) : x)),
            })
          }
        />
      )}
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
