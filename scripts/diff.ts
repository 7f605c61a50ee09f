/**
 * `npm run diff -- <a> <b>`: prints the numbered changes from `a` to `b` in a terminal, the same diff as
 * `/protocollen/<school>/wijzigingen/`. Each of `a` and `b` is a protocol file (`content/protocols/de-linde.yaml`,
 * `content/protocols/de-linde/1.0.yaml`) or a reference model's id (`scope-2012`). The reasons come from `b`.
 * Colour on a terminal (unless `NO_COLOR` is set), plain text with `[-…-]` and `{+…+}` otherwise.
 * Exit status as diff(1): 0 no changes, 1 changes, 2 trouble (bad path, invalid file, any other failure), with a
 * Dutch message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../src/lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../src/lib/compose/document.ts';
import { modelToDocument } from '../src/lib/compose/model-document.ts';
import { parseProtocol } from '../src/lib/compose/parse-protocol.ts';
import { ContentError } from '../src/lib/errors/content-error.ts';
import { decodeText } from '../src/lib/yaml/decode-text.ts';
import { renderVersionDiffText } from '../src/lib/render/render-terminal.ts';
import type { Protocol } from '../src/lib/schema/protocol.ts';
import { diffVersions } from '../src/lib/versions/diff-versions.ts';
import { versionNames } from '../src/lib/versions/status.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';

const USAGE = 'Gebruik: npm run diff -- <oud> <nieuw>   (een protocolbestand zoals content/protocols/de-linde.yaml, of een voorbeeld-id zoals scope-2012)';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 2) fail(`Er zijn twee bestanden nodig, er ${args.length === 1 ? 'is er één' : `zijn er ${args.length}`} gegeven.\n${USAGE}`);

try {
  const library: Library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  /** A side of the diff: its document, its protocol (when a file) and its name. */
  const load = (arg: string): { doc: ProtocolDocument; protocol?: Protocol; name: string } => {
    const model = models.get(arg);
    if (model && !fs.existsSync(arg)) return { doc: modelToDocument(model, library), name: `${model.organisation} (${model.dated})` };
    if (!fs.existsSync(arg)) {
      fail(`${arg}: bestand niet gevonden, en er is geen voorbeeldprotocol met die id (wel: ${[...models.keys()].join(', ')}).\n${USAGE}`);
    }
    if (fs.statSync(arg).isDirectory()) fail(`${arg}: dit is een map; geef een protocolbestand (.yaml).\n${USAGE}`);
    const protocol = parseProtocol(decodeText(fs.readFileSync(arg), arg), arg, library, [...models.keys()]);
    const id = path.basename(arg, '.yaml');
    return { doc: composeProtocol(id, protocol, library), protocol, name: `${protocol.school.name} versie ${protocol.version}` };
  };
  const a = load(args[0]!);
  const b = load(args[1]!);
  const names =
    a.protocol && b.protocol && a.protocol.school.name === b.protocol.school.name ? versionNames(b.protocol, a.protocol) : { beforeName: a.name, afterName: b.name };
  const diff = diffVersions(a.doc, b.doc, b.protocol?.reasons ?? {});
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(
    renderVersionDiffText(diff, {
      ...names,
      color,
      variableLabel: (clause, name) => (clause ? library.clauses.get(clause)?.variables[name]?.label : undefined),
    }),
  );
  process.exitCode = diff.changes.length ? 1 : 0;
} catch (e) {
  if (e instanceof ContentError) fail(`Het bestand is ongeldig; er is niets vergeleken.\n${e.message}`);
  // Anything else is trouble too: exit 2, never 1 (which means "changes found").
  fail(`Vergelijken is mislukt: ${e instanceof Error ? e.message : String(e)}`);
}
