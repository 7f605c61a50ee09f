/**
 * `npm run render -- <protocol.yaml> [--format text|html|docx] [--out <file>]`: prints the composed protocol (title,
 * school, status sentence, every article with its number, title and text) to standard output, without building the
 * site. Formats: `PROTOCOL_FORMATS` in src/lib/render/render-protocol.ts (default `text`), and `docx`: the Word file of
 * the site and the wizard (src/lib/docx/), which needs `--out`. With `--out` the output is written to that file, whole
 * or not at all (a temporary file, then a rename).
 *
 * Exit 0 on success; 2 with the build's located Dutch messages (`file:line: field: message [rule]`) for a missing
 * or invalid file, a required value left empty, an unknown format, or a broken library.
 * Warnings (a clause without the clause it leans on) go to standard error and do not change the exit status.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../src/lib/compose/compose-protocol.ts';
import type { Library } from '../src/lib/compose/document.ts';
import { parseProtocol, parseProtocolWithWarnings } from '../src/lib/compose/parse-protocol.ts';
import { withBoard } from '../src/lib/board/inherit-board.ts';
import { boardFiles } from '../src/node/load-boards.ts';
import { ContentError, formatProblem, type Problem } from '../src/lib/errors/content-error.ts';
import { PROTOCOL_FORMATS, type ProtocolFormat } from '../src/lib/render/render-protocol.ts';
import { protocolDocx } from '../src/lib/docx/protocol-docx.ts';
import { decodeText } from '../src/lib/yaml/decode-text.ts';
import { sortHistory } from '../src/lib/versions/history.ts';
import { statusSentence } from '../src/lib/versions/status.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';

const FORMATS = [...(Object.keys(PROTOCOL_FORMATS) as ProtocolFormat[]), 'docx'] as const;
type Format = ProtocolFormat | 'docx';
const USAGE = `Gebruik: npm run render -- <protocol.yaml> [--format ${FORMATS.join('|')}] [--out <bestand>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const line = (p: Problem) => `${formatProblem(p)}${p.rule ? ` [${p.rule}]` : ''}`;

const args = process.argv.slice(2).filter((a) => a !== '--');
let format: Format = 'text';
let out: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = a.startsWith('--format=') ? a.slice('--format='.length) : a === '--format' ? args[++i] : undefined;
  if (a === '--format' || a.startsWith('--format=')) {
    if (!value || !(FORMATS as readonly string[]).includes(value))
      fail(`onbekend formaat \`${value ?? ''}\`; kies ${FORMATS.join(' of ')}.\n${USAGE}`);
    format = value as Format;
  } else if (a === '--out' || a.startsWith('--out=')) {
    out = a.startsWith('--out=') ? a.slice('--out='.length) : args[++i];
    if (!out) fail(`--out heeft een bestandsnaam nodig.\n${USAGE}`);
  } else if (a.startsWith('--')) fail(`onbekende optie \`${a}\`.\n${USAGE}`);
  else files.push(a);
}
if (files.length !== 1)
  fail(
    `Er is één protocolbestand nodig, er ${files.length === 0 ? 'is er geen' : `zijn er ${files.length}`} gegeven.\n${USAGE}`,
  );
const file = files[0]!;
if (!fs.existsSync(file)) fail(`${file}: bestand niet gevonden.\n${USAGE}`);
if (fs.statSync(file).isDirectory()) fail(`${file}: dit is een map; geef een protocolbestand (.yaml).\n${USAGE}`);
if (format === 'docx' && !out) fail(`Een Word-bestand kan niet naar het scherm; geef --out <bestand.docx>.\n${USAGE}`);

try {
  const library: Library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const modelIds = [...loadReferenceModels().keys()];
  const parsed = parseProtocolWithWarnings(decodeText(fs.readFileSync(file), file), file, library, modelIds);
  const { warnings } = parsed;
  // The school as the site shows it: with its board's contacts and documents (content/boards/).
  const boards = boardFiles();
  const { protocol, inherited } = withBoard(parsed.protocol, boards);
  for (const w of warnings) process.stderr.write(`waarschuwing: ${line(w)}\n`);
  const id = path.basename(file, '.yaml');
  // Earlier adopted versions beside the file (`<dir>/<id>/*.yaml`) give the status of a draft.
  const historyDir = path.join(path.dirname(file), id);
  const history = fs.existsSync(historyDir)
    ? sortHistory(
        fs
          .readdirSync(historyDir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => {
            const p = path.join(historyDir, f);
            const earlier = withBoard(
              parseProtocol(decodeText(fs.readFileSync(p), p), p, library, modelIds),
              boards,
            ).protocol;
            return { version: earlier.version, file: p, protocol: earlier, doc: composeProtocol(id, earlier, library) };
          }),
      )
    : [];
  const doc = composeProtocol(id, protocol, library);
  const status = statusSentence(protocol, history);
  const output =
    format === 'docx' ? await protocolDocx(doc, { status, inherited }) : PROTOCOL_FORMATS[format](doc, { status });
  if (!out) process.stdout.write(output);
  else {
    fs.writeFileSync(`${out}.tmp`, output);
    fs.renameSync(`${out}.tmp`, out);
  }
} catch (e) {
  if (e instanceof ContentError) fail(`Het protocol kan niet worden samengesteld:\n${e.problems.map(line).join('\n')}`);
  throw e;
}
