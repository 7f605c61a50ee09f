/**
 * Part (i) of `npm run bench`: Word and the publication package. Seconds per protocol .docx (every published version
 * of every protocol), per redline .docx (every version and model redline), and the gzipped weight of the
 * self-contained family page of each protocol with its embedded font (budget 40 KB, no JavaScript). Run alone with
 * `npx tsx scripts/bench-docx.ts` (prints, writes nothing).
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { protocolDocx } from '../src/lib/docx/protocol-docx.ts';
import { redlineDocx, revisionDate } from '../src/lib/docx/redline-docx.ts';
import { familyPageHtml } from '../src/lib/publish/family-page.ts';
import { woff2DataUrl } from '../src/lib/publish/publication-package.ts';
import { versionRedlineSpec, type RedlineSpec } from '../src/lib/versions/redline-specs.ts';
import { protocolOutputs } from '../src/node/outputs.ts';
import { SITE_FONT } from '../src/node/paths.ts';
import { loadSite, siteModelRedlineSpec } from '../src/node/site-data.ts';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median and slowest of a list of ms, in seconds. */
function summary(ms: number[]): { count: number; medianSeconds: number; maxSeconds: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    count: ms.length,
    medianSeconds: round(sorted[Math.floor(sorted.length / 2)]! / 1000),
    maxSeconds: round(sorted.at(-1)! / 1000),
  };
}

/** (i): times every .docx the build writes, and weighs every family page. */
export async function benchDocx(site: ReturnType<typeof loadSite>) {
  const protocolMs: number[] = [];
  const redlineMs: number[] = [];
  const specs: RedlineSpec[] = [];
  // One warm-up, so the first file does not pay for loading the docx package.
  await protocolDocx(site.protocols.values().next().value!.doc, { status: '' });
  for (const p of site.protocols.values()) {
    for (const o of protocolOutputs(p)) {
      const t = performance.now();
      await protocolDocx(o.version.doc, { status: o.status });
      protocolMs.push(performance.now() - t);
    }
    const v = versionRedlineSpec(p.id, p.current, p.history, site.library.clauses);
    if (v) specs.push(v);
    for (const m of site.models.keys()) {
      const s = siteModelRedlineSpec(site, p, m);
      if (s) specs.push(s);
    }
  }
  for (const s of specs) {
    const t = performance.now();
    await redlineDocx(s.diff, s.before, s.after, { ...s, ...s.opts, date: revisionDate(s.after, s.before) });
    redlineMs.push(performance.now() - t);
  }
  const font = woff2DataUrl(new Uint8Array(fs.readFileSync(SITE_FONT)));
  const pages = [...site.protocols.values()].map((p) => {
    const html = familyPageHtml(p.doc, { status: '', fontDataUrl: font });
    return { id: p.id, kb: round(gzipSync(html).length / 1024, 1), scripts: (html.match(/<script/gi) ?? []).length };
  });
  return {
    protocolDocx: summary(protocolMs),
    redlineDocx: summary(redlineMs),
    familyPage: {
      budgetKb: 40,
      maxKb: Math.max(...pages.map((p) => p.kb)),
      scripts: pages.reduce((n, p) => n + p.scripts, 0),
      pages,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(JSON.stringify(await benchDocx(loadSite()), null, 2));
}
