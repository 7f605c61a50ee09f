/**
 * Opening the work file (a protocol YAML) and share links, and offering downloads: the wizard's file jobs, apart from
 * its steps. A bad file is reported next to the import control ({@link importErrors}) and the work stays as it was.
 */
import { signal } from '@preact/signals';
import { t } from '../../i18n/t.ts';
import { ContentError, type Problem } from '../../lib/errors/content-error.ts';
import { draftFromProtocol, hasWork } from '../../lib/wizard/draft.ts';
import { importSizeProblem } from '../../lib/wizard/share.ts';
import { decodeText } from '../../lib/yaml/decode-text.ts';
import { data, draft, notice, replaceDraft, STORAGE_KEY } from './store.ts';

/** The problems of the last failed import or share link, shown next to the import control; undefined when none. */
export const importErrors = signal<{ title: string; problems: Problem[] } | undefined>(undefined);

/** Reads a protocol file (YAML) with the build's parser; loaded on demand so the first page load stays small. */
async function readProtocol(text: string, file: string) {
  const [{ parseProtocol }, { libraryFromData }] = await Promise.all([
    import('../../lib/compose/parse-protocol.ts'),
    import('../../lib/wizard/wizard-data.ts'),
  ]);
  const d = data.value!;
  return parseProtocol(
    text,
    file,
    libraryFromData(d),
    d.models.map((m) => m.id),
  );
}

/** Problems of a failed import, as the import area lists them. */
function importProblems(e: unknown, file: string): Problem[] {
  if (e instanceof ContentError) return e.problems;
  return [{ rule: 'import-failed', file, message: e instanceof Error ? e.message : String(e) }];
}

/** Replaces the work with a protocol read from a file or link, after asking when there is work to lose. */
function takeProtocol(protocol: Awaited<ReturnType<typeof readProtocol>>): void {
  if (!hasWork(draft.value) || confirm(t('wizard.replaceConfirm'))) {
    replaceDraft(draftFromProtocol(protocol, `model:${protocol.startsFrom}`));
    importErrors.value = undefined;
    notice.value = t('wizard.imported');
  }
}

/** Opens a share link's fragment (`#p=…`) and removes it from the address. */
export async function openShare(hash: string): Promise<void> {
  const { decodeShare } = await import('../../lib/wizard/share.ts');
  try {
    takeProtocol(await readProtocol(await decodeShare(hash), 'deellink'));
  } catch (e) {
    importErrors.value = { title: t('wizard.shareFailed'), problems: importProblems(e, 'deellink') };
  }
  history.replaceState(null, '', location.pathname + location.search);
}

/** Opens a work file chosen in a file input; files over the size limit are refused before they are read. */
export async function openWorkFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  try {
    const tooLarge = importSizeProblem(file.size);
    if (tooLarge) throw new ContentError([{ rule: 'import-too-large', file: file.name, message: tooLarge }]);
    takeProtocol(await readProtocol(decodeText(new Uint8Array(await file.arrayBuffer()), file.name), file.name));
  } catch (err) {
    importErrors.value = { title: t('wizard.importFailed'), problems: importProblems(err, file.name) };
  }
  input.value = '';
}

/** Offers a text as a file download. */
export function downloadText(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The raw saved work in this browser, or empty when there is none or storage cannot be read. */
export function savedRaw(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
