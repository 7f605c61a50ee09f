/**
 * Part of step 5: what the (G)MR needs to review a new version. The school opens the work file of the version that
 * applies now; the panel lists every change against it (W1, W2, …, the one comparison of the site's changes page,
 * `diffVersions`) with a text field for the reason (toelichting) of each, kept in the draft's `reasons` and so in
 * the exported work file. The previous version is kept in this browser (localStorage), not in the work file.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import type { ProtocolDocument } from '../../lib/compose/document.ts';
import { ContentError } from '../../lib/errors/content-error.ts';
import type { VersionDiff } from '../../lib/versions/diff-versions.ts';
import { data, draft, evaluation, library, update } from './store.ts';

/** localStorage key of the previous adopted version (its work file and name). */
export const PREVIOUS_KEY = 'protocolwijzer:vorige-versie:v1';

/** The previous version as loaded: its number and composed document. */
interface Previous {
  file: string;
  version: string;
  doc: ProtocolDocument;
}

/** The reasons with one key set to `text`, or removed when `text` is empty. */
function withReason(reasons: Record<string, string>, key: string, text: string): Record<string, string> {
  const next = { ...reasons };
  if (text.trim()) next[key] = text;
  else delete next[key];
  return next;
}

/**
 * The key a change's reason is kept under: the key the file already uses (for another variant either clause id, for
 * a removal the old key, as `diffVersions` accepts), else the change's own key.
 */
export function reasonKeyOf(e: VersionDiff['changes'][number], reasons: Readonly<Record<string, string>>): string {
  if (reasons[e.key] !== undefined) return e.key;
  if (e.before && reasons[e.before.key] !== undefined) return e.before.key;
  return e.key;
}

/** The previous version, the changes against it and a reason field for each. */
export function ReasonsPanel() {
  const ev = evaluation.value!;
  const lib = library.value!;
  const [previous, setPrevious] = useState<Previous | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const [diff, setDiff] = useState<VersionDiff | undefined>();
  const [label, setLabel] = useState<((e: VersionDiff['changes'][number]) => string) | undefined>();

  /** Reads a work file as the previous version; an invalid file or a draft is refused with the reason. */
  async function load(text: string, file: string, remember: boolean) {
    const [{ parseProtocol }, { composeProtocol }] = await Promise.all([
      import('../../lib/compose/parse-protocol.ts'),
      import('../../lib/compose/compose-protocol.ts'),
    ]);
    try {
      const protocol = parseProtocol(
        text,
        file,
        lib,
        data.value!.models.map((m) => m.id),
      );
      if (!protocol.adoption) {
        setErrors([t('wizard.reasons.notAdopted')]);
        return;
      }
      setPrevious({ file, version: protocol.version, doc: composeProtocol('vorige', protocol, lib) });
      setErrors([]);
      if (remember) {
        try {
          localStorage.setItem(PREVIOUS_KEY, JSON.stringify({ file, text }));
        } catch {
          // Storage full or blocked: the comparison still works until the page is closed.
        }
      }
    } catch (e) {
      setErrors(
        e instanceof ContentError
          ? e.problems.map(
              (p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`,
            )
          : [String(e)],
      );
    }
  }

  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(PREVIOUS_KEY) ?? 'null') as { file: string; text: string } | null;
      if (saved) void load(saved.text, saved.file, false);
    } catch {
      // Nothing saved, or unreadable: start without a previous version.
    }
  }, []);

  const doc = ev.doc;
  const reasons = draft.value.reasons;
  useEffect(() => {
    if (!previous || !doc) return setDiff(undefined);
    let cancelled = false;
    Promise.all([import('../../lib/versions/diff-versions.ts'), import('../../lib/render/change-text.ts')]).then(
      ([{ diffVersions }, { changeLabel }]) => {
        if (cancelled) return;
        setDiff(diffVersions(previous.doc, doc, reasons));
        setLabel(() => (e: VersionDiff['changes'][number]) => changeLabel(e.kind, { against: 'version' }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [previous, doc, reasons]);

  return (
    <section aria-labelledby="review-reasons" class="reasons">
      <h3 id="review-reasons">{t('wizard.reasons')}</h3>
      <p class="help" id="reasons-help">
        {t('wizard.reasons.help')}
      </p>
      <div class="field">
        <label for="previous-file">{previous ? t('wizard.reasons.other') : t('wizard.reasons.open')}</label>
        <input
          id="previous-file"
          type="file"
          accept=".yaml,.yml,text/yaml"
          aria-describedby={errors.length ? 'reasons-help previous-error' : 'reasons-help'}
          onChange={async (e) => {
            const input = e.currentTarget;
            const f = input.files?.[0];
            if (f) await load(await f.text(), f.name, true);
            input.value = '';
          }}
        />
        {errors.length > 0 && (
          <div id="previous-error" class="error" role="alert">
            <p>{t('wizard.reasons.failed')}</p>
            <ul>
              {errors.map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {previous && diff && label && (
        <>
          <p role="status">
            {t('wizard.reasons.against', {
              version: previous.version,
              n: `${diff.changes.length} ${diff.changes.length === 1 ? 'wijziging' : 'wijzigingen'}`,
            })}
          </p>
          <ol class="reason-list">
            {diff.changes.map((e) => (
              <li>
                <Reason
                  id={`reason-${e.number!.toLowerCase()}`}
                  label={`${e.number} ${label(e)}: ${(e.after ?? e.before)!.title}`}
                  value={reasons[reasonKeyOf(e, reasons)] ?? ''}
                  reasonKey={reasonKeyOf(e, reasons)}
                />
              </li>
            ))}
          </ol>
          {diff.unusedReasons.length > 0 && (
            <div class="warnings">
              <p>{t('wizard.reasons.unused')}</p>
              <ul>
                {diff.unusedReasons.map((key) => (
                  <li>
                    “{reasons[key]}”{' '}
                    <button
                      type="button"
                      onClick={() => update((d) => ({ ...d, reasons: withReason(d.reasons, key, '') }))}
                    >
                      {t('wizard.consent.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** One reason field: a labelled textarea bound to `reasons[reasonKey]`. */
function Reason({ id, label, value, reasonKey }: { id: string; label: string; value: string; reasonKey: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        data-fields={`reasons.${reasonKey}`}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          update((d) => ({ ...d, reasons: withReason(d.reasons, reasonKey, text) }), `reasons.${reasonKey}`);
        }}
      />
    </div>
  );
}
