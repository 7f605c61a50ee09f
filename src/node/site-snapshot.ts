import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';
import type { SiteData } from './site-data.ts';

/**
 * One validation per build: `scripts/prebuild.ts` loads and checks all content once ({@link loadSite}) and writes
 * the validated result here; `astro build` (through {@link siteData}) and `scripts/build-pdfs.ts` read it back
 * instead of loading and checking everything again. Only a build uses it: the pages read the snapshot when the
 * environment variable {@link SNAPSHOT_ENV} names it, so `astro dev` and the tests always read `content/` fresh.
 */

/** The environment variable that names the snapshot file for the later build steps. */
export const SNAPSHOT_ENV = 'PROTOCOLWIJZER_SITE_SNAPSHOT';

/** Where the build writes the snapshot (under node_modules/.cache, never committed). */
export const DEFAULT_SNAPSHOT = path.join(ROOT, 'node_modules/.cache/protocolwijzer/site-data.json');

/** A Map as JSON: `{ "__map": [[key, value], …] }`, so nested Maps survive the round trip. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { __map: [...value.entries()] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '__map' in value && Array.isArray((value as { __map: unknown }).__map)) {
    return new Map((value as { __map: [unknown, unknown][] }).__map);
  }
  return value;
}

/**
 * Writes the validated site data as JSON, to a temporary file first and then renamed, so a later step never reads
 * half a snapshot.
 *
 * @param site what {@link loadSite} returned (already validated).
 * @param file where to write (default {@link DEFAULT_SNAPSHOT}).
 */
export function writeSiteSnapshot(site: SiteData, file = DEFAULT_SNAPSHOT): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(site, replacer));
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * Reads a snapshot written by {@link writeSiteSnapshot}: the same data, Maps and all, without checking it again; each
 * protocol's `current` shares its `protocol` and `doc` objects again, as {@link loadSite} made them.
 *
 * @throws Error with the file and what to run when the snapshot is missing (run `npm run build`, whose first step
 *   writes it).
 */
export function readSiteSnapshot(file = DEFAULT_SNAPSHOT): SiteData {
  if (!fs.existsSync(file)) {
    throw new Error(
      `${path.relative(ROOT, file)} ontbreekt: die schrijft de eerste stap van \`npm run build\` ` +
        '(scripts/prebuild.ts).',
    );
  }
  const site = JSON.parse(fs.readFileSync(file, 'utf8'), reviver) as SiteData;
  // JSON copies `current.protocol` apart from `protocol`; pages test "is this the current file" by identity.
  for (const p of site.protocols.values()) p.current = { ...p.current, protocol: p.protocol, doc: p.doc };
  return site;
}

/** The snapshot file the environment names for this build step, or undefined outside a build. */
export function snapshotFromEnv(): string | undefined {
  const value = process.env[SNAPSHOT_ENV];
  return value ? path.resolve(value) : undefined;
}
