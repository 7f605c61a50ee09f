import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../lib/compose/document.ts';
import { modelToDocument } from '../lib/compose/model-document.ts';
import { parseProtocol, parseProtocolWithWarnings } from '../lib/compose/parse-protocol.ts';
import { ContentError, type Problem } from '../lib/errors/content-error.ts';
import { protocolWarnings } from '../lib/compose/protocol-warnings.ts';
import { checkLibraryAndModels } from '../lib/model/check-library.ts';
import type { Protocol } from '../lib/schema/protocol.ts';
import { checkHistory, sortHistory, type ProtocolVersion } from '../lib/versions/history.ts';
import { publishedVersions, type PublishedVersions } from '../lib/versions/published.ts';
import {
  loadChoicePoints,
  loadClauses,
  loadReferenceModels,
  readContentFile,
  type LoadedModel,
} from './load-content.ts';
import { contentDir, rel } from './paths.ts';
import type { ParsedBoard } from '../lib/board/parse-board.ts';
import { withBoard, type BoardInheritance } from '../lib/board/inherit-board.ts';
import { loadBoards } from './load-boards.ts';
import { RENDER_ONLY_ENV } from './page-plan.ts';
import { modelRedlineSpec, type RedlineSpec } from '../lib/versions/redline-specs.ts';
import type { Board } from '../lib/schema/board.ts';
import { readSiteSnapshot, snapshotFromEnv } from './site-snapshot.ts';

/**
 * A school's protocol as loaded: the file's data, its composed document and where it came from. When its
 * `school.board` names a board file, `protocol` (and every version in `history`) holds the school block with the
 * board's values filled in ({@link inheritBoard}) and `inherited` says which came from the board.
 */
export interface LoadedProtocol {
  id: string;
  file: string;
  protocol: Protocol;
  /**
   * The current file as written, before its board's values were filled in: what the wizard would import. Present
   * only when a board file applies (otherwise it is `protocol`).
   */
  own?: Protocol;
  /** Which values of the current file's school block came from its board file; absent when it has none. */
  inherited?: BoardInheritance;
  /** The same for each earlier version in `history`, by version; absent when none has a board file. */
  inheritedByVersion?: Record<string, BoardInheritance>;
  doc: ProtocolDocument;
  /** Earlier adopted versions from `content/protocols/<id>/*.yaml`, oldest first; the last is the previous one. */
  history: ProtocolVersion[];
  /** The current file as a version (the same `protocol` and `doc`). */
  current: ProtocolVersion;
}

/** Everything the site is built from, validated. */
export interface SiteData {
  library: Library;
  models: Map<string, LoadedModel>;
  modelDocs: Map<string, ProtocolDocument>;
  protocols: Map<string, LoadedProtocol>;
  /** The board files (`content/boards/<id>.yaml`) by id, each read and checked once per build. */
  boards: Map<string, ParsedBoard>;
  /** Problems that do not stop the build (severity `warning`): the build prints them. */
  warnings: Problem[];
}

// The pure library-and-models check lives in the core (src/lib/model/check-library.ts); re-exported for callers here.
export { checkLibraryAndModels };

/** A protocol's file name without `.yaml`: its id and its address `/protocollen/<id>/`. */
const PROTOCOL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An earlier version's file name without `.yaml`: the version, `1.0` or `2024-1`, part of the redline PDF's name. */
const VERSION_FILE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * A problem for a file name that cannot be an address (rule `file-name`): a `#`, `?`, space, capital or accent
 * would break the page's address or the build (review attack-2026-11, failure 3).
 */
function fileNameProblem(file: string, kind: 'protocol' | 'version'): Problem {
  const name = path.basename(file);
  const suggestion = name
    .slice(0, -'.yaml'.length)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(kind === 'protocol' ? /[^a-z0-9]+/g : /[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return {
    rule: 'file-name',
    file: rel(file),
    message:
      kind === 'protocol'
        ? `de bestandsnaam \`${name}\` kan geen adres zijn: de naam wordt /protocollen/<naam>/. Gebruik alleen kleine letters, cijfers en streepjes (geen spaties, hoofdletters, accenten of tekens als # en ?), bijvoorbeeld \`${suggestion || 'mijn-school'}.yaml\`.`
        : `de bestandsnaam \`${name}\` is geen versienummer: gebruik alleen kleine letters, cijfers en streepjes, en punten tussen cijfers, bijvoorbeeld \`${suggestion || '1.0'}.yaml\`.`,
  };
}

/**
 * Loads and checks all content: the library, the models (with {@link checkLibraryAndModels}) and every
 * protocol in `content/protocols/*.yaml`, composed. Every file must be UTF-8; a protocol's file name must be an
 * address (`[a-z0-9-]`, rule `file-name`), an earlier version's a version number.
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
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  const boards = loadBoards(problems);
  const boardFiles = new Map<string, Board>([...boards].map(([id, b]) => [id, b.board]));
  for (const f of files) {
    const file = path.join(dir, f);
    const id = f.slice(0, -'.yaml'.length);
    if (!PROTOCOL_ID.test(id)) {
      problems.push(fileNameProblem(file, 'protocol'));
      continue;
    }
    try {
      const text = readContentFile(file);
      const parsed = parseProtocolWithWarnings(text, rel(file), library, [...models.keys()]);
      warnings.push(...parsed.warnings, ...protocolWarnings(parsed.protocol, rel(file)));
      const { protocol, inherited } = withBoard(parsed.protocol, boardFiles);
      const doc = composeProtocol(id, protocol, library);
      const inheritedByVersion: Record<string, BoardInheritance> = {};
      const history = sortHistory(
        loadHistory(id, dir, library, [...models.keys()], problems).map((v) => {
          const applied = withBoard(v.protocol, boardFiles);
          if (!applied.inherited) return v;
          inheritedByVersion[v.version] = applied.inherited;
          return { ...v, protocol: applied.protocol, doc: composeProtocol(id, applied.protocol, library) };
        }),
      );
      problems.push(...checkHistory({ version: protocol.version, file: rel(file), protocol, doc, text }, history));
      protocols.set(id, {
        id,
        file: rel(file),
        protocol,
        ...(inherited ? { own: parsed.protocol, inherited } : {}),
        ...(Object.keys(inheritedByVersion).length ? { inheritedByVersion } : {}),
        doc,
        history,
        current: { version: protocol.version, file: rel(file), protocol, doc },
      });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new ContentError(problems);
  const modelDocs = new Map([...models.values()].map((m) => [m.id, modelToDocument(m, library)]));
  return { library, models, modelDocs, protocols, boards, warnings };
}

/**
 * Loads the earlier versions of protocol `id`: every `<dir>/<id>/*.yaml`, each a full protocol file as it was
 * adopted. Problems in them are added to `problems` (so every file is reported at once).
 */
function loadHistory(
  id: string,
  dir: string,
  library: Library,
  modelIds: string[],
  problems: Problem[],
): ProtocolVersion[] {
  const historyDir = path.join(dir, id);
  if (!fs.existsSync(historyDir)) return [];
  const out: ProtocolVersion[] = [];
  for (const f of fs
    .readdirSync(historyDir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const file = path.join(historyDir, f);
    if (!VERSION_FILE.test(f.slice(0, -'.yaml'.length))) {
      problems.push(fileNameProblem(file, 'version'));
      continue;
    }
    try {
      const protocol = parseProtocol(readContentFile(file), rel(file), library, modelIds);
      out.push({ version: protocol.version, file: rel(file), protocol, doc: composeProtocol(id, protocol, library) });
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  return out;
}

/**
 * Which versions of a loaded protocol the site publishes ({@link publishedVersions}): the one in force, the draft,
 * every adopted one, and the one `/protocollen/<id>/` shows. The current file is the same object each call.
 */
export function versionsOf(loaded: LoadedProtocol): PublishedVersions<ProtocolVersion> {
  return publishedVersions(loaded.current, loaded.history);
}

/**
 * Which values of a shown version's school block came from its board ({@link BoardInheritance}), for the
 * "via het bestuur" marks; undefined when that version's school names no board file.
 *
 * @param loaded the protocol as loaded; @param shown one of its versions (the current file or one in `history`).
 */
export function inheritanceOf(loaded: LoadedProtocol, shown: ProtocolVersion): BoardInheritance | undefined {
  if (shown.file === loaded.current.file) return loaded.inherited;
  return loaded.inheritedByVersion?.[shown.version];
}

let cached: SiteData | undefined;

/**
 * The site data, once per process (Astro renders many pages from the same data): during `npm run build` the
 * snapshot that the build's first step validated and wrote ({@link readSiteSnapshot}, named by
 * `PROTOCOLWIJZER_SITE_SNAPSHOT`), so content is checked once per build; otherwise {@link loadSite}.
 */
export function siteData(): SiteData {
  const snapshot = snapshotFromEnv();
  cached ??= snapshot ? readSiteSnapshot(snapshot) : loadSite();
  return cached;
}

/**
 * The protocols whose pages (everything under `/protocollen/<id>/`) this build renders: all of them, or, when
 * `scripts/build.ts` rebuilds only what changed ({@link RENDER_ONLY_ENV}, a JSON array of ids; src/node/page-plan.ts),
 * just those; the build copies the other protocols' pages from its previous output. Pages that list every
 * protocol (home, `/protocollen/`, boards, coverage) use {@link siteData} and are always rendered.
 *
 * @throws Error when {@link RENDER_ONLY_ENV} is set but is not a JSON array of strings (a build fault, not a user's).
 */
export function protocolPages(): LoadedProtocol[] {
  const all = [...siteData().protocols.values()];
  const only = process.env[RENDER_ONLY_ENV];
  if (only === undefined) return all;
  const ids: unknown = JSON.parse(only);
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new Error(`${RENDER_ONLY_ENV} moet een JSON-lijst van protocol-id's zijn, niet ${only}`);
  }
  const wanted = new Set(ids as string[]);
  return all.filter((p) => wanted.has(p.id));
}

/**
 * The redline of a school's current protocol against one of the site's reference models ({@link modelRedlineSpec},
 * with the library's clauses), for the print page, the build's .docx and the bench alike; undefined when the model
 * is unknown or the protocol does not differ from it.
 */
export function siteModelRedlineSpec(site: SiteData, loaded: LoadedProtocol, modelId: string): RedlineSpec | undefined {
  const model = site.models.get(modelId);
  const doc = site.modelDocs.get(modelId);
  if (!model || !doc) return undefined;
  return modelRedlineSpec(loaded.id, loaded.current, loaded.history, { ...model, doc }, site.library.clauses);
}
