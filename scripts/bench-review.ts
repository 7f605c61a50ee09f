/**
 * Part (h) of `npm run bench`: the review (`reviewProtocol`, src/lib/lint) of every included protocol, the five
 * rebuilt reference models among them: milliseconds per review (aim: at most 20 ms for the largest model in Node)
 * and the number of findings per rule. Run alone with `npx tsx scripts/bench-review.ts` (prints, writes nothing).
 */
import { pathToFileURL } from 'node:url';
import { documentArticles } from '../src/lib/compose/document.ts';
import { RULE_IDS } from '../src/lib/lint/finding.ts';
import { deriveForeignNames } from '../src/lib/lint/foreign-names.ts';
import { reviewProtocol } from '../src/lib/lint/review-protocol.ts';
import { loadSite } from '../src/node/site-data.ts';
import { timeRuns } from './bench/stats.ts';

const MIN_RUNS = 50;
const MIN_MS = 250;

/** Median and 95th percentile of `fn`'s run time in ms (see `timeRuns`). */
const time = (fn: () => void) => timeRuns(fn, MIN_RUNS, MIN_MS);

/** (h): times the review of each included protocol and counts its findings per rule. */
export function timeReviews(site: ReturnType<typeof loadSite>) {
  const docs = [...site.modelDocs.values()];
  const derive = time(() => deriveForeignNames(docs));
  const foreignNames = deriveForeignNames(docs);
  const perProtocol = Object.fromEntries(
    [...site.protocols.values()].map((p) => {
      const input = { protocol: p.protocol, doc: p.doc, library: site.library, foreignNames };
      const findings = reviewProtocol(input);
      const perRule = Object.fromEntries(RULE_IDS.map((r) => [r, findings.filter((f) => f.rule === r).length]));
      return [
        p.id,
        {
          articles: documentArticles(p.doc).length,
          ...time(() => reviewProtocol(input)),
          findings: findings.length,
          perRule,
        },
      ];
    }),
  );
  const models = Object.values(perProtocol).filter((_, i) => site.modelDocs.has([...site.protocols.keys()][i]!));
  const largest = models.reduce((a, b) => (b.articles > a.articles ? b : a));
  return {
    foreignNames: foreignNames.length,
    deriveNames: derive,
    perProtocol,
    largestModel: { articles: largest.articles, medianMs: largest.medianMs, p95Ms: largest.p95Ms },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(JSON.stringify(timeReviews(loadSite()), null, 2));
}
