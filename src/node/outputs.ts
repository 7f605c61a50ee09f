import { adoptionSentence } from '../lib/text/format-date.ts';
import { protocolPaths } from '../lib/versions/published.ts';
import { statusSentence } from '../lib/versions/status.ts';
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
 * Used by scripts/build-pdfs.ts and scripts/build-docx.ts, so the two never disagree about names.
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
