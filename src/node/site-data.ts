import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../lib/compose/document.ts';
import { modelToDocument } from '../lib/compose/model-document.ts';
import { parseProtocol, parseProtocolWithWarnings } from '../lib/compose/parse-protocol.ts';
import { ContentError, type Problem } from '../lib/errors/content-error.ts';
import { checkLibraryAndModels } from '../lib/model/check-library.ts';
import type { Protocol } from '../lib/schema/protocol.ts';
import { checkHistory, sortHistory, type ProtocolVersion } from '../lib/versions/history.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels, type LoadedModel } from './load-content.ts';
import { contentDir, rel } from './paths.ts';

/** A school's protocol as loaded: the file's data, its composed document and where it came from. */
export interface LoadedProtocol {
  id: string;
  file: string;
  protocol: Protocol;
  doc: ProtocolDocument;
  /** Earlier adopted versions from `content/protocols/<id>/*.yaml`, oldest first; the last is the previous one. */
  history: ProtocolVersion[];
}

/** Everything the site is built from, validated. */
export interface SiteData {
  library: Library;
  models: Map<string, LoadedModel>;
  modelDocs: Map<string, ProtocolDocument>;
  protocols: Map<string, LoadedProtocol>;
  /** Problems that do not stop the build (severity `warning`): the build prints them. */
  warnings: Problem[];
}

// The pure library-and-models check lives in the core (src/lib/model/check-library.ts); re-exported for callers here.
export { checkLibraryAndModels };

/**
 * Loads and checks all content: the library, the models (with {@link checkLibraryAndModels}) and every
 * protocol in `content/protocols/*.yaml`, composed.
 *
 * @throws ContentError with every problem in every file, so the build stops before writing anything.
 */
export function loadSite(): SiteData {
  const clauses = loadClauses();
  const choicePoints = loadChoicePoints();
  const library: Library = { clauses, choicePoints };
  const models = loadReferenceModels();
  const problems = checkLibraryAndModels(library, models);
  const protocols = new Map<string, LoadedProtocol>();
  const warnings: Problem[] = [];
  const dir = path.join(contentDir(), 'protocols');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const f of files) {
    const file = path.join(dir, f);
    const id = f.slice(0, -'.yaml'.length);
    try {
      const text = fs.readFileSync(file, 'utf8');
      const { protocol, warnings: found } = parseProtocolWithWarnings(text, rel(file), library, [...models.keys()]);
      warnings.push(...found);
      const doc = composeProtocol(id, protocol, library);
      const history = sortHistory(loadHistory(id, dir, library, [...models.keys()], problems));
      problems.push(...checkHistory({ version: protocol.version, file: rel(file), protocol, doc, text }, history));
      protocols.set(id, { id, file: rel(file), protocol, doc, history });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new ContentError(problems);
  const modelDocs = new Map([...models.values()].map((m) => [m.id, modelToDocument(m, library)]));
  return { library, models, modelDocs, protocols, warnings };
}

/**
 * Loads the earlier versions of protocol `id`: every `<dir>/<id>/*.yaml`, each a full protocol file as it was
 * adopted. Problems in them are added to `problems` (so every file is reported at once).
 */
function loadHistory(id: string, dir: string, library: Library, modelIds: string[], problems: Problem[]): ProtocolVersion[] {
  const historyDir = path.join(dir, id);
  if (!fs.existsSync(historyDir)) return [];
  const out: ProtocolVersion[] = [];
  for (const f of fs.readdirSync(historyDir).filter((x) => x.endsWith('.yaml')).sort()) {
    const file = path.join(historyDir, f);
    try {
      const protocol = parseProtocol(fs.readFileSync(file, 'utf8'), rel(file), library, modelIds);
      out.push({ version: protocol.version, file: rel(file), protocol, doc: composeProtocol(id, protocol, library) });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  return out;
}

let cached: SiteData | undefined;

/** {@link loadSite}, once per process (Astro renders many pages from the same data). */
export function siteData(): SiteData {
  cached ??= loadSite();
  return cached;
}
