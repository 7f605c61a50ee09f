/**
 * Runs after `astro build`: writes the Word files beside the PDFs, in Node (no browser), with the same module as
 * the wizard and `npm run render` (src/lib/docx/):
 * - every published version of every protocol (`protocolOutputs`: the main page, the draft, each adopted version)
 *   to `<id>.docx`, `concept/<id>-concept-<version>.docx`, `<version>/<id>-<version>.docx`;
 * - every version redline to `wijzigingen/<id>-wijzigingen-<old>-<new>.docx` and every model redline to
 *   `vergelijk/<model>/<id>-verschillen-<model>.docx`, with the changes as Word revisions.
 * Each file is written to a temporary name and renamed; a page that was not built (a partial build) is skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocolDocx } from '../src/lib/docx/protocol-docx.ts';
import { redlineDocx, revisionDate } from '../src/lib/docx/redline-docx.ts';
import { modelRedlineSpec, versionRedlineSpec, type RedlineSpec } from '../src/lib/versions/redline-specs.ts';
import { protocolOutputs } from '../src/node/outputs.ts';
import { ROOT } from '../src/node/paths.ts';
import { loadSite } from '../src/node/site-data.ts';
import { buildDate } from '../src/node/build-date.ts';

const dist = process.env.PROTOCOLWIJZER_OUT ? path.resolve(process.env.PROTOCOLWIJZER_OUT) : path.join(ROOT, 'dist');
const started = performance.now();
const site = loadSite();
let count = 0;

/** Writes `bytes` to the site path `sitePath` (`/protocollen/…`) when its folder exists. */
function write(sitePath: string, bytes: Uint8Array): void {
  const out = path.join(dist, sitePath);
  if (!fs.existsSync(path.dirname(out))) return;
  fs.writeFileSync(`${out}.tmp`, bytes);
  fs.renameSync(`${out}.tmp`, out);
  count++;
}

/** The redline .docx of a spec, beside its PDF in `folder`. */
async function writeRedline(folder: string, spec: RedlineSpec | undefined): Promise<void> {
  if (!spec) return;
  const date = revisionDate(spec.after, spec.before);
  const bytes = await redlineDocx(spec.diff, spec.before, spec.after, { ...spec, ...spec.opts, date });
  write(`${folder}${spec.pdfName.replace(/\.pdf$/, '.docx')}`, bytes);
}

try {
  for (const p of site.protocols.values()) {
    for (const o of protocolOutputs(p)) write(o.docx, await protocolDocx(o.version.doc, { status: o.status, date: buildDate(o.version.protocol.adoption?.date) }));
    await writeRedline(`/protocollen/${p.id}/wijzigingen/`, versionRedlineSpec(p.id, p.current, p.history, site.library.clauses));
    for (const m of site.models.values()) {
      const spec = modelRedlineSpec(p.id, p.current, p.history, { ...m, doc: site.modelDocs.get(m.id)! }, site.library.clauses);
      await writeRedline(`/protocollen/${p.id}/vergelijk/${m.id}/`, spec);
    }
  }
  console.log(`${count} Word-bestanden in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`Word-bestanden maken mislukt: ${(e as Error).message}`);
  process.exitCode = 1;
}
