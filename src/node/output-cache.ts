import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

/**
 * A cache for the files the build generates (PDFs and .docx files), kept outside the output folder so that a
 * rebuild after one school's change makes only that school's files again and copies the rest.
 *
 * Each file is stored under the SHA-256 of everything it is made from (its {@link cacheKey}): for a PDF the HTML
 * page it is printed from, every file that page loads (stylesheets, scripts, fonts, images: {@link pageInputs}),
 * the PDF's date and the versions of Paged.js, Chromium, Playwright, pdf-lib and Node; for a .docx the data it is
 * made from, the code under `src/lib` and `src/i18n` and the versions of docx and Node. Two files with the same key
 * have the same bytes (the build is reproducible: scripts/build-pdfs.ts), so a hit is byte-identical to a cold
 * build. Fonts installed on the system are not part of the key: after installing or removing fonts, empty the cache.
 *
 * Folder: `$PROTOCOLWIJZER_CACHE`, else `.cache/protocolwijzer/` in the project (gitignored);
 * `PROTOCOLWIJZER_CACHE=off` turns the cache off. Files are `<folder>/files/<key>.<ext>`, written to a temporary
 * name and renamed, so an interrupted build never leaves half a file in the cache.
 */
export class OutputCache {
  /** The cache folder, or undefined when the cache is off. */
  readonly dir: string | undefined;
  /** Files made in this run (not found in the cache). */
  made = 0;
  /** Files copied from the cache in this run. */
  reused = 0;
  /** Cache file names used in this run, kept by {@link prune}. */
  private readonly used = new Set<string>();

  /** @param dir the cache folder (default {@link cacheDir}); undefined turns the cache off. */
  constructor(dir: string | undefined = cacheDir()) {
    this.dir = dir;
    if (dir) fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  }

  private file(key: string, ext: string): string {
    return path.join(this.dir!, 'files', `${key}.${ext}`);
  }

  /**
   * Writes the file for `key` to `out`: copied from the cache when it is there, else made by `make`, stored in the
   * cache and written. Either way `out` is written to `<out>.tmp` first and renamed.
   *
   * @param key from {@link cacheKey}.
   * @param out absolute path of the output file; its extension names the cache file's.
   * @param make makes the bytes when the cache does not have them.
   * @returns whether the file was reused.
   */
  async write(key: string, out: string, make: () => Promise<Uint8Array>): Promise<boolean> {
    const ext = path.extname(out).slice(1) || 'bin';
    this.used.add(`${key}.${ext}`);
    const cached = this.dir ? this.file(key, ext) : undefined;
    if (cached && fs.existsSync(cached)) {
      fs.copyFileSync(cached, `${out}.tmp`);
      fs.renameSync(`${out}.tmp`, out);
      const now = new Date();
      fs.utimesSync(cached, now, now);
      this.reused++;
      return true;
    }
    const bytes = await make();
    fs.writeFileSync(`${out}.tmp`, bytes);
    fs.renameSync(`${out}.tmp`, out);
    if (cached) {
      fs.writeFileSync(`${cached}.${process.pid}.tmp`, bytes);
      fs.renameSync(`${cached}.${process.pid}.tmp`, cached);
    }
    this.made++;
    return false;
  }

  /**
   * Removes cached files of the given extensions that no build has used for `days` days (a reuse or a write sets a
   * file's time), so the cache does not grow without end while builds of other content folders or other shares
   * that share it keep theirs.
   *
   * @param extensions e.g. `['pdf']`.
   * @param days default `$PROTOCOLWIJZER_CACHE_DAYS`, else 14.
   * @returns how many files were removed.
   */
  prune(extensions: string[], days = Number(process.env.PROTOCOLWIJZER_CACHE_DAYS ?? 14)): number {
    if (!this.dir || !Number.isFinite(days)) return 0;
    const before = Date.now() - days * 86_400_000;
    let removed = 0;
    for (const f of fs.readdirSync(path.join(this.dir, 'files'))) {
      const file = path.join(this.dir, 'files', f);
      if (!extensions.includes(path.extname(f).slice(1)) || this.used.has(f)) continue;
      if (fs.statSync(file).mtimeMs < before) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** `12 gemaakt, 30 hergebruikt` (Dutch, for the build's log). */
  summary(): string {
    return `${this.made} gemaakt, ${this.reused} hergebruikt${this.dir ? '' : ' (cache uit)'}`;
  }
}

/** The cache folder: `$PROTOCOLWIJZER_CACHE`, else `.cache/protocolwijzer/` in the project; undefined when `off`. */
export function cacheDir(): string | undefined {
  const env = process.env.PROTOCOLWIJZER_CACHE;
  if (env === 'off') return undefined;
  return env ? path.resolve(env) : path.join(ROOT, '.cache', 'protocolwijzer');
}

/**
 * JSON of `value` for a cache key: Maps as their entries, and without `file` fields, which hold where the content
 * lies relative to the checkout (for messages) and appear in no page or file, so two checkouts of one commit, or a
 * CI cache restored into another folder, key alike.
 */
export function keyJson(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (k === 'file' ? undefined : v instanceof Map ? [...v] : v));
}

/**
 * SHA-256 (hex) of the parts, each length-prefixed so that `['ab', 'c']` and `['a', 'bc']` differ.
 *
 * @param parts strings or bytes, in a fixed order.
 */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** The `version` of an installed package, read from its package.json (`node_modules/<name>`). */
export function packageVersion(name: string): string {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * What the browser reports as its version (`chromium --version`), without starting it.
 *
 * @param executable the browser (src/node/browser.ts `findChromium`).
 * @returns e.g. `Chromium 156.0.8078.108 built on Debian …`; the path itself when it cannot be asked.
 */
export function browserVersion(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `onbekend:${executable}`;
  }
}

/** The SHA-256 of every file under `dirs` (relative to the project), sorted by path: for keys that follow code. */
export function treeDigest(dirs: readonly string[]): string {
  const parts: string[] = [];
  for (const dir of dirs) {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    const files = fs.statSync(abs).isFile()
      ? ['']
      : (fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((f) => fs.statSync(path.join(abs, f)).isFile())
          .sort();
    for (const f of files)
      parts.push(
        `${dir}/${f}`,
        createHash('sha256')
          .update(fs.readFileSync(path.join(abs, f)))
          .digest('hex'),
      );
  }
  return cacheKey(parts);
}

/**
 * The site files an HTML page loads, found in its text: `<link href>` (stylesheets, fonts), every `src=` (scripts,
 * images) and, in a stylesheet it loads, every `url(…)` and `@import`, followed recursively. Addresses to other
 * hosts, `data:` and fragments are left out (a print page loads none). Paths are site paths (`/vendor/print.css`).
 *
 * @param html the page's HTML.
 * @param pagePath the page's site path, to resolve relative addresses (`/protocollen/x/print/`).
 * @param read reads a site path's bytes, or undefined when the site has no such file.
 * @returns the site paths, sorted, each once.
 */
export function pageInputs(
  html: string,
  pagePath: string,
  read: (sitePath: string) => Uint8Array | undefined,
): string[] {
  const found = new Set<string>();
  const resolve = (ref: string, base: string): string | undefined => {
    const clean = ref.trim().replace(/^['"]|['"]$/g, '');
    if (!clean || /^(?:[a-z]+:|\/\/|#)/i.test(clean)) return undefined;
    return new URL(clean, `http://site${base}`).pathname;
  };
  const visit = (sitePath: string | undefined) => {
    if (!sitePath || found.has(sitePath)) return;
    found.add(sitePath);
    if (!sitePath.endsWith('.css')) return;
    const css = read(sitePath);
    if (!css) return;
    const text = Buffer.from(css).toString('utf8');
    for (const m of text.matchAll(/url\(\s*([^)]+?)\s*\)|@import\s+['"]([^'"]+)['"]/g))
      visit(resolve(m[1] ?? m[2]!, sitePath));
  };
  for (const m of html.matchAll(/<link\b[^>]*?\bhref\s*=\s*"([^"]+)"/gi)) visit(resolve(m[1]!, pagePath));
  for (const m of html.matchAll(/\bsrc\s*=\s*"([^"]+)"/gi)) visit(resolve(m[1]!, pagePath));
  return [...found].sort();
}
