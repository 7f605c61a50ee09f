/**
 * One problem found in a content file, with its place, so that a person can fix it.
 * Rendered as `file:line: field: message` by {@link formatProblem}.
 */
export interface Problem {
  /** Path of the file, relative to the project root, e.g. `content/protocols/de-linde.yaml`. */
  file: string;
  /** 1-based line number, when known. */
  line?: number;
  /** Field path inside the file, dotted: `sections.2.articles.0.values.consentAge`. */
  field?: string;
  /** What is wrong and how to fix it, in Dutch. */
  message: string;
}

/** Formats a problem as one line: `file:line: field: message`. */
export function formatProblem(p: Problem): string {
  const place = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${place}: ${p.field}: ${p.message}` : `${place}: ${p.message}`;
}

/**
 * Thrown when content (a clause, a reference model, a protocol) is invalid.
 * `message` lists every problem, one per line; `problems` keeps them structured for the wizard.
 * The build catches it and prints the message without a stack trace.
 */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
