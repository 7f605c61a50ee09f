import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/node/site-data.ts';
import { PAGE_TYPES, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

/** A protocol page and everything it loads may weigh at most this much, gzipped (the issue: "Light"). */
const BUDGET_BYTES = 40 * 1024;

/** Opens a page in a fresh context and returns every request it made, with the gzipped size of each answer. */
async function load(path: string, width = 360): Promise<{ url: string; gzipped: number }[]> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    const seen: Promise<{ url: string; gzipped: number }>[] = [];
    page.on('requestfinished', (request) => {
      seen.push(
        request
          .response()
          .then(async (r) => ({ url: request.url(), gzipped: r ? gzipSync(await r.body(), { level: 9 }).length : 0 })),
      );
    });
    page.on('requestfailed', (request) => seen.push(Promise.resolve({ url: request.url(), gzipped: 0 })));
    await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    return await Promise.all(seen);
  } finally {
    await context.close();
  }
}

describe('privacy: no request leaves 127.0.0.1', () => {
  test.each(PAGE_TYPES)('%s page (%s)', async (_name, path) => {
    const requests = await load(path);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.map((r) => new URL(r.url).hostname).filter((h) => h !== '127.0.0.1')).toEqual([]);
  });
});

describe(`page weight: a protocol page and everything it loads is at most ${BUDGET_BYTES / 1024} KB gzipped`, () => {
  test.each([...loadSite().protocols.keys()])('/protocollen/%s/ (a size check, not a timing)', async (id) => {
    const requests = await load(`/protocollen/${id}/`);
    const paths = requests.map((r) => new URL(r.url).pathname).sort();
    // The page itself (with its stylesheet inlined) and the one font file; no scripts, no images.
    expect(paths).toEqual(['/fonts/atkinson-hyperlegible-latin-400-normal.woff2', `/protocollen/${id}/`]);
    const total = requests.reduce((sum, r) => sum + r.gzipped, 0);
    expect(total, paths.join(', ')).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
