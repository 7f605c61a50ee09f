/**
 * Step 6, take it home: a publication package (a .zip made here with fflate: a self-contained page for families,
 * the Word file, the work file and a LEESMIJ), the protocol as Word, the work file (the protocol file, YAML, to reopen
 * later), a share link with the whole composition in the URL fragment, and the print edition (the site's print CSS
 * and Paged.js) to print or save as PDF. Nothing is sent to a server.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { describeField } from '../../lib/wizard/warnings.ts';
import { renderPrintHtml } from '../../lib/render/render-print.ts';
import { adoptionSentence } from '../../lib/text/format-date.ts';
import { isBlocking } from '../../lib/lint/finding.ts';
import { findingLocation, findingProblem } from '../../lib/wizard/finding-location.ts';
import { STEPS } from '../../lib/wizard/problem-location.ts';
import { firstProblem, showProblem } from './focus-problem.ts';
import { draft, evaluation, findings, goTo, library, PRINT_KEY } from './store.ts';

/** What the print page asks for and gets by `postMessage` (same origin only). */
export const PRINT_READY = 'protocolwijzer:afdrukken-klaar';
export const PRINT_CONTENT = 'protocolwijzer:afdrukken';

let printable: { title: string; html: string } | undefined;

/**
 * Hands the print edition to `/samenstellen/afdrukken/` without storage (review attack-2026-11, failure 5: a full
 * localStorage made printing throw): the print page posts {@link PRINT_READY} to its opener, which answers with
 * the HTML. A copy goes to localStorage too when there is room, for a reload of the print page on its own.
 */
function offerPrint(content: { title: string; html: string }): void {
  if (!printable) {
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.origin !== location.origin || (e.data as { type?: string } | null)?.type !== PRINT_READY || !printable)
        return;
      (e.source as Window | null)?.postMessage({ type: PRINT_CONTENT, ...printable }, location.origin);
    });
  }
  printable = content;
  try {
    localStorage.setItem(PRINT_KEY, JSON.stringify(content));
  } catch {
    // No room: the print page gets it by postMessage.
  }
}

/** A file name from the school's name: `basisschool-de-linde.yaml`. */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'protocol'}.yaml`;
}

/** Offers `bytes` as a download named `name`. */
function saveFile(bytes: string | Uint8Array, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The site's font as a data address, for the family page; undefined (system fonts) when it cannot be read. */
async function siteFont(): Promise<string | undefined> {
  try {
    const response = await fetch('/fonts/atkinson-hyperlegible-latin-400-normal.woff2');
    if (!response.ok) return undefined;
    const { woff2DataUrl } = await import('../../lib/publish/publication-package.ts');
    return woff2DataUrl(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
}

/** Publication package, Word, work file, share link, print. */
export function HomeStep() {
  const ev = evaluation.value!;
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState(false);
  const blockingFindings = findings.value.filter(isBlocking);
  const blocked = ev.problems.length > 0 || !ev.protocol || blockingFindings.length > 0;
  const yamlText = async () => (await import('../../lib/wizard/protocol-yaml.ts')).protocolYaml(ev.input);
  const [packaged, setPackaged] = useState(false);
  /** The status line of the title page and the family page: adopted (with the (G)MR's decision) or draft. */
  const status = () => adoptionSentence(ev.protocol?.adoption) ?? t('protocol.draft');
  const base = () => fileNameFor(draft.value.school.name).replace(/\.yaml$/, '');

  /**
   * While there are problems, the export buttons stay focusable (`aria-disabled`) and take the user to the first
   * problem's field instead; a problem without a field (no starting point) focuses the list of problems.
   * @returns whether the export was stopped.
   */
  function stopped(): boolean {
    if (!blocked) return false;
    const target = firstProblem();
    const finding = blockingFindings[0];
    const at = finding && findingLocation(finding, draft.value, library.value);
    if (target) showProblem(target);
    else if (finding && at) showProblem({ problem: findingProblem(finding), ...at });
    else if (finding) goTo(STEPS.review);
    else document.getElementById('download-blocked')?.focus();
    return true;
  }

  async function download() {
    if (stopped()) return;
    saveFile(await yamlText(), fileNameFor(draft.value.school.name), 'text/yaml;charset=utf-8');
  }

  async function word() {
    if (stopped() || !ev.doc) return;
    const { protocolDocx, DOCX_MIME } = await import('../../lib/docx/protocol-docx.ts');
    const bytes = await protocolDocx(ev.doc, { status: status(), inherited: ev.inherited });
    saveFile(bytes, `${base()}.docx`, DOCX_MIME);
  }

  async function publicationPackage() {
    if (stopped() || !ev.doc) return;
    setPackaged(false);
    const [{ publicationPackage: pack }, fontDataUrl, workFile] = await Promise.all([
      import('../../lib/publish/publication-package.ts'),
      siteFont(),
      yamlText(),
    ]);
    const zip = await pack({
      doc: ev.doc,
      workFile,
      status: status(),
      base: base(),
      wizardUrl: `${location.origin}/samenstellen/`,
      fontDataUrl,
      inherited: ev.inherited,
    });
    saveFile(zip, `${base()}-publicatie.zip`, 'application/zip');
    setPackaged(true);
  }

  async function share() {
    if (stopped()) return;
    const { encodeShare } = await import('../../lib/wizard/share.ts');
    setLink(`${location.origin}${location.pathname}${await encodeShare(await yamlText())}`);
    setCopied(false);
  }

  function print() {
    if (!ev.doc) return;
    offerPrint({
      title: `${ev.doc.title} ${ev.doc.organisation}`,
      html: renderPrintHtml(ev.doc, status(), { summaries: true, inherited: ev.inherited }),
    });
    window.open('/samenstellen/afdrukken/', '_blank');
  }

  return (
    <div class="step">
      <p>{t('wizard.home.intro')}</p>
      <section aria-labelledby="home-package">
        <h3 id="home-package">{t('wizard.home.package')}</h3>
        <p id="package-help" class="help">
          {t('wizard.home.packageHelp')}
        </p>
        <button
          type="button"
          class="primary"
          onClick={publicationPackage}
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={blocked ? 'package-help download-blocked' : 'package-help'}
        >
          {t('wizard.home.package')}
        </button>
        <p role="status">{packaged ? t('wizard.home.packageDone') : ''}</p>
      </section>
      <section aria-labelledby="home-word">
        <h3 id="home-word">{t('wizard.home.word')}</h3>
        <p id="word-help" class="help">
          {t('wizard.home.wordHelp')}
        </p>
        <button
          type="button"
          onClick={word}
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={blocked ? 'word-help download-blocked' : 'word-help'}
        >
          {t('wizard.home.word')}
        </button>
      </section>
      <section aria-labelledby="home-download">
        <h3 id="home-download">{t('wizard.home.download')}</h3>
        <p id="download-help" class="help">
          {t('wizard.home.downloadHelp')}
        </p>
        {blocked && (
          <div id="download-blocked" class="wizard-errors" tabIndex={-1}>
            <p>{t('wizard.home.blocked')}</p>
            <ul>
              {ev.problems.map((p) => (
                <li>
                  {p.field ? `${describeField(p.field, ev.input)}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
            {blockingFindings.length > 0 && (
              <>
                <p>{t('wizard.home.blockedFindings')}</p>
                <ul>
                  {blockingFindings.map((f) => (
                    <li data-rule={f.rule}>{f.message}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <button
          type="button"
          onClick={download}
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={blocked ? 'download-help download-blocked' : 'download-help'}
        >
          {t('wizard.home.download')}
        </button>
      </section>
      <section aria-labelledby="home-share">
        <h3 id="home-share">{t('wizard.home.share')}</h3>
        <p id="share-help" class="help">
          {t('wizard.home.shareHelp')}
        </p>
        <button
          type="button"
          onClick={share}
          aria-disabled={blocked ? 'true' : undefined}
          aria-describedby={blocked ? 'share-help download-blocked' : 'share-help'}
        >
          {t('wizard.home.share')}
        </button>
        {link && (
          <div class="field">
            <label for="share-link">{t('wizard.home.shareLabel')}</label>
            <input
              id="share-link"
              type="text"
              readOnly
              value={link}
              aria-describedby="share-help"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(link);
                  setCopied(true);
                } catch {
                  (document.getElementById('share-link') as HTMLInputElement | null)?.select();
                }
              }}
            >
              {t('wizard.home.copy')}
            </button>
            <p role="status">{copied ? t('wizard.home.copied') : ''}</p>
          </div>
        )}
      </section>
      <section aria-labelledby="home-print">
        <h3 id="home-print">{t('wizard.home.print')}</h3>
        <p id="print-help" class="help">
          {t('wizard.home.printHelp')}
        </p>
        <button type="button" onClick={print} disabled={!ev.doc} aria-describedby="print-help">
          {t('wizard.home.print')}
        </button>
      </section>
    </div>
  );
}
