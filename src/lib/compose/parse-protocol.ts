import { ContentError, type Problem } from '../errors/content-error.ts';
import { parseYamlLocated, zodProblems, type LocatedYaml } from '../yaml/parse-yaml.ts';
import { PROTOCOL_FORMAT, ProtocolSchema, type Protocol } from '../schema/protocol.ts';
import { checkProtocol, errorsOnly, newerFormatMessage } from './check-protocol.ts';
import type { Library } from './document.ts';

/**
 * Unicode controls that reorder the text around them (embeddings, overrides, isolates: U+202A–U+202E,
 * U+2066–U+2069). In a name or a rule they make the visible text differ from the text (review attack-2026-11,
 * failure 12); a right-to-left language needs none of them.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * The fields that name something (the school, its board and place, a contact, a document, a section or article
 * title): shown on the cover, in running headers and links, where a reordered name misleads. Running text
 * (an article's `text`, overrides, reasons) may hold any character and is shown as it was typed.
 */
const NAME_FIELDS = new Set(['name', 'board', 'place', 'role', 'title', 'body', 'by', 'label']);

/**
 * Every name or title in a protocol file that holds a bidirectional control character, as problems
 * (rule `bidi-control`).
 *
 * @param value the parsed YAML value.
 */
function bidiProblems(value: unknown, located: LocatedYaml, file: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (BIDI_CONTROL.test(v) && NAME_FIELDS.has(String(path.at(-1)))) {
        problems.push({
          rule: 'bidi-control',
          file,
          line: located.lineOf(path),
          field: path.join('.'),
          message:
            'bevat een onzichtbaar teken dat de leesrichting omdraait (U+202A–U+202E of U+2066–U+2069), zodat lezers iets anders zien dan er staat. Typ de tekst opnieuw zonder dat teken.',
        });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return problems;
}

/**
 * Reads a school's protocol file: YAML, then the schema, then the fit with the library
 * ({@link checkProtocol}). Runs in Node (the build) and in the browser (the wizard's import).
 * A `format` other than {@link PROTOCOL_FORMAT} is refused with what to write (rule `format`), a newer one with
 * "update Protocolwijzer"; text with a direction-reversing control character is refused (rule `bidi-control`).
 *
 * @param text the file's contents.
 * @param file path (or name) shown in messages.
 * @param library clauses and choice points.
 * @param modelIds ids of the reference models.
 * @throws ContentError listing every problem with line and field; nothing is composed from a bad file. Never
 *   another error, whatever the text.
 */
export function parseProtocol(text: string, file: string, library: Library, modelIds: readonly string[]): Protocol {
  return parseProtocolWithWarnings(text, file, library, modelIds).protocol;
}

/**
 * {@link parseProtocol}, also returning the warnings (severity `warning`: a clause without the clause it leans on),
 * which never stop a build; the build prints them.
 *
 * @throws ContentError as {@link parseProtocol}.
 */
export function parseProtocolWithWarnings(
  text: string,
  file: string,
  library: Library,
  modelIds: readonly string[],
): { protocol: Protocol; warnings: Problem[] } {
  const located = parseYamlLocated(text, file);
  const raw = located.value as { format?: unknown } | null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ContentError([
      {
        rule: 'not-a-protocol',
        file,
        line: 1,
        message:
          'dit is geen protocol: het bestand moet velden bevatten (`format: 1`, `school:`, `version:`, `startsFrom:`, `sections:`). Kopieer content/protocols/de-linde.yaml als voorbeeld.',
      },
    ]);
  }
  const newer = newerFormatMessage(raw.format, PROTOCOL_FORMAT);
  if (newer)
    throw new ContentError([
      { file, line: located.lineOf(['format']), field: 'format', rule: 'newer-format', message: newer },
    ]);
  if ('format' in raw && raw.format !== PROTOCOL_FORMAT) {
    throw new ContentError([
      {
        rule: 'format',
        file,
        line: located.lineOf(['format']),
        field: 'format',
        message: `is ${typeof raw.format === 'number' && !Number.isFinite(raw.format) ? 'een te groot getal' : JSON.stringify(raw.format)}, maar het formaat van een protocolbestand is ${PROTOCOL_FORMAT}. Schrijf \`format: ${PROTOCOL_FORMAT}\`.`,
      },
    ]);
  }
  const bidi = bidiProblems(raw, located, file);
  if (bidi.length) throw new ContentError(bidi);
  const result = ProtocolSchema.safeParse(located.value);
  if (!result.success)
    throw new ContentError(
      zodProblems(result.error, located, file).map((p) => ({ ...p, rule: p.rule ?? 'protocol-schema' })),
    );
  const problems = checkProtocol(result.data, library, modelIds, file, located, PROTOCOL_FORMAT);
  const errors = errorsOnly(problems);
  if (errors.length) throw new ContentError(errors);
  return { protocol: result.data, warnings: problems.filter((p) => !errors.includes(p)) };
}
