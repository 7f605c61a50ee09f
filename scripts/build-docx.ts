/**
 * Runs after `astro build`: writes the Word files beside the PDFs, in Node (no browser), with the same module as
 * the wizard and `npm run render` (src/lib/docx/):
 * - every published version of every protocol (`protocolOutputs`: the main page, the draft, each adopted version)
 *   to `<id>.docx`, `concept/<id>-concept-<version>.docx`, `<version>/<id>-<version>.docx`, with the contacts and
 *   documents the school inherits from its board marked "(via het bestuur)" (`inheritanceOf`, as on the page);
 * - every version redline to `wijzigingen/<id>-wijzigingen-<old>-<new>.docx` and the redline against the model the
 *   school started from (`startsFrom`) to `vergelijk/<model>/<id>-verschillen-<model>.docx`, with the changes as Word
 *   revisions (as the PDFs, scripts/build-pdfs.ts: the other models' redlines print in the browser).
 * Each file goes through the output cache (src/node/output-cache.ts), keyed on the data it is made from (for a
 * redline: the documents it compares, not their diff, which is worked out only when the file is made), the code
 * under `src/lib` and `src/i18n` and the docx and Node versions; the log ends with how many were made and reused.
 * With `--shard i/n` (or `PROTOCOLWIJZER_SHARD`) only the files whose output path falls in share i are written.
 * Every file is reproducible (src/lib/docx/pin-date.ts: a protocol dated as its PDF by src/node/build-date.ts, a
 * redline by its revision date; bookmark and link ids numbered per file), so two builds give the same bytes.
 * A version that is the main page's gets a copy of the main .docx (as its PDF). Each file is written to a temporary
 * name and renamed; a page that was not built (a partial build) is skipped.
 * `scripts/build.ts` starts this step while Astro runs; it waits for the pages after loading (src/node/site-ready.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocolDocx } from '../src/lib/docx/protocol-docx.ts';
import { redlineDocx, revisionDate } from '../src/lib/docx/redline-docx.ts';
import { versionRedlineSpec, type RedlineSpec } from '../src/lib/versions/redline-specs.ts';
import { protocolOutputs, redlineOutputs } from '../src/node/outputs.ts';
import { OutputCache, cacheKey, keyJson, packageVersion, treeDigest } from '../src/node/output-cache.ts';
import { ROOT } from '../src/node/paths.ts';
import { buildDate } from '../src/node/build-date.ts';
import { inShard, recordShard, shardFrom } from '../src/node/shards.ts';
import { inheritanceOf, siteData, siteModelRedlineSpec } from '../src/node/site-data.ts';
import { siteReady } from '../src/node/site-ready.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
// The snapshot the build's first step validated (PROTOCOLWIJZER_SITE_SNAPSHOT), or the content checked afresh.
const site = siteData();
const shard = shardFrom();
const cache = new OutputCache();
const all: string[] = [];
const written: string[] = [];
/** Everything a .docx depends on besides its data: the code that writes it and the tools. */
const tools = [
  `docx ${packageVersion('docx')}`,
  `node ${process.version}`,
  treeDigest(['src/lib', 'src/i18n', 'scripts/build-docx.ts']),
].join('\n');
/** The library's clauses as they enter a redline (titles and ids in the change list). */
const clausesDigest = cacheKey([keyJson([...site.library.clauses])]);

/**
 * Writes the file at site path `sitePath` (`/protocollen/…`) when its folder exists and it is in this share. The key
 * is worked out only then: a share (and a file found in the cache) costs no more than it must.
 */
async function write(sitePath: string, key: () => string, make: () => Promise<Uint8Array>): Promise<void> {
  const out = path.join(dist, sitePath);
  if (!fs.existsSync(path.dirname(out))) return;
  const rel = sitePath.replace(/^\//, '');
  all.push(rel);
  if (!inShard(sitePath, shard)) return;
  await cache.write(key(), out, make);
  written.push(rel);
}

/**
 * The redline .docx at site path `docx` (beside its PDF). It is keyed on what its spec is made from (`inputs`: the
 * documents, statuses and names), not on the spec: working a spec out means diffing the two documents, which for a
 * site of 1,000 schools took most of this step while nearly every file came from the cache. `spec` is called only
 * when the file must be made.
 */
async function writeRedline(docx: string, inputs: unknown, spec: () => RedlineSpec | undefined): Promise<void> {
  const key = () => cacheKey(['docx-redline', tools, clausesDigest, keyJson(inputs)]);
  await write(docx, key, () => {
    const s = spec();
    if (!s) throw new Error(`${docx}: de verschillen zijn leeg, maar de pagina is er wel`);
    return redlineDocx(s.diff, s.before, s.after, { ...s, ...s.opts, date: revisionDate(s.after, s.before) });
  });
}

/** A version that is the main page's: its .docx is copied from the main one, as its PDF is (in the source's share). */
function copy(from: string, to: string): void {
  const target = path.join(dist, to);
  if (!fs.existsSync(path.dirname(target))) return;
  all.push(to.replace(/^\//, ''));
  if (!inShard(from, shard) || !fs.existsSync(path.join(dist, from))) return;
  fs.copyFileSync(path.join(dist, from), `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  written.push(to.replace(/^\//, ''));
  copies++;
}
let copies = 0;

// Started while Astro runs (scripts/build.ts): the site data and the tools' digest are ready; now wait for the pages.
await siteReady();
const started = performance.now();
try {
  for (const p of site.protocols.values()) {
    const outputs = protocolOutputs(p);
    const docxOf = new Map(outputs.map((o) => [o.pdf, o.docx]));
    for (const o of outputs) {
      if (o.sameAs) continue;
      const date = buildDate(o.version.protocol.adoption?.date, o.version.file);
      // The board's contacts and documents are marked "(via het bestuur)", as on the page (part of the key).
      const inherited = inheritanceOf(p, o.version);
      const key = () =>
        cacheKey(['docx', tools, o.status, date.toISOString(), keyJson(o.version.doc), keyJson(inherited ?? null)]);
      await write(o.docx, key, () => protocolDocx(o.version.doc, { status: o.status, date, inherited }));
    }
    for (const o of outputs) if (o.sameAs && docxOf.has(o.sameAs)) copy(docxOf.get(o.sameAs)!, o.docx);
    // Both specs are made from the current version and the history (versionRedlineSpec, modelRedlineSpec). A
    // redline is written where its print page was built, as the PDF step prints it (redlineOutputs).
    const own = { current: p.current, history: p.history };
    for (const r of redlineOutputs(p)) {
      if (!fs.existsSync(path.join(dist, r.print))) continue;
      if (r.kind === 'versie') {
        await writeRedline(r.docx, { kind: 'versie', ...own }, () =>
          versionRedlineSpec(p.id, p.current, p.history, site.library.clauses),
        );
      } else {
        const m = r.model;
        await writeRedline(
          r.docx,
          { kind: 'model', ...own, model: site.models.get(m), modelDoc: site.modelDocs.get(m) },
          () => siteModelRedlineSpec(site, p, m),
        );
      }
    }
  }
  if (shard) recordShard(dist, shard, all, written);
  cache.prune(['docx']);
  const share = shard ? ` (deel ${shard.index}/${shard.count}: ${written.length} van ${all.length})` : '';
  console.log(
    `Word-bestanden: ${cache.summary()}, ${copies} gekopieerd${share}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(`Word-bestanden maken mislukt: ${(e as Error).message}`);
  process.exitCode = 1;
}
