/** Part (d) of `npm run bench`: milliseconds per comparison of a protocol with a reference model. */
import { documentArticles, type ProtocolDocument } from '../../src/lib/compose/document.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import type { SiteData } from '../../src/node/site-data.ts';
import { median, quantile, round } from './stats.ts';

/** Each pair runs at least this many times, and for at least this long. */
const DIFF_MIN_RUNS = 200;
const DIFF_MIN_MS = 250;
const DIFF_MAX_RUNS = 20_000;

/** The comparison as the model-diff page makes it. */
const compare = (model: ProtocolDocument, doc: ProtocolDocument) => diffVersions(model, doc, {}, { against: 'model' });

/**
 * (d): every included protocol against every reference model with the one comparison the pages, the redlines and
 * `npm run diff` use (`diffVersions` against a model), each pair repeated until its median is stable.
 */
export function timeDiffs(site: SiteData) {
  const pairs = [];
  for (const [id, { doc }] of site.protocols) {
    for (const [modelId, modelDoc] of site.modelDocs) {
      for (let i = 0; i < 20; i++) compare(modelDoc, doc); // warm-up
      const ms: number[] = [];
      const started = performance.now();
      while (ms.length < DIFF_MAX_RUNS && (ms.length < DIFF_MIN_RUNS || performance.now() - started < DIFF_MIN_MS)) {
        const t = performance.now();
        compare(modelDoc, doc);
        ms.push(performance.now() - t);
      }
      const { counts, unchanged } = compare(modelDoc, doc);
      pairs.push({
        protocol: id,
        model: modelId,
        articles: { protocol: documentArticles(doc).length, model: documentArticles(modelDoc).length },
        counts: { ...counts, unchanged },
        runs: ms.length,
        medianMs: round(median(ms), 4),
        p95Ms: round(quantile(ms, 0.95), 4),
      });
    }
  }
  return {
    pairs,
    medianOfMediansMs: round(median(pairs.map((p) => p.medianMs)), 4),
    maxP95Ms: round(Math.max(...pairs.map((p) => p.p95Ms)), 4),
  };
}
