/** Part (g) of `npm run bench`: gzipped weight of each protocol page and what it loads. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats.ts';

/**
 * Gzipped bytes (level 9) of each protocol page and the files it loads: the HTML (its CSS is inlined) and every
 * `url(/fonts/…)` in it. The same budget is asserted in tests/e2e/page-weight.test.ts, from what a browser loads.
 */
export function pageWeights(out: string, ids: string[]) {
  const perPage: Record<string, number> = {};
  for (const id of ids) {
    const html = fs.readFileSync(path.join(out, 'protocollen', id, 'index.html'));
    const fonts = [...new Set(html.toString().match(/\/fonts\/[\w.-]+\.woff2/g) ?? [])];
    const bytes = [html, ...fonts.map((f) => fs.readFileSync(path.join(out, f)))].reduce(
      (n, b) => n + gzipSync(b, { level: 9 }).length,
      0,
    );
    perPage[id] = round(bytes / 1024, 1);
  }
  return { kbGzipped: perPage, maxKb: Math.max(...Object.values(perPage)), budgetKb: 40 };
}
