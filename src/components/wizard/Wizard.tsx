/**
 * The wizard at `/samenstellen/`: an Astro island (Preact + signals) that composes a school's protocol in the
 * browser with the same src/lib code the build uses. Steps: school, starting point, section by section, own
 * articles, review, take it home. A live preview follows every change.
 */
import { useEffect, useErrorBoundary, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t, type MessageKey } from '../../i18n/t.ts';
import { renderDocumentHtml } from '../../lib/render/render-html.ts';
import { adoptionSentence } from '../../lib/text/format-date.ts';
import { draftFromProtocol, draftToProtocolInput, emptyDraft, hasWork, type Draft } from '../../lib/wizard/draft.ts';
import { protocolTitle } from '../../lib/model/model-start.ts';
import { startProtocol } from '../../lib/wizard/start.ts';
import { SECTOR_PUPILS } from '../../lib/wizard/sector-default.ts';
import { importSizeProblem, SHARE_PREFIX } from '../../lib/wizard/share.ts';
import { decodeText } from '../../lib/yaml/decode-text.ts';
import type { WizardData } from '../../lib/wizard/wizard-data.ts';
import { isWebUrl, ProtocolSchema } from '../../lib/schema/protocol.ts';
import { ContentError, formatProblem, type Problem } from '../../lib/errors/content-error.ts';
import { Field } from './Field.tsx';
import { SectionsStep } from './SectionsStep.tsx';
import { OwnStep } from './OwnStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { fileNameFor, HomeStep } from './HomeStep.tsx';
import { ImportProtocol } from './ImportProtocol.tsx';
import { firstProblem, showProblem, takePendingFocus } from './focus-problem.ts';
import { handlesOwnUndo, shortcutAction } from '../../lib/wizard/shortcuts.ts';
import {
  canRedo,
  canUndo,
  data,
  draft,
  evaluation,
  goTo,
  goToSection,
  library,
  notice,
  redo,
  replaceDraft,
  restore,
  sectionIndex,
  startOver,
  step,
  undo,
  update,
  saveState,
  STORAGE_KEY,
  unreadable,
} from './store.ts';

const STEPS: MessageKey[] = ['wizard.step.school', 'wizard.step.start', 'wizard.step.sections', 'wizard.step.own', 'wizard.step.review', 'wizard.step.home'];

/** Where `bibliotheek.json` lives, relative to the wizard page. */
const DATA_URL = '/samenstellen/bibliotheek.json';

/** Reads a protocol file (YAML) with the build's parser; loaded on demand so the first page load stays small. */
async function readProtocol(text: string, file: string) {
  const [{ parseProtocol }, { libraryFromData }] = await Promise.all([import('../../lib/compose/parse-protocol.ts'), import('../../lib/wizard/wizard-data.ts')]);
  const d = data.value!;
  return parseProtocol(text, file, libraryFromData(d), d.models.map((m) => m.id));
}

/** Problems of a failed import, as the import area lists them. */
function importProblems(e: unknown, file: string): Problem[] {
  if (e instanceof ContentError) return e.problems;
  return [{ rule: 'import-failed', file, message: e instanceof Error ? e.message : String(e) }];
}

/** Offers a text as a file download. */
function downloadText(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The raw saved work in this browser, or empty when there is none or storage cannot be read. */
function savedRaw(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The wizard, inside an error boundary: whatever goes wrong while showing the work, the page reaches a usable
 * state that offers the saved work as a download and "Opnieuw beginnen" (review attack-2026-11, failure 6).
 */
export default function Wizard() {
  const [error, reset] = useErrorBoundary();
  if (error) {
    const raw = savedRaw();
    return (
      <div class="wizard-errors" role="alert">
        <p>{t('wizard.crashed')}</p>
        {raw && (
          <button type="button" onClick={() => downloadText('protocolwijzer-opgeslagen-werk.json', raw, 'application/json')}>
            {t('wizard.unreadableDownload')}
          </button>
        )}{' '}
        <button
          type="button"
          onClick={() => {
            if (confirm(t('wizard.startOverConfirm'))) {
              startOver();
              reset();
            }
          }}
        >
          {t('wizard.startOver')}
        </button>
      </div>
    );
  }
  return <WizardMain />;
}

/** The whole wizard. */
function WizardMain() {
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [importErrors, setImportErrors] = useState<{ title: string; problems: Problem[] } | undefined>();
  const [previewOpen, setPreviewOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    let cancelled = false;
    fetch(DATA_URL)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<WizardData>;
      })
      .then(async (d) => {
        if (cancelled) return;
        data.value = d;
        const saved = restore();
        if (saved) {
          draft.value = saved.draft;
          step.value = Math.min(saved.step, STEPS.length - 1);
          sectionIndex.value = saved.section;
          notice.value = t('wizard.restored');
        }
        setStatus('ready');
        if (location.hash.startsWith(SHARE_PREFIX)) await openShare(location.hash);
      })
      .catch(() => setStatus('failed'));
    // A share link opened in a tab that already shows the wizard changes only the fragment: no reload.
    const onHash = () => {
      if (data.value && location.hash.startsWith(SHARE_PREFIX)) void openShare(location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  // Focus moves to the new step's heading (not on the first render: the page's own heading comes first).
  const current = step.value;
  useEffect(() => {
    if (status !== 'ready') return;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A problem to fix on this step takes the focus; otherwise the step's heading does.
    if (!takePendingFocus(current)) headingRef.current?.focus();
  }, [current, status]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, except in a text field, which has the browser's own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutAction(e);
      if (!action || handlesOwnUndo(document.activeElement as HTMLInputElement | null)) return;
      e.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /** "Volgende stap": on to the next step, unless this step has a problem; then the focus goes to its field. */
  function goOn() {
    const problem = firstProblem(current);
    if (problem) showProblem(problem);
    else {
      notice.value = '';
      goTo(current + 1);
    }
  }

  async function openShare(hash: string) {
    const { decodeShare } = await import('../../lib/wizard/share.ts');
    try {
      const text = await decodeShare(hash);
      const protocol = await readProtocol(text, 'deellink');
      if (!hasWork(draft.value) || confirm(t('wizard.replaceConfirm'))) {
        replaceDraft(draftFromProtocol(protocol, `model:${protocol.startsFrom}`));
        setImportErrors(undefined);
        notice.value = t('wizard.imported');
      }
    } catch (e) {
      setImportErrors({ title: t('wizard.shareFailed'), problems: importProblems(e, 'deellink') });
    }
    history.replaceState(null, '', location.pathname + location.search);
  }

  async function onImport(e: JSX.TargetedEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const tooLarge = importSizeProblem(file.size);
      if (tooLarge) throw new ContentError([{ rule: 'import-too-large', file: file.name, message: tooLarge }]);
      const protocol = await readProtocol(decodeText(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
      if (!hasWork(draft.value) || confirm(t('wizard.replaceConfirm'))) {
        replaceDraft(draftFromProtocol(protocol, `model:${protocol.startsFrom}`));
        setImportErrors(undefined);
        notice.value = t('wizard.imported');
      }
    } catch (err) {
      setImportErrors({ title: t('wizard.importFailed'), problems: importProblems(err, file.name) });
    }
    input.value = '';
  }

  if (status === 'loading') return <p role="status">{t('wizard.loading')}</p>;
  if (status === 'failed') return <p role="alert">{t('wizard.loadFailed')}</p>;

  const ev = evaluation.value;
  const doc = ev?.doc;
  const previewHtml = doc && draft.value.sections.length ? renderDocumentHtml(doc, { level: 3 }) : '';
  const reporting = draft.value.school.contacts.filter((c) => c.reporting && c.role.trim());
  const documents = draft.value.school.documents.filter((d) => d.title.trim());

  return (
    <div class={`wizard${previewOpen ? ' wizard--preview-open' : ''}`}>
      <div class="wizard-toolbar" role="group" aria-label={t('wizard.toolbar')}>
        <button type="button" onClick={undo} disabled={!canUndo.value} aria-keyshortcuts="Control+Z">
          {t('wizard.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo.value} aria-keyshortcuts="Control+Shift+Z Control+Y">
          {t('wizard.redo')}
        </button>
        <span class="wizard-import">
          <label for="import-file">{t('wizard.import')}</label>
          <input
            id="import-file"
            type="file"
            accept=".yaml,.yml,text/yaml"
            onChange={onImport}
            aria-describedby={importErrors ? 'import-help import-errors' : 'import-help'}
            aria-invalid={importErrors ? 'true' : undefined}
          />
          <span id="import-help" class="help">{t('wizard.importHelp')}</span>
        </span>
        <button
          type="button"
          onClick={() => {
            if (confirm(t('wizard.startOverConfirm'))) {
              startOver();
              notice.value = '';
              setImportErrors(undefined);
            }
          }}
        >
          {t('wizard.startOver')}
        </button>
      </div>
      {importErrors && (
        <div id="import-errors" class="wizard-errors" role="alert">
          <p>
            <strong>{importErrors.title}</strong>
          </p>
          <ul>
            {importErrors.problems.map((p) => (
              <li>{formatProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {unreadable.value && (
        <div class="wizard-errors" role="alert">
          <p>
            {t('wizard.unreadable')} ({unreadable.value.problem}){unreadable.value.aside ? '' : ` ${t('wizard.unreadableNotAside')}`}
          </p>
          <button type="button" onClick={() => downloadText('protocolwijzer-opgeslagen-werk.json', unreadable.value!.raw, 'application/json')}>
            {t('wizard.unreadableDownload')}
          </button>
        </div>
      )}
      {saveState.value === 'failed' ? (
        <div class="wizard-errors" role="alert">
          <p>
            {notice.value} {t('wizard.saveFailed')}
          </p>
          <button
            type="button"
            onClick={async () => {
              const { protocolYaml } = await import('../../lib/wizard/protocol-yaml.ts');
              downloadText(fileNameFor(draft.value.school.name), protocolYaml(draftToProtocolInput(draft.value)), 'text/yaml');
            }}
          >
            {t('wizard.saveFailedDownload')}
          </button>
        </div>
      ) : (
        <p class="wizard-notice" role="status">
          {notice.value} {t('wizard.saved')}
        </p>
      )}

      <nav class="wizard-steps" aria-label={t('wizard.steps')}>
        <ol>
          {STEPS.map((key, i) => (
            <li>
              <button type="button" aria-current={i === current ? 'step' : undefined} onClick={() => goTo(i)}>
                <span class="n">{i + 1}</span> {t(key)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <button type="button" class="wizard-preview-toggle" aria-expanded={previewOpen} aria-controls="wizard-preview" onClick={() => setPreviewOpen(!previewOpen)}>
        {previewOpen ? t('wizard.preview.hide') : t('wizard.preview.show')}
      </button>

      <div class="wizard-body">
        <div class="wizard-form">
          <h2 ref={headingRef} tabIndex={-1} id="step-heading">
            <span class="sr-only">
              {t('wizard.step')} {current + 1} {t('wizard.of')} {STEPS.length}:{' '}
            </span>
            {t(STEPS[current]!)}
          </h2>
          {current === 0 && <SchoolStep />}
          {current === 1 && <StartStep />}
          {current === 2 && <SectionsStep />}
          {current === 3 && <OwnStep />}
          {current === 4 && <ReviewStep />}
          {current === 5 && <HomeStep />}
          <div class="wizard-nav">
            {current > 0 && (
              <button type="button" onClick={() => goTo(current - 1)}>
                {t('wizard.prev')}: {t(STEPS[current - 1]!)}
              </button>
            )}
            {current < STEPS.length - 1 && (
              <button type="button" class="primary" onClick={goOn}>
                {t('wizard.next')}: {t(STEPS[current + 1]!)}
              </button>
            )}
          </div>
        </div>
        <aside id="wizard-preview" class="wizard-preview" aria-labelledby="preview-heading" tabIndex={0}>
          <h2 id="preview-heading">{t('wizard.preview')}</h2>
          {previewHtml ? (
            <div class="preview-doc">
              <p class="preview-title">
                <strong>{doc!.title}</strong>
                <br />
                {doc!.organisation}
              </p>
              <p class="preview-status">{adoptionSentence(doc!.adoption) ?? t('protocol.draft')}</p>
              {reporting.length > 0 && (
                <section aria-labelledby="preview-melden">
                  <h3 id="preview-melden">{t('wizard.reporting')}</h3>
                  <ul>
                    {reporting.map((c) => (
                      <li>
                        <strong>{c.role}</strong>
                        {c.name && <>: {c.name}</>}
                        {c.email && <>, {c.email}</>}
                        {c.phone.trim() && <>, {c.phone}</>}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <div class="preview-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
              {documents.length > 0 && (
                <section aria-labelledby="preview-documents" class="preview-documents">
                  <h3 id="preview-documents">{t('protocol.documents')}</h3>
                  <ul>
                    {documents.map((d) => (
                      <li>{isWebUrl(d.url.trim()) ? <a href={d.url.trim()}>{d.title}</a> : d.title}</li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          ) : (
            <p>{t('wizard.preview.empty')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/** Step 1: the school and its contacts. */
function SchoolStep() {
  const d = draft.value;
  const school = d.school;
  const set = (field: keyof Draft['school'], value: string) => update((x) => ({ ...x, school: { ...x.school, [field]: value } }), `school.${field}`);
  return (
    <div class="step">
      <Field
        id="school-name"
        label={t('wizard.school.name')}
        field="school.name"
        value={school.name}
        onInput={(v) =>
          // A title that only names the school follows the name; a title the school wrote itself stays.
          update(
            (x) => ({
              ...x,
              title: x.title === protocolTitle(x.school.name) || x.title === emptyDraft().title ? protocolTitle(v) : x.title,
              school: { ...x.school, name: v },
            }),
            'school.name',
          )
        }
        autoComplete="organization"
      />
      <Field
        id="school-name-in-text"
        label={t('wizard.school.nameInText')}
        help={t('wizard.school.nameInTextHelp')}
        field="school.nameInText"
        value={school.nameInText}
        onInput={(v) => set('nameInText', v)}
      />
      <Field id="school-board" label={t('wizard.school.board')} field="school.board" value={school.board} onInput={(v) => set('board', v)} />
      <Field
        id="school-board-in-text"
        label={t('wizard.school.boardInText')}
        help={t('wizard.school.boardInTextHelp')}
        field="school.boardInText"
        value={school.boardInText}
        onInput={(v) => set('boardInText', v)}
      />
      <Field id="school-account" label={t('wizard.school.account')} help={t('wizard.school.accountHelp')} field="school.account" value={school.account} onInput={(v) => set('account', v)} />
      <div class="field">
        <label for="school-sector">{t('wizard.school.sector')}</label>
        <select
          id="school-sector"
          value={school.sector}
          onChange={(e) => {
            const sector = e.currentTarget.value as Draft['school']['sector'];
            update((x) => ({
              ...x,
              school: { ...x.school, sector, pupils: x.school.pupils === SECTOR_PUPILS[x.school.sector] ? SECTOR_PUPILS[sector] : x.school.pupils },
            }));
          }}
        >
          {(['po', 'vo', 'mbo', 'so'] as const).map((s) => (
            <option value={s}>{t(`wizard.sector.${s}`)}</option>
          ))}
        </select>
      </div>
      <Field id="school-place" label={t('wizard.school.place')} field="school.place" value={school.place} onInput={(v) => set('place', v)} />
      <Field id="school-pupils" label={t('wizard.school.pupils')} help={t('wizard.school.pupilsHelp')} field="school.pupils" value={school.pupils} onInput={(v) => set('pupils', v)} />
      <Field id="school-pupil" label={t('wizard.school.pupil')} help={t('wizard.school.pupilHelp')} field="school.pupil" value={school.pupil} onInput={(v) => set('pupil', v)} />
      <Field id="school-version" label={t('wizard.school.version')} field="version" value={d.version} onInput={(v) => update((x) => ({ ...x, version: v }), 'version')} />
      <AdoptionFields />
      <fieldset class="contacts">
        <legend>{t('wizard.contacts')}</legend>
        <p class="help">{t('wizard.contacts.help')}</p>
        {school.contacts.map((c, i) => {
          const setC = (patch: Partial<typeof c>, key: string) =>
            update((x) => ({ ...x, school: { ...x.school, contacts: x.school.contacts.map((y, j) => (j === i ? { ...y, ...patch } : y)) } }), key);
          return (
            <div class="contact" role="group" aria-labelledby={`contact-${i}-title`}>
              <h3 id={`contact-${i}-title`}>
                {t('wizard.contact')} {i + 1}
              </h3>
              <Field id={`contact-${i}-role`} label={t('wizard.contact.role')} help={t('wizard.contact.roleHelp')} field={`school.contacts.${i}.role`} value={c.role} onInput={(v) => setC({ role: v }, `c${i}.role`)} />
              <Field id={`contact-${i}-name`} label={t('wizard.contact.name')} field={`school.contacts.${i}.name`} value={c.name} onInput={(v) => setC({ name: v }, `c${i}.name`)} />
              <Field id={`contact-${i}-email`} type="email" label={t('wizard.contact.email')} field={`school.contacts.${i}.email`} value={c.email} onInput={(v) => setC({ email: v }, `c${i}.email`)} />
              <Field id={`contact-${i}-phone`} type="tel" label={t('wizard.contact.phone')} field={`school.contacts.${i}.phone`} value={c.phone} onInput={(v) => setC({ phone: v }, `c${i}.phone`)} />
              <div class="check">
                <input id={`contact-${i}-reporting`} type="checkbox" checked={c.reporting} onChange={(e) => setC({ reporting: e.currentTarget.checked }, '')} />
                <label for={`contact-${i}-reporting`}>{t('wizard.contact.reporting')}</label>
              </div>
              <button
                type="button"
                onClick={() => update((x) => ({ ...x, school: { ...x.school, contacts: x.school.contacts.filter((_, j) => j !== i) } }))}
              >
                {t('wizard.contact.remove')}
                <span class="sr-only">: {c.role || `${t('wizard.contact')} ${i + 1}`}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => {
            const i = school.contacts.length;
            update((x) => ({ ...x, school: { ...x.school, contacts: [...x.school.contacts, { role: '', name: '', email: '', phone: '', reporting: true }] } }));
            requestAnimationFrame(() => document.getElementById(`contact-${i}-role`)?.focus());
          }}
        >
          {t('wizard.contact.add')}
        </button>
      </fieldset>
      <fieldset class="contacts documents">
        <legend>{t('wizard.documents')}</legend>
        <p class="help">{t('wizard.documents.help')}</p>
        {school.documents.map((doc, i) => {
          const setD = (patch: Partial<typeof doc>, key: string) =>
            update((x) => ({ ...x, school: { ...x.school, documents: x.school.documents.map((y, j) => (j === i ? { ...y, ...patch } : y)) } }), key);
          return (
            <div class="contact" role="group" aria-labelledby={`document-${i}-heading`}>
              <h3 id={`document-${i}-heading`}>
                {t('wizard.document')} {i + 1}
              </h3>
              <Field id={`document-${i}-title`} label={t('wizard.document.title')} help={t('wizard.document.titleHelp')} field={`school.documents.${i}.title`} value={doc.title} onInput={(v) => setD({ title: v }, `d${i}.title`)} />
              <Field id={`document-${i}-url`} type="url" label={t('wizard.document.url')} help={t('wizard.document.urlHelp')} field={`school.documents.${i}.url`} value={doc.url} onInput={(v) => setD({ url: v }, `d${i}.url`)} />
              <button
                type="button"
                onClick={() => {
                  update((x) => ({ ...x, school: { ...x.school, documents: x.school.documents.filter((_, j) => j !== i) } }));
                  // The removed group's button is gone: focus the group that took its place, or the add button.
                  requestAnimationFrame(() => (document.getElementById(`document-${i}-title`) ?? document.getElementById('document-add'))?.focus());
                }}
              >
                {t('wizard.document.remove')}
                <span class="sr-only">: {doc.title || `${t('wizard.document')} ${i + 1}`}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          id="document-add"
          onClick={() => {
            const i = school.documents.length;
            update((x) => ({ ...x, school: { ...x.school, documents: [...x.school.documents, { title: '', url: '' }] } }));
            requestAnimationFrame(() => document.getElementById(`document-${i}-title`)?.focus());
          }}
        >
          {t('wizard.document.add')}
        </button>
      </fieldset>
    </div>
  );
}

/** Adoption (vaststelling) and the participation council's consent, part of step 1. */
function AdoptionFields() {
  const adoption = draft.value.adoption;
  const set = (patch: Partial<Draft['adoption']>, key = '') => update((x) => ({ ...x, adoption: { ...x.adoption, ...patch } }), key);
  return (
    <fieldset class="contacts adoption">
      <legend>{t('wizard.adoption')}</legend>
      <p class="help">{t('wizard.adoption.help')}</p>
      <Field id="adoption-by" label={t('wizard.adoption.by')} help={t('wizard.adoption.byHelp')} field="adoption.by" value={adoption.by} onInput={(v) => set({ by: v }, 'adoption.by')} />
      <Field id="adoption-date" type="date" label={t('wizard.adoption.date')} field="adoption.date" value={adoption.date} onInput={(v) => set({ date: v }, 'adoption.date')} />
      {adoption.consent.map((c, i) => {
        const setC = (patch: Partial<typeof c>, key: string) =>
          update((x) => ({ ...x, adoption: { ...x.adoption, consent: x.adoption.consent.map((y, j) => (j === i ? { ...y, ...patch } : y)) } }), key);
        return (
          <div class="contact" role="group" aria-labelledby={`consent-${i}-heading`}>
            <h3 id={`consent-${i}-heading`}>
              {t('wizard.consent')} {i + 1}
            </h3>
            <Field id={`consent-${i}-body`} label={t('wizard.consent.body')} help={t('wizard.consent.bodyHelp')} field={`adoption.consent.${i}.body`} value={c.body} onInput={(v) => setC({ body: v }, `consent${i}.body`)} />
            <fieldset class="outcome" data-fields={`adoption.consent.${i}.outcome`}>
              <legend>{t('wizard.consent.outcome')}</legend>
              {(['ingestemd', 'niet-ingestemd'] as const).map((o) => (
                <label>
                  <input
                    type="radio"
                    id={`consent-${i}-outcome-${o}`}
                    name={`consent-${i}-outcome`}
                    value={o}
                    checked={(c.outcome ?? 'ingestemd') === o}
                    onChange={() => setC({ outcome: o }, `consent${i}.outcome`)}
                  />{' '}
                  {t(o === 'ingestemd' ? 'wizard.consent.given' : 'wizard.consent.refused')}
                </label>
              ))}
            </fieldset>
            <Field id={`consent-${i}-date`} type="date" label={t('wizard.consent.date')} help={t('wizard.consent.dateHelp')} field={`adoption.consent.${i}.date`} value={c.date} onInput={(v) => setC({ date: v }, `consent${i}.date`)} />
            <button
              type="button"
              onClick={() => {
                update((x) => ({ ...x, adoption: { ...x.adoption, consent: x.adoption.consent.filter((_, j) => j !== i) } }));
                requestAnimationFrame(() => (document.getElementById(`consent-${i}-body`) ?? document.getElementById('consent-add'))?.focus());
              }}
            >
              {t('wizard.consent.remove')}
              <span class="sr-only">: {c.body || `${t('wizard.consent')} ${i + 1}`}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id="consent-add"
        onClick={() => {
          const i = adoption.consent.length;
          update((x) => ({ ...x, adoption: { ...x.adoption, consent: [...x.adoption.consent, { body: '', date: '' }] } }));
          requestAnimationFrame(() => document.getElementById(`consent-${i}-body`)?.focus());
        }}
      >
        {t('wizard.consent.add')}
      </button>
    </fieldset>
  );
}

/** Step 2: the starting point. */
function StartStep() {
  const d = data.value!;
  const chosen = draft.value.start;
  const choose = (id: string) => {
    const start = d.starts.find((s) => s.id === id)!;
    const cur = draft.value;
    if (cur.sections.length && !confirm(t('wizard.start.replace'))) return;
    // The starting point made this school's own by the core (startProtocol): the school block typed in step 1, a
    // title naming the school, none of the model's names, contacts, local terms or adoption.
    const typed = draftToProtocolInput(cur).school;
    const input = startProtocol(start, library.value!, typed);
    // The school block stays the one typed in step 1 (it may still hold a mistake the form shows at its field), so
    // only the start's articles go through the schema here.
    const protocol = ProtocolSchema.parse({ ...input, school: { name: '…', sector: input.school.sector, pupils: input.school.pupils } });
    const fresh = draftFromProtocol(protocol, id);
    const defaultTitle = (title: string) => !title.trim() || title === emptyDraft().title || title === protocolTitle(cur.school.name);
    replaceDraft({
      ...fresh,
      // Keep what the school typed in step 1 (also when it is still empty).
      school: cur.school,
      version: cur.version || fresh.version,
      // A model's adoption is the model school's; this school adopts its own protocol.
      adoption: cur.adoption,
      // The title names the school, unless the school wrote its own.
      title: defaultTitle(cur.title) ? (input.title ?? cur.title) : cur.title,
    });
    goToSection(0);
  };
  const group = (ids: 'model' | 'sector', heading: MessageKey) => (
    <section aria-labelledby={`start-${ids}`}>
      <h3 id={`start-${ids}`}>{t(heading)}</h3>
      <ul class="starts">
        {d.starts
          .filter((s) => s.id.startsWith(`${ids}:`))
          .map((s) => (
            <li class={s.id === chosen ? 'chosen' : undefined}>
              <h4 id={`start-${s.id.replace(':', '-')}`}>{s.name}</h4>
              <p>{s.description}</p>
              <button type="button" aria-describedby={`start-${s.id.replace(':', '-')}`} aria-pressed={s.id === chosen} onClick={() => choose(s.id)}>
                {s.id === chosen ? t('wizard.start.chosen') : t('wizard.start.choose')}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
  return (
    <div class="step">
      <p>{t('wizard.start.intro')}</p>
      <ImportProtocol />
      {group('model', 'wizard.start.models')}
      {group('sector', 'wizard.start.sectors')}
    </div>
  );
}
