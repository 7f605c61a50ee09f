/**
 * The wizard's toolbar and status: undo and redo, opening a work file, starting over, the problems of a failed
 * import, saved work that could not be read, and the status line (a live region: what just happened, or that
 * saving failed with a download of the work).
 */
import { t } from '../../i18n/t.ts';
import { formatProblem } from '../../lib/errors/content-error.ts';
import { draftToProtocolInput } from '../../lib/wizard/draft.ts';
import { fileNameFor } from './HomeStep.tsx';
import { canRedo, canUndo, draft, notice, redo, saveState, startOver, undo, unreadable } from './store.ts';
import { downloadText, importErrors, openWorkFile } from './work-file.ts';

/** The toolbar, the import problems, unreadable saved work and the status line. */
export function Toolbar() {
  return (
    <>
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
            onChange={(e) => void openWorkFile(e.currentTarget)}
            aria-describedby={importErrors.value ? 'import-help import-errors' : 'import-help'}
            aria-invalid={importErrors.value ? 'true' : undefined}
          />
          <span id="import-help" class="help">
            {t('wizard.importHelp')}
          </span>
        </span>
        <button
          type="button"
          onClick={() => {
            if (confirm(t('wizard.startOverConfirm'))) {
              startOver();
              notice.value = '';
              importErrors.value = undefined;
            }
          }}
        >
          {t('wizard.startOver')}
        </button>
      </div>
      {importErrors.value && (
        <div id="import-errors" class="wizard-errors" role="alert">
          <p>
            <strong>{importErrors.value.title}</strong>
          </p>
          <ul>
            {importErrors.value.problems.map((p) => (
              <li>{formatProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {unreadable.value && (
        <div class="wizard-errors" role="alert">
          <p>
            {t('wizard.unreadable')} ({unreadable.value.problem})
            {unreadable.value.aside ? '' : ` ${t('wizard.unreadableNotAside')}`}
          </p>
          <button
            type="button"
            onClick={() =>
              downloadText('protocolwijzer-opgeslagen-werk.json', unreadable.value!.raw, 'application/json')
            }
          >
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
              downloadText(
                fileNameFor(draft.value.school.name),
                protocolYaml(draftToProtocolInput(draft.value)),
                'text/yaml',
              );
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
    </>
  );
}
