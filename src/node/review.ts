import type { BoardInheritance } from '../lib/board/inherit-board.ts';
import type { Library, ProtocolDocument } from '../lib/compose/document.ts';
import { deriveForeignNames, type ForeignName } from '../lib/lint/foreign-names.ts';
import { reviewProtocol } from '../lib/lint/review-protocol.ts';
import type { Finding } from '../lib/lint/finding.ts';
import type { Protocol } from '../lib/schema/protocol.ts';
import { siteData } from './site-data.ts';

const namesCache = new WeakMap<object, ForeignName[]>();

/**
 * The reference models' names for the review, derived once per set of model documents.
 *
 * @param modelDocs the models as documents (`SiteData.modelDocs`).
 */
export function foreignNamesOf(modelDocs: ReadonlyMap<string, ProtocolDocument>): ForeignName[] {
  let names = namesCache.get(modelDocs);
  if (!names) {
    names = deriveForeignNames([...modelDocs.values()]);
    namesCache.set(modelDocs, names);
  }
  return names;
}

/**
 * Reviews one protocol with the models' names (see `reviewProtocol`).
 *
 * @param protocol the validated protocol; @param doc its composed document; @param library the clause library;
 * @param modelDocs the reference models as documents.
 * @param inherited which of `protocol`'s contacts and documents come from its board (`withBoard`), so a finding in
 *   one points at the board file; default none.
 */
export function reviewWith(
  protocol: Protocol,
  doc: ProtocolDocument,
  library: Library,
  modelDocs: ReadonlyMap<string, ProtocolDocument>,
  inherited?: BoardInheritance,
): Finding[] {
  return reviewProtocol({
    protocol,
    doc,
    library,
    foreignNames: foreignNamesOf(modelDocs),
    ...(inherited ? { inherited } : {}),
  });
}

const findingsCache = new Map<string, Finding[]>();

/**
 * The review of the site's protocol `id` (the current version in `content/protocols/<id>.yaml`), once per process,
 * for the build's pages (the changes page, the model diffs).
 *
 * @throws Error when there is no such protocol.
 */
export function siteReview(id: string): Finding[] {
  const cached = findingsCache.get(id);
  if (cached) return cached;
  const site = siteData();
  const p = site.protocols.get(id);
  if (!p) throw new Error(`geen protocol \`${id}\``);
  const findings = reviewWith(p.protocol, p.doc, site.library, site.modelDocs, p.inherited);
  findingsCache.set(id, findings);
  return findings;
}
