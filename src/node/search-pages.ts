/**
 * Which built pages the site search (Pagefind) reads. Only pages that mark their text with `data-pagefind-body`
 * are indexed: a protocol's main page, a reference model, a library clause. Pagefind would still open and parse
 * every other page (comparisons, prints, versions, audience views: most of a large site) to find that out, so the
 * build hands it just these paths; the index is byte-identical to one made over the whole site.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The searchable pages, as paths under the site folder; `*` is one path segment. */
export const SEARCH_PAGES = ['protocollen/*/index.html', 'modellen/*/index.html', 'bibliotheek/*/*/index.html'];

/** {@link SEARCH_PAGES} as one glob for `pagefind --glob`. */
export function searchGlob(): string {
  return `{${SEARCH_PAGES.join(',')}}`;
}

const patterns = SEARCH_PAGES.map(
  (p) =>
    new RegExp(
      `^${p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    ),
);

/**
 * The pages under `site` that ask to be searched (`data-pagefind-body`) but that {@link SEARCH_PAGES} leaves out:
 * a page added without adding its path there. The build stops on any, so search never silently misses a page.
 *
 * @param site the built site folder. @returns their paths relative to `site`, with `/`, sorted.
 */
export function searchablePagesLeftOut(site: string): string[] {
  return (fs.readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !patterns.some((re) => re.test(f)))
    .filter((f) => fs.readFileSync(path.join(site, f), 'utf8').includes('data-pagefind-body'))
    .sort();
}
