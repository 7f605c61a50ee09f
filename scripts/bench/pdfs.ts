/** Part (c) of `npm run bench`: seconds per protocol PDF in a warm browser. */
import { launchChromium } from '../../src/node/browser.ts';
import { makePdf } from '../../src/node/make-pdf.ts';
import { startStaticServer } from '../../src/node/static-server.ts';
import { median, round, seconds } from './stats.ts';

/** Warm rounds per PDF, after one round to warm up. */
const PDF_ROUNDS = 3;

/** (c): each included protocol's PDF, made again in one warm browser from the build of (a). */
export async function timePdfs(out: string, ids: string[]) {
  const server = await startStaticServer(out);
  const browser = await launchChromium();
  try {
    const url = (id: string) => `${server.url}/protocollen/${id}/print/`;
    await makePdf(browser, url(ids[0]!)); // warm-up, not counted
    const samples = new Map<string, { ms: number[]; pages: number }>(ids.map((id) => [id, { ms: [], pages: 0 }]));
    for (let round = 0; round < PDF_ROUNDS; round++) {
      for (const id of ids) {
        const started = performance.now();
        const { pages } = await makePdf(browser, url(id));
        const s = samples.get(id)!;
        s.ms.push(performance.now() - started);
        s.pages = pages;
      }
    }
    const perProtocol = ids.map((id) => {
      const s = samples.get(id)!;
      return { protocol: id, pages: s.pages, seconds: seconds(median(s.ms)), runs: s.ms.map(seconds) };
    });
    return {
      chromium: browser.version(),
      rounds: PDF_ROUNDS,
      perProtocol,
      medianSeconds: round(median(perProtocol.map((p) => p.seconds))),
      medianSecondsPerPage: round(median(perProtocol.map((p) => p.seconds / p.pages)), 4),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
