/**
 * The placeholder syntax of clause bodies: `{{name}}` for a clause variable, `{{school.field}}` for a value from the
 * protocol's school block, each optionally followed by `| cap` (capitalise the first letter).
 */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|\s*(cap))?\s*\}\}/g;

/** Names of the placeholders used in a body, in order of first use (`school.*` included). */
export function placeholdersOf(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  return [...seen];
}
