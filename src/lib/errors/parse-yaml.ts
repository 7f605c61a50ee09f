import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, type Problem } from './content-error.ts';
import { dutchIssueMessage } from './zod-messages.ts';

// Kept here too for existing imports; it lives apart so the wizard can use it without loading the YAML parser.
export { dutchIssueMessage };

/** A parsed YAML document that can tell the line of any field path. */
export interface LocatedYaml {
  /** The plain JavaScript value of the document. */
  value: unknown;
  /** 1-based line of the node at `path` (or of its nearest existing parent); undefined if unknown. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses YAML text, keeping line numbers. Syntax errors become a {@link ContentError}
 * naming the file and line.
 *
 * @param text YAML source.
 * @param file path shown in messages.
 * @param lineOffset lines before `text` in the file (a frontmatter block starts at line 2), default 0.
 * @throws ContentError on invalid YAML.
 */
export function parseYamlLocated(text: string, file: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line + lineOffset,
        rule: 'yaml-syntax',
        message: `ongeldige YAML: ${e.message.split('\n')[0]}. Controleer inspringing, dubbele punten en aanhalingstekens op deze regel.`,
      })),
    );
  }
  return {
    value: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
          // For a key inside a map, point at the key's line: find the pair.
          if (n > 0) {
            const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
            if (isMap(parent)) {
              const pair = parent.items.find((it) => String((it.key as { value?: unknown })?.value ?? it.key) === String(path[n - 1]));
              const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
              if (keyRange) return lineCounter.linePos(keyRange[0]).line + lineOffset;
            }
          }
          return lineCounter.linePos((node.range as number[])[0]).line + lineOffset;
        }
      }
      return undefined;
    },
  };
}

/**
 * Turns zod issues into located problems: `file:line: field.path: message`.
 *
 * @param error the zod error from `safeParse`.
 * @param located the parsed YAML, to find line numbers.
 * @param file path shown in messages.
 */
export function zodProblems(error: z.ZodError, located: LocatedYaml, file: string): Problem[] {
  return error.issues.flatMap((issue) => {
    // An unknown key has no path of its own in zod's issue: point at the key's line, one problem per key.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { file, line: located.lineOf(path), field: path.join('.'), message: dutchIssueMessage({ ...issue, keys: [key] }) };
      });
    }
    return [
      {
        file,
        line: located.lineOf(issue.path),
        field: issue.path.length ? issue.path.join('.') : undefined,
        message: dutchIssueMessage(issue),
      },
    ];
  });
}

/**
 * Parses YAML text and validates it with a zod schema in one step.
 *
 * @returns the schema's output value and the located document (for later checks that need lines).
 * @throws ContentError with every problem, each with file, line and field.
 */
export function parseYamlWith<S extends z.ZodTypeAny>(
  schema: S,
  text: string,
  file: string,
  lineOffset = 0,
): { data: z.output<S>; located: LocatedYaml } {
  const located = parseYamlLocated(text, file, lineOffset);
  const result = schema.safeParse(located.value);
  if (!result.success) throw new ContentError(zodProblems(result.error, located, file));
  return { data: result.data, located };
}
