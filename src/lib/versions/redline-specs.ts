import type { ProtocolDocument } from '../compose/document.ts';
import { t } from '../../i18n/t.ts';
import type { ChangeRenderOptions } from '../render/render-change.ts';
import type { Protocol } from '../schema/protocol.ts';
import { diffVersions, type VersionDiff } from './diff-versions.ts';
import { modelRedlineNames, modelRedlinePdfName, redlinePdfName, statusSentence, versionNames } from './status.ts';

/**
 * Everything one redline is made of, the same for its PDF (`RedlinePrint.astro`) and its .docx
 * (`redlineDocx`): the texts around it, the diff and both documents.
 */
export interface RedlineSpec {
  /** The school, in the running header (top left). */
  school: string;
  /** Both documents, in the running header (top right): `Wijzigingen versie 1.0 → concept 2.0`. */
  running: string;
  /** Heading of page 1. */
  heading: string;
  /** The status of the new document, or what the comparison is, under the heading. */
  status: string;
  /** Heading of the full text. */
  fullTextTitle: string;
  /** The one comparison of `before` and `after` (`diffVersions`). */
  diff: VersionDiff;
  before: ProtocolDocument;
  after: ProtocolDocument;
  /** Names of both documents and the clauses, for the change texts. */
  opts: ChangeRenderOptions;
  /** File name of the PDF; the .docx has the same name with `.docx`. */
  pdfName: string;
}

type Clauses = ChangeRenderOptions['clauses'];

/**
 * The redline of the current file against the previous adopted version (W1, W2, …), or undefined without history.
 *
 * @param id the protocol's id (file name).
 * @param current the current file and its document.
 * @param history earlier adopted versions, oldest first.
 */
export function versionRedlineSpec(
  id: string,
  current: { protocol: Protocol; doc: ProtocolDocument },
  history: readonly { version: string; protocol: Protocol; doc: ProtocolDocument }[],
  clauses?: Clauses,
): RedlineSpec | undefined {
  const previous = history.at(-1);
  if (!previous) return undefined;
  const { protocol, doc } = current;
  const names = versionNames(protocol, previous.protocol);
  return {
    school: protocol.school.name,
    running: t('versions.running', { before: names.beforeName, after: names.afterName }),
    heading: t('versions.redlineHeading'),
    status: statusSentence(protocol, history),
    fullTextTitle: t('versions.redlineFullText', { after: names.afterName }),
    diff: diffVersions(previous.doc, doc, protocol.reasons),
    before: previous.doc,
    after: doc,
    opts: { ...names, clauses },
    pdfName: redlinePdfName(id, previous.version, protocol.version),
  };
}

/**
 * The redline of the current file against a reference model (V1, V2, …), or undefined when they do not differ.
 *
 * @param model the model's id, organisation, printed date and document.
 */
export function modelRedlineSpec(
  id: string,
  current: { protocol: Protocol; doc: ProtocolDocument },
  history: readonly { protocol: Protocol }[],
  model: { id: string; organisation: string; dated: string; doc: ProtocolDocument },
  clauses?: Clauses,
): RedlineSpec | undefined {
  const { protocol, doc } = current;
  const diff = diffVersions(model.doc, doc, {}, { against: 'model' });
  if (!diff.changes.length) return undefined;
  const names = modelRedlineNames(protocol, model);
  return {
    school: protocol.school.name,
    running: names.running,
    heading: t('compare.redlineHeading', { model: model.organisation }),
    status: statusSentence(protocol, history),
    fullTextTitle: t('compare.redlineFullText', { school: protocol.school.name, model: model.organisation }),
    diff,
    before: model.doc,
    after: doc,
    opts: { beforeName: names.beforeName, afterName: names.afterName, clauses },
    pdfName: modelRedlinePdfName(id, model.id),
  };
}
