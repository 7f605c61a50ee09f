/**
 * Which pages a build renders again (issue 15, "build cost that follows the change"). Astro renders every page of
 * the site on every build; after one school's protocol changed, most of them are the same bytes as last time.
 *
 * Each build writes {@link MANIFEST_FILE} into its output: a fingerprint of everything the pages are made from,
 * split in two parts:
 * - `base`: the code and templates (`src/`, `templates/`, `public/`, the Astro and TypeScript configuration, the
 *   installed packages through `package-lock.json`, the Node version), all content except `protocols/` (library,
 *   models, choice points, boards, handleiding) and the validated site data apart from its protocols;
 * - `protocols`: one hash per protocol of its validated data as the build's snapshot holds it (its file, history,
 *   composed document and board values), which is all its own pages (`/protocollen/<id>/…`) are made from.
 *
 * The next build into the same output compares ({@link planPages}): when the base is the same, Astro renders only
 * the protocols whose hash changed and every page outside `/protocollen/<id>/`, and the build copies the other
 * protocols' pages from the previous output ({@link reusePages}); their PDFs and Word files are not copied but made
 * by the later steps as in any build (from the output cache when unchanged). The wizard, the one page with a
 * bundled script, is made from the base alone: it is copied with its bundle (`_astro/`), and Astro is given an
 * empty page in its place ({@link wizardLeftOut}), so Vite does not bundle the wizard's code again, which is most
 * of what Astro costs on a small site. The result is byte-identical to a cold build
 * (tests/build/build-cache.test.ts); any doubt (no or unreadable manifest, another base, a missing folder) means a
 * full build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files.ts';
import { keyJson } from './output-cache.ts';
import { ROOT } from './paths.ts';

/**
 * The environment variable with which `npm run build` names the protocols whose pages it renders again (a JSON
 * array of ids; read by `protocolPages` in src/node/site-data.ts and by `astro.config.mjs`).
 */
export const RENDER_ONLY_ENV = 'PROTOCOLWIJZER_RENDER_ONLY';

/** The manifest's name in the output folder (a dot file: the static server does not serve it). */
export const MANIFEST_FILE = '.protocolwijzer-bouw.json';

/** What a build's pages were made from: see the module comment. Hashes are SHA-256 in hex. */
export interface PageManifest {
  version: 1;
  base: string;
  /** Protocol id → hash of its validated data. */
  protocols: Record<string, string>;
}

/**
 * What to render: everything, with the reason; only `render` (protocol ids), copying `reuse` from before; or
 * nothing at all when nothing the pages are made from changed (the whole site and its search index are copied).
 */
export type PagePlan =
  | { mode: 'full'; reason: string }
  | { mode: 'partial'; render: string[]; reuse: string[] }
  | { mode: 'unchanged'; reuse: string[] };

/** The code and configuration the pages are made from, relative to the project root (folders are read whole). */
const CODE = ['src', 'templates', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];

/** Adds each file's name and bytes to the hash. */
function hashFiles(hash: ReturnType<typeof createHash>, root: string, files: string[]): void {
  for (const f of files) {
    hash.update(`\0${f}\0`);
    hash.update(fs.readFileSync(path.join(root, f)));
  }
}

/**
 * The fingerprint of a build's pages.
 *
 * @param snapshotFile the validated site data the build's first step wrote (src/node/site-snapshot.ts): JSON in
 *   which Maps are `{ "__map": [[key, value], …] }`; its `warnings` (the build prints them) and every `file` field
 *   (a path relative to the checkout) are left out: no page shows them.
 * @param content the content folder (`content/` or `$PROTOCOLWIJZER_CONTENT`).
 * @param root the project root (default: this checkout).
 */
export function pageManifest(snapshotFile: string, content: string, root = ROOT): PageManifest {
  const site = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as {
    protocols: { __map: [string, unknown][] };
    warnings?: unknown;
  } & Record<string, unknown>;
  // keyJson leaves out `file` fields: two checkouts of one commit must make the same manifest
  // (tests/build/build-pipeline.test.ts).
  const protocols = Object.fromEntries(
    site.protocols.__map.map(([id, loaded]) => [id, createHash('sha256').update(keyJson(loaded)).digest('hex')]),
  );
  const rest = Object.fromEntries(Object.entries(site).filter(([k]) => k !== 'protocols' && k !== 'warnings'));
  const base = createHash('sha256');
  base.update(`node ${process.version}\0`);
  hashFiles(
    base,
    root,
    CODE.flatMap((c) => filesUnder(root, c)),
  );
  const protocolsDir = `protocols${path.sep}`;
  hashFiles(
    base,
    content,
    filesUnder(content, '.', (f) => path.normalize(f).startsWith(protocolsDir)),
  );
  base.update(keyJson(rest));
  return { version: 1, base: base.digest('hex'), protocols };
}

/** The manifest an earlier build left in `out`, or undefined when there is none or it cannot be read. */
export function readManifest(out: string): PageManifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as PageManifest;
    return m.version === 1 && typeof m.base === 'string' && m.protocols && typeof m.protocols === 'object'
      ? m
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the manifest into the output folder `out` (which the build then puts in place). */
export function writeManifest(out: string, manifest: PageManifest): void {
  fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * Decides what this build renders, given the previous output's manifest and this build's.
 *
 * @param previous the manifest in the previous output (undefined: none, or unreadable).
 * @param current this build's ({@link pageManifest}).
 * @param previousOut the previous output folder: a protocol is only copied when its folder is there.
 * @returns a full plan with the reason (in Dutch, for the build's log), or the ids to render and to copy, sorted.
 */
export function planPages(previous: PageManifest | undefined, current: PageManifest, previousOut: string): PagePlan {
  if (!previous) return { mode: 'full', reason: 'geen eerdere bouw om op voort te bouwen' };
  if (previous.base !== current.base) {
    return { mode: 'full', reason: 'code, bibliotheek, modellen, besturen of handleiding zijn veranderd' };
  }
  if (WIZARD.some((f) => !fs.existsSync(path.join(previousOut, f)))) {
    return { mode: 'full', reason: `de vorige bouw mist ${WIZARD.join(' of ')}` };
  }
  const render: string[] = [];
  const reuse: string[] = [];
  for (const [id, hash] of Object.entries(current.protocols).sort(([a], [b]) => a.localeCompare(b))) {
    const there = fs.existsSync(path.join(previousOut, 'protocollen', id));
    (previous.protocols[id] === hash && there ? reuse : render).push(id);
  }
  const before = Object.keys(previous.protocols).sort().join('\n');
  if (render.length === 0 && before === reuse.join('\n')) return { mode: 'unchanged', reuse };
  return { mode: 'partial', render, reuse };
}

/** The wizard's page and its bundle, copied whole in a partial build (see the module comment). */
const WIZARD = ['samenstellen/index.html', '_astro'];

/** The wizard's page in src/pages, which {@link wizardLeftOut} replaces. */
const WIZARD_PAGE = '/src/pages/samenstellen/index.astro';

/**
 * A Vite plugin for a partial build (`astro.config.mjs` adds it when {@link RENDER_ONLY_ENV} is set): it gives
 * Astro an empty page instead of the wizard's, so the wizard island is not bundled; {@link reusePages} then puts the
 * previous build's wizard page and bundle in place, which the same base made.
 */
export function wizardLeftOut(): { name: string; enforce: 'pre'; load(id: string): string | undefined } {
  return {
    name: 'protocolwijzer-wizard-overgenomen',
    enforce: 'pre',
    load: (id) => (id.endsWith(WIZARD_PAGE) ? '<p>overgenomen</p>\n' : undefined),
  };
}

/**
 * Puts the previous output's file `from` at `to` as a hard link: no step changes a page in place (every step writes
 * a new file and renames it), and the previous output is removed after the swap, so a link is as good as a copy and
 * costs no bytes. Where a link cannot be made (another disk, a file system without them) the file is copied.
 */
function place(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** Files the later build steps make (src/node/outputs.ts): never copied from the previous output. */
const GENERATED = /\.(pdf|docx)$/;

/**
 * Links (or copies, {@link place}) the whole previous output but its PDFs, Word files and manifests into `out`, for
 * a build in which nothing the pages are made from changed ({@link planPages} mode `unchanged`): every page and the
 * search index are the same bytes a new build would make; the later steps make or reuse the PDFs and Word files as
 * in any build.
 *
 * @returns how many files were linked or copied.
 */
export function reuseSite(previousOut: string, out: string): number {
  const skip = (f: string) => GENERATED.test(f) || path.basename(f).startsWith('.protocolwijzer-');
  const files = filesUnder(previousOut, '.', skip);
  for (const f of files) place(path.join(previousOut, f), path.join(out, f));
  return files.length;
}

/**
 * Links (or copies, {@link place}) from the previous output to the new one the pages of the protocols `ids`
 * (everything under `protocollen/<id>/` but the PDFs and Word files, which the later steps make or take from the
 * output cache as in any build, so a shard's output and a whole build's stay what they would be cold) and the
 * wizard's page and bundle (replacing the empty page {@link wizardLeftOut} gave Astro). Runs after Astro rendered
 * the other pages and before the search index is made.
 *
 * @returns how many files were linked or copied.
 */
export function reusePages(previousOut: string, out: string, ids: string[]): number {
  let copied = 0;
  // What Astro bundled without the wizard (its renderer's client script) is not what a cold build has: only the
  // wizard's page loads from _astro/, so the previous bundle replaces it whole.
  fs.rmSync(path.join(out, '_astro'), { recursive: true, force: true });
  const dirs = [...ids.map((id) => path.join('protocollen', id)), ...WIZARD];
  for (const dir of dirs) {
    for (const f of filesUnder(previousOut, dir, (f) => GENERATED.test(f))) {
      place(path.join(previousOut, f), path.join(out, f));
      copied++;
    }
  }
  return copied;
}
