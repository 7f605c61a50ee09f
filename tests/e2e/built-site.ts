/**
 * Shared set-up of the browser tests: the built site (`dist/`, or `$PROTOCOLWIJZER_OUT`) served on
 * 127.0.0.1 and one headless Chromium per test file. The tests read a site that `npm run build` made;
 * `npm test` builds first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/node/browser.ts';
import { ROOT } from '../../src/node/paths.ts';
import { startStaticServer, type StaticServer } from '../../src/node/static-server.ts';

/** The folder the build wrote, as `scripts/build-pdfs.ts` finds it. */
export const DIST = process.env.PROTOCOLWIJZER_OUT
  ? path.resolve(process.env.PROTOCOLWIJZER_OUT)
  : path.join(ROOT, 'dist');

/** The PDF of the demo school's main page (the version in force, 1.0), written by `scripts/build-pdfs.ts`. */
export const DE_LINDE_PDF = path.join(DIST, 'protocollen/de-linde/de-linde.pdf');

/** The PDF of the demo school's draft (concept 2.0). */
export const DE_LINDE_CONCEPT_PDF = path.join(DIST, 'protocollen/de-linde/concept/de-linde-concept-2.0.pdf');

/**
 * Throws, saying what to run, when the site has not been built (no `index.html` or no PDF of de-linde).
 */
export function assertBuilt(): void {
  for (const file of [path.join(DIST, 'index.html'), DE_LINDE_PDF]) {
    if (!fs.existsSync(file)) {
      throw new Error(
        `The browser tests need the built site, but ${file.startsWith(ROOT) ? path.relative(ROOT, file) : file} does not exist. ` +
          'Run `npm run build` first (or `npm test`, which builds and then tests).',
      );
    }
  }
}

/**
 * One page of each page type of the site, as `[name, path]`: what the accessibility and privacy tests visit.
 * Add a page type here when you add one to the site.
 */
export const PAGE_TYPES = [
  ['home', '/'],
  ['library', '/bibliotheek/'],
  ['clause', '/bibliotheek/all-users/beeld-schriftelijke-toestemming/'],
  ['models', '/modellen/'],
  ['model', '/modellen/lankforst-2024/'],
  ['protocols', '/protocollen/'],
  ['boards', '/besturen/'],
  ['board', '/besturen/voorbeeldscholen-utrecht/'],
  ['protocol', '/protocollen/de-linde/'],
  ['draft', '/protocollen/de-linde/concept/'],
  ['version', '/protocollen/de-linde/1.0/'],
  ['audience', '/protocollen/de-linde/voor/ouders/'],
  ['diff', '/protocollen/de-linde/vergelijk/scope-2012/'],
  ['changes', '/protocollen/de-linde/wijzigingen/'],
  ['coverage', '/dekking/'],
  ['search', '/zoeken/?q=toestemming'],
  ['guides', '/handleiding/'],
  ['guide', '/handleiding/medezeggenschapsraad/'],
] as const;

/** The running site of one test file: its base URL (no trailing slash) and the browser. */
export interface BuiltSite {
  url: string;
  browser: Browser;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that serve the built site and start Chromium, and stops both
 * afterwards. Call it at the top of a test file; the returned object is filled in before the first test.
 */
export function useBuiltSite(): BuiltSite {
  const site = {} as BuiltSite;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    assertBuilt();
    server = await startStaticServer(DIST);
    site.url = server.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

/** Folds runs of white space into one space and trims, so line wrapping never counts as a difference. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An article body (`DocArticle.text`: paragraphs, `- ` list items) as a reader sees it on a page or in a
 * PDF: list markers dropped, white space folded.
 */
export function readableText(articleText: string): string {
  return fold(
    articleText
      .split('\n')
      .map((line) => line.trim().replace(/^- /, ''))
      .join('\n'),
  );
}
