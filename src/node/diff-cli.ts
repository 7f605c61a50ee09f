import fs from 'node:fs';
import path from 'node:path';
import { composeProtocol } from '../lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../lib/compose/document.ts';
import { modelToDocument } from '../lib/compose/model-document.ts';
import { parseProtocol } from '../lib/compose/parse-protocol.ts';
import { ContentError } from '../lib/errors/content-error.ts';
import { decodeText } from '../lib/yaml/decode-text.ts';
import { renderVersionDiffText } from '../lib/render/render-terminal.ts';
import type { Protocol } from '../lib/schema/protocol.ts';
import type { ReferenceModel } from '../lib/schema/reference-model.ts';
import { diffVersions } from '../lib/versions/diff-versions.ts';
import { versionNames } from '../lib/versions/status.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from './load-content.ts';
import { boardFiles } from './load-boards.ts';
import { withBoard } from '../lib/board/inherit-board.ts';
import type { Board } from '../lib/schema/board.ts';

const USAGE =
  'Gebruik: npm run diff -- <oud> <nieuw>   ' +
  '(een protocolbestand zoals content/protocols/de-linde.yaml, of een voorbeeld-id zoals scope-2012)';

/** What `npm run diff` prints and how it exits: diff(1)'s codes, 0 no changes, 1 changes, 2 trouble. */
export interface DiffCliResult {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The content a comparison needs; loaded from `content/` when not given. */
export interface DiffCliContent {
  library: Library;
  models: ReadonlyMap<string, ReferenceModel>;
  /** The board files by id, whose values a school inherits ({@link withBoard}); default none. */
  boards?: ReadonlyMap<string, Board>;
}

/** A user mistake: ends the run with status 2 and this Dutch message. */
class Trouble extends Error {}

/**
 * `npm run diff -- <a> <b>` without the process: compares `a` with `b` and returns the text, as the site's pages and
 * redlines show it. Each of `a` and `b` is a protocol file (`content/protocols/de-linde.yaml`,
 * `content/protocols/de-linde/1.0.yaml`) or a reference model's id (`scope-2012`). Two versions of a protocol give
 * `/protocollen/<school>/wijzigingen/` (W1, W2, …); a model id first gives `/protocollen/<school>/vergelijk/<model>/`
 * (V1, V2, …, `weggelaten`), the protocol named by its school as on that page. The reasons come from `b`.
 * Bad input never throws: status 2 with a Dutch message (file, line, field) and nothing on stdout.
 *
 * @param args the two arguments (a leading `--` is ignored).
 * @param options `color`: ANSI colours (default false); `content`: library and models (default: read `content/`).
 */
export function runDiffCli(
  args: readonly string[],
  options: { color?: boolean; content?: DiffCliContent } = {},
): DiffCliResult {
  const given = args.filter((a) => a !== '--');
  try {
    if (given.length !== 2) {
      const count = given.length === 1 ? 'is er één' : `zijn er ${given.length}`;
      throw new Trouble(`Er zijn twee bestanden nodig, er ${count} gegeven.\n${USAGE}`);
    }
    const content = options.content ?? {
      library: { clauses: loadClauses(), choicePoints: loadChoicePoints() },
      models: loadReferenceModels(),
      boards: boardFiles(),
    };
    const { library, models } = content;
    const boards = content.boards ?? new Map<string, Board>();
    /** A side of the diff: its document, its protocol (when a file), its name, and whether it is a model. */
    const load = (arg: string): { doc: ProtocolDocument; protocol?: Protocol; name: string; model?: boolean } => {
      const model = models.get(arg);
      if (model && !fs.existsSync(arg))
        return { doc: modelToDocument(model, library), name: model.organisation, model: true };
      if (!fs.existsSync(arg)) {
        const ids = [...models.keys()].join(', ');
        throw new Trouble(
          `${arg}: bestand niet gevonden, en er is geen voorbeeldprotocol met die id (wel: ${ids}).\n${USAGE}`,
        );
      }
      if (fs.statSync(arg).isDirectory())
        throw new Trouble(`${arg}: dit is een map; geef een protocolbestand (.yaml).\n${USAGE}`);
      const { protocol } = withBoard(
        parseProtocol(decodeText(fs.readFileSync(arg), arg), arg, library, [...models.keys()]),
        boards,
      );
      const id = path.basename(arg, '.yaml');
      return {
        doc: composeProtocol(id, protocol, library),
        protocol,
        name: `${protocol.school.name} versie ${protocol.version}`,
      };
    };
    const a = load(given[0]!);
    const b = load(given[1]!);
    const sameSchool = a.protocol && b.protocol && a.protocol.school.name === b.protocol.school.name;
    // Against a model the protocol is named by its school, as on the model-diff page.
    const names = sameSchool
      ? versionNames(b.protocol!, a.protocol!)
      : { beforeName: a.name, afterName: a.model && b.protocol ? b.protocol.school.name : b.name };
    const diff = diffVersions(a.doc, b.doc, b.protocol?.reasons ?? {}, { against: a.model ? 'model' : 'version' });
    const stdout = renderVersionDiffText(diff, {
      ...names,
      color: options.color ?? false,
      variableLabel: (clause, name) => (clause ? library.clauses.get(clause)?.variables[name]?.label : undefined),
    });
    return { status: diff.changes.length ? 1 : 0, stdout, stderr: '' };
  } catch (e) {
    if (e instanceof Trouble) return { status: 2, stdout: '', stderr: `${e.message}\n` };
    if (e instanceof ContentError) {
      return { status: 2, stdout: '', stderr: `Het bestand is ongeldig; er is niets vergeleken.\n${e.message}\n` };
    }
    // Anything else is trouble too: status 2, never 1 (which means "changes found").
    return { status: 2, stdout: '', stderr: `Vergelijken is mislukt: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}
