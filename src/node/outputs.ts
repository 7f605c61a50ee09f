import { adoptionSentence } from '../lib/text/format-date.ts';
import { protocolPaths } from '../lib/versions/published.ts';
import { modelRedlinePdfName, redlinePdfName, statusSentence } from '../lib/versions/status.ts';
import type { ProtocolVersion } from '../lib/versions/history.ts';
import { versionsOf, type LoadedProtocol } from './site-data.ts';

/** One published version of a protocol and where its page, print page, PDF and .docx go. */
export interface ProtocolOutput {
  version: ProtocolVersion;
  /** The status line of the cover and the title page (adoption with consent or refusal, or draft). */
  status: string;
  /** Site paths from {@link protocolPaths}. */
  page: string;
  print: string;
  pdf: string;
  docx: string;
  /** When this version's PDF is the same document as another output's (the version in force on the main page and on its own), that one's `pdf`. */
  sameAs?: string;
}

/**
 * Every protocol file the build publishes for one school: the main page (`/protocollen/<id>/`, the version in force
 * or the only draft), the draft (`concept/`) and every adopted version (`<version>/`), each with a PDF and a .docx.
 * Used by scripts/build-pdfs.ts and scripts/build-docx.ts, so the two never disagree about names (as
 * {@link redlineOutputs} for the redlines).
 */
export function protocolOutputs(loaded: LoadedProtocol): ProtocolOutput[] {
  const v = versionsOf(loaded);
  const status = (x: ProtocolVersion) =>
    x.protocol.adoption ? adoptionSentence(x.protocol.adoption)! : statusSentence(x.protocol, loaded.history);
  const main = { version: v.main, status: status(v.main), ...protocolPaths(loaded.id, 'main', v.main.version) };
  const out: ProtocolOutput[] = [main];
  if (v.draft)
    out.push({
      version: v.draft,
      status: status(v.draft),
      ...protocolPaths(loaded.id, 'concept', v.draft.version),
      ...(v.draft === v.main ? { sameAs: main.pdf } : {}),
    });
  for (const a of v.adopted)
    out.push({
      version: a,
      status: status(a),
      ...protocolPaths(loaded.id, 'version', a.version),
      ...(a === v.main ? { sameAs: main.pdf } : {}),
    });
  return out;
}

/**
 * A redline the build publishes as files: its print page (`…/wijzigingen/print/` or `…/vergelijk/<model>/print/`),
 * PDF and .docx (site paths, `/protocollen/<id>/…`). Kind `versie`: the current version against the last adopted
 * one; kind `model`: the protocol against the model `model` it started from.
 */
export type RedlineOutput = { print: string; pdf: string; docx: string } & (
  { kind: 'versie' } | { kind: 'model'; model: string }
);

/**
 * The redlines the build publishes as PDF and .docx for one school: the version redline when the school has an
 * adopted version before the current one, and the redline against the model it started from (`startsFrom`); the
 * other models' redlines print in the reader's browser. A model redline exists only where the protocol differs
 * from the model: its print page is built only then (its `getStaticPaths` asks `siteModelRedlineSpec`), so the steps
 * that make the files (scripts/build-pdfs.ts, scripts/build-docx.ts) make one only when its `print` page was built.
 */
export function redlineOutputs(loaded: LoadedProtocol): RedlineOutput[] {
  const base = `/protocollen/${loaded.id}`;
  const files = (folder: string, pdfName: string) => ({
    print: `${folder}print/`,
    pdf: `${folder}${pdfName}`,
    docx: `${folder}${pdfName.replace(/\.pdf$/, '.docx')}`,
  });
  const out: RedlineOutput[] = [];
  const previous = loaded.history.at(-1);
  if (previous) {
    const name = redlinePdfName(loaded.id, previous.version, loaded.protocol.version);
    out.push({ kind: 'versie', ...files(`${base}/wijzigingen/`, name) });
  }
  const model = loaded.protocol.startsFrom;
  out.push({ kind: 'model', model, ...files(`${base}/vergelijk/${model}/`, modelRedlinePdfName(loaded.id, model)) });
  return out;
}
