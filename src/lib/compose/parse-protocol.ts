import { ContentError } from '../errors/content-error.ts';
import { parseYamlLocated, zodProblems } from '../errors/parse-yaml.ts';
import { ProtocolSchema, type Protocol } from '../schema/protocol.ts';
import { checkProtocol, newerFormatProblem } from './check-protocol.ts';
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
  const located = parseYamlLocated(text, file);
  const raw = located.value as { format?: unknown } | null;
  const newer = raw && typeof raw === 'object' ? newerFormatProblem(raw.format, file, located.lineOf(['format'])) : undefined;
  if (newer) throw new ContentError([newer]);
  const result = ProtocolSchema.safeParse(located.value);
  if (!result.success) throw new ContentError(zodProblems(result.error, located, file));
  const problems = checkProtocol(result.data, library, modelIds, file, located);
  if (problems.length) throw new ContentError(problems);
  return result.data;
}
