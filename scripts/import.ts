/**
 * `npm run import -- <file> [--format json] [--out protocol.yaml]`: reads a school's current protocol (.pdf with a
 * text layer, .docx, .txt or .md), aligns every article to the library and prints what it found: a readable summary,
 * or with `--format json` exactly
 * `{"articles":[{"number","text","clause","score","truncated"}],"nonNormative":[{"kind","text"}],"values":{…}}`.
 * With `--out` it writes a protocol file (`content/protocols/<school>.yaml` format) that the build accepts: each
 * aligned article takes the library's text, the rest become own articles; a library article whose required value the
 * text does not give stays in the school's own words as an own article.
 * Exit 0 on success, 2 with a Dutch message for a file it cannot read (nothing written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseProtocol } from '../src/lib/compose/parse-protocol.ts';
import { ContentError, formatProblem } from '../src/lib/errors/content-error.ts';
import { importJson } from '../src/lib/import/import-text.ts';
import { importToProtocolInput } from '../src/lib/import/to-protocol.ts';
import { protocolYaml } from '../src/lib/wizard/protocol-yaml.ts';
import { importBytes, loadImportContext } from '../src/node/import-file.ts';

const USAGE = 'Gebruik: npm run import -- <bestand.pdf|.docx|.txt|.md> [--format json] [--out protocol.yaml]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
let format = 'text';
let out: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--format') {
    format = args[++i] ?? '';
    if (format !== 'json' && format !== 'text') fail(`--format moet json of text zijn, niet "${format}".\n${USAGE}`);
  } else if (a === '--out') {
    out = args[++i];
    if (!out) fail(`Na --out hoort de naam van het protocolbestand dat geschreven wordt.\n${USAGE}`);
  } else if (a.startsWith('--')) fail(`Onbekende optie ${a}.\n${USAGE}`);
  else files.push(a);
}
if (files.length !== 1)
  fail(
    `Er is één bestand nodig, er ${files.length === 0 ? 'is er geen' : `zijn er ${files.length}`} gegeven.\n${USAGE}`,
  );
const file = files[0]!;
if (!fs.existsSync(file)) fail(`${file}: bestand niet gevonden.\n${USAGE}`);
if (fs.statSync(file).isDirectory()) fail(`${file}: dit is een map; geef een bestand.\n${USAGE}`);

try {
  const ctx = loadImportContext();
  const { result } = await importBytes(new Uint8Array(fs.readFileSync(file)), file, ctx);
  if (!result.articles.length) {
    fail(`${file}: er staan geen artikelen of regels in deze tekst. Is dit het protocol sociale media van uw school?`);
  }
  if (out) {
    const { protocol, notes } = importToProtocolInput(result, ctx.aligner, {
      examples: ctx.examples,
      missingRequired: 'custom',
      fallbackName: 'Onze school',
    });
    const yaml = protocolYaml(protocol);
    // The same checks as the build, before anything is written.
    parseProtocol(yaml, out, ctx.library, [...ctx.models.keys()]);
    const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, yaml);
    fs.renameSync(tmp, out);
    if (!result.values.schoolName)
      process.stderr.write(`Geen schoolnaam gevonden: ${out} noemt de school "Onze school". Vul school.name in.\n`);
    for (const n of notes) process.stderr.write(`Artikel ${n.article + 1}: ${n.message}\n`);
    process.stderr.write(`${out} geschreven.\n`);
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(importJson(result))}\n`);
  } else {
    const lines: string[] = [];
    for (const a of result.articles) {
      const where = a.clause
        ? `${a.clause} (${Math.round(a.score * 100)}%)`
        : `eigen artikel (beste: ${Math.round(a.score * 100)}%)`;
      lines.push(
        `${a.number ?? '•'} ${a.text.slice(0, 70)}${a.text.length > 70 ? '…' : ''}\n    → ${where}${a.truncated ? '  AFGEBROKEN' : ''}`,
      );
    }
    if (result.nonNormative.length)
      lines.push(
        '',
        'Geen regels (niet als artikel overgenomen):',
        ...result.nonNormative.map((p) => `  ${p.kind}: ${p.text.slice(0, 70)}`),
      );
    if (result.missing.length)
      lines.push('', 'Niet in de geïmporteerde tekst:', ...result.missing.map((m) => `  ${m.title}`));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} catch (e) {
  if (e instanceof ContentError) fail(e.problems.map(formatProblem).join('\n'));
  throw e;
}
