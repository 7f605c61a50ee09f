/**
 * `npm run render -- <file> [--format text|html|docx] [--out <file>]`: one protocol file rendered the way the site
 * renders it, without building the site. `docx` is the Word file of the site and the wizard (src/lib/docx/),
 * `html` the protocol's text as on its page, `text` plain text. Without `--out` text and html go to standard
 * output; a .docx needs `--out`. The file is written whole or not at all (a temporary file, then a rename).
 * Exit status: 0 done, 2 a bad argument, a missing or invalid file, with a Dutch message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../src/lib/compose/compose-protocol.ts';
import { documentArticles, type Library } from '../src/lib/compose/document.ts';
import { parseProtocol } from '../src/lib/compose/parse-protocol.ts';
import { protocolDocx } from '../src/lib/docx/protocol-docx.ts';
import { bodyBlocks } from '../src/lib/docx/body-blocks.ts';
import { ContentError } from '../src/lib/errors/content-error.ts';
import { decodeText } from '../src/lib/yaml/decode-text.ts';
import { adoptionSentence } from '../src/lib/render/format-date.ts';
import { renderDocumentHtml, sectionHeading, articleNumber } from '../src/lib/render/render-html.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';

const FORMATS = ['text', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'Gebruik: npm run render -- <protocolbestand.yaml> [--format text|html|docx] [--out <bestand>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
let format: Format = 'text';
let out: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--format' || a === '--out') {
    const value = args[++i];
    if (!value) fail(`${a} heeft een waarde nodig.\n${USAGE}`);
    if (a === '--out') out = value;
    else if ((FORMATS as readonly string[]).includes(value)) format = value as Format;
    else fail(`Onbekend formaat \`${value}\`; kies ${FORMATS.join(', ')}.\n${USAGE}`);
  } else if (a.startsWith('--')) fail(`Onbekende optie \`${a}\`.\n${USAGE}`);
  else files.push(a);
}
if (files.length !== 1) fail(`Er is precies één protocolbestand nodig, er ${files.length === 1 ? 'is er één' : `zijn er ${files.length}`} gegeven.\n${USAGE}`);
if (format === 'docx' && !out) fail(`Een Word-bestand kan niet naar het scherm; geef --out <bestand.docx>.\n${USAGE}`);
const file = files[0]!;
if (!fs.existsSync(file)) fail(`${file}: bestand niet gevonden.\n${USAGE}`);
if (fs.statSync(file).isDirectory()) fail(`${file}: dit is een map; geef een protocolbestand (.yaml).\n${USAGE}`);

/** Plain text: title, school, status, then each section and article with its number. */
function plainText(doc: ReturnType<typeof composeProtocol>, status: string): string {
  const lines = [doc.title, doc.organisation, `${doc.adoption ? 'Versie' : 'Concept van versie'} ${doc.version ?? ''}`, status, ''];
  for (const s of doc.sections) {
    lines.push(sectionHeading(s).toUpperCase(), '');
    for (const i of s.items) {
      if (!('article' in i)) continue;
      lines.push(`${articleNumber(i.article)} ${i.article.title}`);
      for (const b of bodyBlocks(i.article.text)) lines.push(...('paragraph' in b ? [b.paragraph] : b.items.map((x) => `- ${x}`)));
      lines.push('');
    }
  }
  return lines.join('\n');
}

try {
  const library: Library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  const protocol = parseProtocol(decodeText(fs.readFileSync(file), file), file, library, [...models.keys()]);
  const doc = composeProtocol(path.basename(file, '.yaml'), protocol, library);
  const status = adoptionSentence(protocol.adoption) ?? 'Concept: nog niet vastgesteld.';
  const bytes: Uint8Array | string =
    format === 'docx' ? await protocolDocx(doc, { status }) : format === 'html' ? renderDocumentHtml(doc, { summaries: true }) : plainText(doc, status);
  if (!out) process.stdout.write(bytes as string);
  else {
    fs.writeFileSync(`${out}.tmp`, bytes);
    fs.renameSync(`${out}.tmp`, out);
    process.stderr.write(`${out}: ${documentArticles(doc).length} artikelen (${format}).\n`);
  }
} catch (e) {
  if (e instanceof ContentError) fail(`Het bestand is ongeldig; er is niets geschreven.\n${e.message}`);
  throw e;
}
