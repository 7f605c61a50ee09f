import { t } from '../../i18n/t.ts';
import type { ProtocolDocument } from '../compose/document.ts';
import { adoptionSentence } from '../text/format-date.ts';
import { runningVersion } from '../versions/published.ts';

/** One line of a protocol's front matter: what it is and its words (`Versie`, `concept versie 2.0`). */
export interface FrontMatterLine {
  /** Which line: the version, the board (only when the school names one) or the status. */
  field: 'version' | 'board' | 'status';
  /** The label, from `nl.json`: `Versie`, `Bestuur`, `Status`. */
  label: string;
  /** The value, plain text (not escaped). */
  value: string;
}

/** The words at the top of a protocol, the same on its page, its PDF's cover, its Word file and the family page. */
export interface FrontMatter {
  /** The protocol's title: `Protocol sociale media`. */
  title: string;
  /** The school (or board) it belongs to. */
  school: string;
  /** True for a draft (no adoption): the renderer marks it (banner, `CONCEPT`). */
  draft: boolean;
  /** Version, board (when named) and status, in this order. */
  lines: FrontMatterLine[];
}

/**
 * The front matter of a protocol: title, school, and the lines version (`versie 1.0`, or `concept versie 2.0` for a
 * draft, as in the PDF's running header), board and status. One source of these words for every renderer: the
 * published page (`ProtocolHeader.astro`), the print edition's cover ({@link renderPrintHtml}), the Word file
 * (`protocolDocxDocument`) and the family page (`familyPageHtml`); each only formats them.
 *
 * @param doc the composed protocol (its title, organisation, version, board and adoption).
 * @param status the status sentence: who adopted it when, or that it is a draft (`statusSentence`, or the
 *   caller's own); default: the adoption sentence of `doc.adoption`, or `Concept: nog niet vastgesteld.`.
 */
export function frontMatter(
  doc: Pick<ProtocolDocument, 'title' | 'organisation' | 'version' | 'board' | 'adoption'>,
  status?: string,
): FrontMatter {
  const lines: FrontMatterLine[] = [{ field: 'version', label: t('protocol.version'), value: runningVersion(doc) }];
  if (doc.board) lines.push({ field: 'board', label: t('protocol.board'), value: doc.board });
  const state = status ?? adoptionSentence(doc.adoption) ?? t('protocol.draft');
  lines.push({ field: 'status', label: t('protocol.status'), value: state });
  return { title: doc.title, school: doc.organisation, draft: !doc.adoption, lines };
}
