/**
 * `npm run bench:scale`: part (k) of `npm run bench` alone (scripts/bench/scale.ts): the build of 50, 200 and
 * 1,000 generated protocols (or `BENCH_SIZES=50,200`), cold and after one change, beside a bare Astro build, with
 * the projection to 9,000 schools. Writes its results under `scale` in `bench/results.json`, keeping the other
 * parts' results there. `BENCH_KEEP=1` keeps the temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { loadSite } from '../src/node/site-data.ts';
import { benchScale, benchSizes, earlierRuns, type Scale } from './bench/scale.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-schaal-'));
try {
  const file = path.join(ROOT, 'bench/results.json');
  const results = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const earlier = earlierRuns(file);
  // Written after each size, so a size that fails (or is stopped) keeps the ones before it.
  const save = (scale: Scale) => {
    results.scale = {
      timestamp: new Date().toISOString(),
      cpus: os.availableParallelism(),
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      ...scale,
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  };
  const scale = await benchScale(loadSite(), benchSizes(), tmp, earlier, save);
  save(scale);
  console.log(`bench/results.json: scale ${JSON.stringify(scale.projection)}`);
} finally {
  if (process.env.BENCH_KEEP === '1') console.log(`temporary folder kept: ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
