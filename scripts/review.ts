/**
 * `npm run review -- <protocol.yaml> [--format json]`: reviews a protocol against current law and the library
 * (the rules of `src/lib/lint/`) and prints the findings: what is wrong, where and how to fix it, in Dutch.
 * With `--format json` it prints exactly `{"findings":[{"rule","severity","article","message"}]}`.
 * Exit status: 0 without errors (accepted errors do not count), 1 with errors, 2 for a bad file or bad arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../src/lib/compose/compose-protocol.ts';
import type { Library } from '../src/lib/compose/document.ts';
import { modelToDocument } from '../src/lib/compose/model-document.ts';
import { parseProtocol } from '../src/lib/compose/parse-protocol.ts';
import { boardFilePath, withBoard } from '../src/lib/board/inherit-board.ts';
import { boardFiles } from '../src/node/load-boards.ts';
import { ContentError } from '../src/lib/errors/content-error.ts';
import { SEVERITY_LABELS } from '../src/lib/lint/finding.ts';
import { countFindings, summarizeFindings } from '../src/lib/lint/review-protocol.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';
import { reviewWith } from '../src/node/review.ts';

const USAGE = 'Gebruik: npm run review -- <protocol.yaml> [--format json]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
let format = 'text';
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--format') format = args[++i] ?? '';
  else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  else if (a.startsWith('--')) fail(`Onbekende optie ${a}.`);
  else files.push(a);
}
if (format !== 'text' && format !== 'json') fail(`Onbekend formaat “${format}”: kies text of json.`);
if (files.length !== 1)
  fail(`Er is één protocolbestand nodig, er ${files.length === 0 ? 'is er geen' : `zijn er ${files.length}`} gegeven.`);
const file = files[0]!;
if (!fs.existsSync(file)) fail(`${file}: bestand niet gevonden.`);
if (fs.statSync(file).isDirectory()) fail(`${file}: dit is een map; geef een protocolbestand (.yaml).`);

try {
  const library: Library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  const modelDocs = new Map([...models.values()].map((m) => [m.id, modelToDocument(m, library)]));
  // The school as the site shows it: with its board's contacts and documents (content/boards/).
  const { protocol, inherited } = withBoard(
    parseProtocol(fs.readFileSync(file, 'utf8'), file, library, [...models.keys()]),
    boardFiles(),
  );
  const doc = composeProtocol(path.basename(file, '.yaml'), protocol, library);
  const findings = reviewWith(protocol, doc, library, modelDocs, inherited);
  if (format === 'json') {
    const out = findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      article: f.article,
      message: f.accepted !== undefined ? `Geaccepteerd (${f.accepted}): ${f.message}` : f.message,
    }));
    process.stdout.write(`${JSON.stringify({ findings: out })}\n`);
  } else {
    const numberOf = new Map(
      doc.sections.flatMap((s) =>
        s.items.flatMap((i) => ('article' in i ? [[i.article.key, i.article.number] as const] : [])),
      ),
    );
    for (const f of findings) {
      const where = f.article
        ? `artikel ${numberOf.get(f.article) ?? '?'} (${f.article})`
        : f.board !== undefined
          ? `van het bestuur: ${boardFilePath(f.board)}${f.field ? ` ${f.field}` : ''}`
          : 'hele protocol';
      const accepted = f.accepted !== undefined ? ` [geaccepteerd: ${f.accepted}]` : '';
      process.stdout.write(`${file}: ${where}: ${SEVERITY_LABELS[f.severity]} ${f.rule}: ${f.message}${accepted}\n`);
    }
    process.stdout.write(`${file}: ${summarizeFindings(findings)}\n`);
  }
  process.exitCode = countFindings(findings).blocking > 0 ? 1 : 0;
} catch (e) {
  if (e instanceof ContentError) {
    process.stderr.write(`Het bestand is ongeldig; er is niets gecontroleerd.\n${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
