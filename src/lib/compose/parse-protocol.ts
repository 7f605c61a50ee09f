import { ContentError, type Problem } from '../errors/content-error.ts';
import { parseYamlLocated, zodProblems } from '../errors/parse-yaml.ts';
import { PROTOCOL_FORMAT, ProtocolSchema, type Protocol } from '../schema/protocol.ts';
import { checkProtocol, errorsOnly, newerFormatMessage } from './check-protocol.ts';
import type { Library } from './document.ts';

/**
 * Reads a school's protocol file: YAML, then the schema, then the fit with the library
 * ({@link checkProtocol}). Runs in Node (the build) and in the browser (the wizard's import).
 *
 * @param text the file's contents.
 * @param file path (or name) shown in messages.
 * @param library clauses and choice points.
 * @param modelIds ids of the reference models.
 * @throws ContentError listing every problem with line and field; nothing is composed from a bad file.
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
  const newer = raw && typeof raw === 'object' ? newerFormatMessage(raw.format, PROTOCOL_FORMAT) : undefined;
  if (newer) throw new ContentError([{ file, line: located.lineOf(['format']), field: 'format', rule: 'newer-format', message: newer }]);
  const result = ProtocolSchema.safeParse(located.value);
  if (!result.success) throw new ContentError(zodProblems(result.error, located, file).map((p) => ({ ...p, rule: p.rule ?? 'protocol-schema' })));
  const problems = checkProtocol(result.data, library, modelIds, file, located, PROTOCOL_FORMAT);
  const errors = errorsOnly(problems);
  if (errors.length) throw new ContentError(errors);
  return { protocol: result.data, warnings: problems.filter((p) => !errors.includes(p)) };
}
