import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { contentDir, ROOT } from './paths.ts';

/**
 * The date a built file carries (a PDF's creation date, a .docx's core properties and zip entries), so that two
 * builds of one commit give byte-identical files (reproducible-builds.org):
 * 1. the version's adoption date;
 * 2. for a draft, when `npm run build` chose the date itself (`PROTOCOLWIJZER_DRAFT_DATE=git`, set by
 *    scripts/build.ts when no `SOURCE_DATE_EPOCH` was given): the time of the last commit that changed the draft's
 *    own file, so a commit that changes one school does not re-date (and, through the output cache, re-print)
 *    every other school's draft;
 * 3. `SOURCE_DATE_EPOCH` (seconds);
 * 4. the Unix epoch.
 *
 * @param adoptionDate ISO date `YYYY-MM-DD` of the version's adoption, if it was adopted.
 * @param file the draft's file relative to the project (`content/protocols/de-linde.yaml`), for rule 2.
 */
export function buildDate(adoptionDate: string | undefined, file?: string): Date {
  if (adoptionDate) return new Date(`${adoptionDate}T00:00:00Z`);
  if (file && process.env.PROTOCOLWIJZER_DRAFT_DATE === 'git') {
    const committed = commitTimes().get(path.resolve(ROOT, file));
    if (committed !== undefined) return new Date(committed * 1000);
  }
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(0);
}

let times: Map<string, number> | undefined;

/**
 * The time (Unix seconds) of the last commit that changed each file under the content folder, from one `git log`;
 * empty when git or the repository is not there (or the content folder lies outside it).
 */
function commitTimes(): Map<string, number> {
  if (times) return times;
  times = new Map();
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT, encoding: 'utf8' });
  if (top.status !== 0) return times;
  const root = top.stdout.trim();
  const log = spawnSync('git', ['log', '--format=%x00%ct', '--name-only', '--no-renames', '--', contentDir()], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (log.status !== 0) return times;
  let current = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('\0')) current = Number(line.slice(1));
    else if (line && !times.has(path.resolve(root, line))) times.set(path.resolve(root, line), current);
  }
  return times;
}
