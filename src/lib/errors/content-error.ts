/** Another place a problem concerns (remark-lint's `place` for the second file): the clause a model article claims, say. */
export interface RelatedPlace {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line number, when known. */
  line?: number;
  /** Field path inside that file, dotted, when known. */
  field?: string;
}

/** How bad a problem is: `error` stops a build or an export, `warning` and `hint` never do. */
export type Severity = 'error' | 'warning' | 'hint';

/**
 * One problem found in a content file, with its place, so that a person can fix it.
 * Rendered as `file:line: field: message` by {@link formatProblem}.
 * Tools (the wizard, the review) switch on `rule`, never on `message`; people read `message`.
 */
export interface Problem {
  /**
   * Stable rule id in kebab-case: what kind of problem this is. Tools switch on it, never on `message`. Each check
   * documents its ids (checkProtocol, checkLibraryAndModels, checkClauseSources, parseClauseFile, checkHistory, the
   * review); schema issues are `unknown-field`, `missing-field` or `invalid-value` (`issueRule`), YAML `yaml-syntax`.
   */
  rule: string;
  /** Default `error`. */
  severity?: Severity;
  /** Other places involved, e.g. the `model.yaml` article when the problem is in a clause's sources. */
  related?: RelatedPlace[];
  /** 1-based column, when known. */
  column?: number;
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
