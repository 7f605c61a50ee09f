import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, type Problem } from '../errors/content-error.ts';
import { dutchIssueMessage, issueRule } from '../errors/zod-messages.ts';

// Kept here too for existing imports; it lives apart so the wizard can use it without loading the YAML parser.
export { dutchIssueMessage };

/** A parsed YAML document that can tell the line of any field path. */
export interface LocatedYaml {
  /** The plain JavaScript value of the document. */
  value: unknown;
  /** 1-based line of the node at `path` (or of its nearest existing parent); undefined if unknown. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** The largest content file read, in characters (a real protocol is about 5 000; a 200-article one under 100 000). */
export const MAX_YAML_CHARS = 1_000_000;
/** The deepest nesting of lists and maps accepted (a protocol nests 6 deep). */
export const MAX_YAML_DEPTH = 64;
/** The most alias expansions (`*anker`) accepted in one file: enough for any real use, too few for an alias bomb. */
export const MAX_YAML_ALIASES = 100;
/** The most syntax problems listed for one file; after that one line says how many more there are. */
const MAX_SYNTAX_PROBLEMS = 10;

/** The fix for each error code of the `yaml` package, in Dutch (codes: `yaml` 2.x `ErrorCode`). */
const SYNTAX_FIXES: Record<string, string> = {
  ALIAS_PROPS: 'een verwijzing (*naam) kan geen eigen anker (&) of label (!) hebben. Haal het & of ! weg.',
  BAD_ALIAS: 'verwijzing (*naam) naar een anker dat niet bestaat. Schrijf de waarde uit of definieer eerst &naam.',
  BAD_DIRECTIVE: 'onbekende regel die met % begint. Haal die regel weg.',
  BAD_DQ_ESCAPE:
    'ongeldige \\-code tussen dubbele aanhalingstekens. Schrijf een \\ als \\\\, of gebruik enkele aanhalingstekens.',
  BAD_INDENT:
    'de inspringing klopt niet. Zet velden die bij elkaar horen precies even ver in (met spaties), en sluit een lijst tussen [ ] op dezelfde regel af met ].',
  BAD_PROP_ORDER: 'een anker (&) of label (!) staat op de verkeerde plek. Zet het direct voor de waarde.',
  BAD_SCALAR_START:
    'een waarde begint met een teken dat YAML niet toestaat (zoals @, ` of %). Zet de hele tekst tussen aanhalingstekens.',
  BLOCK_AS_IMPLICIT_KEY:
    'na de dubbele punt staat nog een `naam:`. Zet tekst met een dubbele punt tussen aanhalingstekens, of begin een nieuwe, ingesprongen regel.',
  BLOCK_IN_FLOW:
    'binnen [ ] of { } kan geen ingesprongen lijst staan. Schrijf de lijst op één regel of gebruik regels die met "- " beginnen.',
  IMPOSSIBLE: 'deze regel kan niet gelezen worden. Controleer inspringing, dubbele punten en aanhalingstekens.',
  KEY_OVER_1024_CHARS:
    'de naam voor de dubbele punt is langer dan 1024 tekens. Waarschijnlijk ontbreekt een regelovergang of een aanhalingsteken.',
  MISSING_CHAR:
    'er ontbreekt een afsluitend teken (een aanhalingsteken, ] of }). Sluit af wat op deze regel geopend is.',
  MULTILINE_IMPLICIT_KEY:
    'een veldnaam loopt over meer regels. Zet de dubbele punt op dezelfde regel als de naam, of zet tekst met een dubbele punt tussen aanhalingstekens.',
  MULTIPLE_ANCHORS: 'een waarde heeft twee ankers (&). Houd er één.',
  MULTIPLE_TAGS: 'een waarde heeft twee labels (!). Houd er één.',
  NON_STRING_KEY: 'een veldnaam moet tekst zijn, geen lijst of veldenlijst.',
  RESOURCE_EXHAUSTION: 'het bestand verwijst te vaak naar ankers (*naam). Schrijf de waarden uit.',
  TAB_AS_INDENT: 'een tab als inspringing. YAML springt alleen in met spaties: vervang de tab door spaties.',
  TAG_RESOLVE_FAILED: 'onbekend label (!...). Haal het label weg.',
  UNEXPECTED_TOKEN:
    'een teken dat hier niet kan staan. Controleer inspringing, dubbele punten en aanhalingstekens, en zet tekst met : # [ ] { } tussen aanhalingstekens.',
  BAD_COLLECTION_TYPE: 'een lijst of veldenlijst heeft een label (!) dat niet past. Haal het label weg.',
};

/** Throws one located problem. */
function fail(problem: Problem): never {
  throw new ContentError([problem]);
}

/**
 * Finds flow brackets (`[`, `{`) nested deeper than {@link MAX_YAML_DEPTH}, or indentation deeper than a real
 * file has, before the parser sees them: the `yaml` package runs out of stack or memory on a few thousand levels.
 * Quoted text and comments are skipped; the scan is conservative (it may count a bracket in plain text).
 *
 * @returns the 1-based line where the nesting gets too deep, or undefined.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      if (quote === "'") continue;
      continue;
    }
    if (lineStart && c === ' ') {
      if (++indent > MAX_YAML_DEPTH * 4) return line;
      continue;
    }
    lineStart = false;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return line;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Depth of the deepest list or map in a plain value, without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v && typeof v === 'object') {
      max = Math.max(max, d + 1);
      if (max > MAX_YAML_DEPTH) return max;
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

/**
 * Parses YAML text, keeping line numbers. Every fault becomes one Dutch problem with line, column, a rule id and
 * the fix (the `yaml` package's error codes translated, see {@link SYNTAX_FIXES}); problems on the same line are
 * reported once and at most ten are listed. Refused with their own message: an empty file (`yaml-empty`), a file
 * over {@link MAX_YAML_CHARS} (`yaml-too-large`), more than one document (`yaml-multiple-documents`), a duplicate
 * key, named (`yaml-duplicate-key`), an alias bomb (`yaml-alias-limit`), nesting deeper than
 * {@link MAX_YAML_DEPTH} (`yaml-too-deep`) and the key `__proto__` (`reserved-key`), which a JavaScript object
 * would silently drop.
 *
 * @param text YAML source.
 * @param file path shown in messages.
 * @param lineOffset lines before `text` in the file (a frontmatter block starts at line 2), default 0.
 * @throws ContentError on invalid YAML; never another error.
 */
export function parseYamlLocated(text: string, file: string, lineOffset = 0): LocatedYaml {
  if (text.length > MAX_YAML_CHARS) {
    fail({
      rule: 'yaml-too-large',
      file,
      message: `het bestand is te groot (${Math.round(text.length / 1000)}000 tekens; hoogstens ${MAX_YAML_CHARS / 1_000_000} miljoen). Een protocol is meestal een paar duizend tekens: controleer of dit het goede bestand is.`,
    });
  }
  const deepLine = tooDeepAt(text);
  if (deepLine !== undefined) {
    fail({
      rule: 'yaml-too-deep',
      file,
      line: deepLine + lineOffset,
      message: `lijsten of velden zijn hier dieper genest dan ${MAX_YAML_DEPTH} niveaus. Een protocol nest hoogstens een paar niveaus: controleer de haken [ ] { } en de inspringing.`,
    });
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  if (doc.errors.length > 0) failSyntax(doc.errors, at, file, text);
  if (doc.contents === null) {
    fail({
      rule: 'yaml-empty',
      file,
      line: 1 + lineOffset,
      message:
        'het bestand is leeg. Een protocol begint met `format: 1`, dan `school:`, `version:`, `startsFrom:` en `sections:`; kopieer content/protocols/de-linde.yaml als voorbeeld.',
    });
  }
  const reserved: Problem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        reserved.push({
          rule: 'reserved-key',
          file,
          ...at(pair.key.range?.[0] ?? 0),
          message:
            'de naam `__proto__` kan niet gebruikt worden (JavaScript gebruikt hem zelf, de waarde zou verloren gaan). Kies een andere naam.',
        });
      }
    },
  });
  if (reserved.length) throw new ContentError(reserved);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    fail({
      rule: 'yaml-alias-limit',
      file,
      line: 1 + lineOffset,
      message: `het bestand gebruikt te veel verwijzingen naar ankers (*naam), meer dan ${MAX_YAML_ALIASES} keer uitgeschreven. Schrijf de waarden gewoon uit in plaats van met & en *.`,
    });
  }
  if (depthOf(value) > MAX_YAML_DEPTH) {
    fail({
      rule: 'yaml-too-deep',
      file,
      line: 1 + lineOffset,
      message: `lijsten of velden zijn dieper genest dan ${MAX_YAML_DEPTH} niveaus. Controleer de inspringing.`,
    });
  }
  return {
    value,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
          // For a key inside a map, point at the key's line: find the pair.
          if (n > 0) {
            const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
            if (isMap(parent)) {
              const pair = parent.items.find(
                (it) => String((it.key as { value?: unknown })?.value ?? it.key) === String(path[n - 1]),
              );
              const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
              if (keyRange) return lineCounter.linePos(keyRange[0]!).line + lineOffset;
            }
          }
          return lineCounter.linePos((node.range as number[])[0]!).line + lineOffset;
        }
      }
      return undefined;
    },
  };
}

/** Throws the syntax errors of a document as located Dutch problems, one per line, at most ten and a count. */
function failSyntax(
  errors: readonly YAMLError[],
  at: (offset: number) => { line: number; column: number },
  file: string,
  text: string,
): never {
  const multiple = errors.find((e) => e.code === 'MULTIPLE_DOCS');
  if (multiple) {
    fail({
      rule: 'yaml-multiple-documents',
      file,
      ...at(multiple.pos[0]),
      message:
        'het bestand bevat meer dan één document (een regel met alleen `---` of `...` splitst het). Eén bestand is één protocol: haal de regel `---` weg, of zet het tweede protocol in een eigen bestand.',
    });
  }
  const problems: Problem[] = [];
  const lines = new Set<number>();
  for (const e of errors) {
    const place = at(e.pos[0]);
    if (lines.has(place.line)) continue;
    lines.add(place.line);
    if (problems.length === MAX_SYNTAX_PROBLEMS) {
      problems.push({
        rule: 'yaml-syntax',
        file,
        message: `en nog meer fouten verderop (${errors.length} in totaal). Herstel eerst de eerste; vaak verdwijnen de volgende dan vanzelf.`,
      });
      break;
    }
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0]))![1]!.trim() || '?';
      problems.push({
        rule: 'yaml-duplicate-key',
        file,
        ...place,
        message: `het veld \`${key}\` staat twee keer op hetzelfde niveau. Houd er één: voeg de waarden samen of haal het dubbele veld weg.`,
      });
      continue;
    }
    problems.push({
      rule: 'yaml-syntax',
      file,
      ...place,
      message: `ongeldige YAML: ${SYNTAX_FIXES[e.code] ?? SYNTAX_FIXES.IMPOSSIBLE}`,
    });
  }
  throw new ContentError(problems);
}

/**
 * Turns zod issues into located problems: `file:line: field.path: message`, each with the rule id of its kind of
 * issue (`issueRule`: `unknown-field`, `missing-field`, `invalid-value`).
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
        const message = dutchIssueMessage({ ...issue, keys: [key] });
        return { rule: issueRule(issue), file, line: located.lineOf(path), field: path.join('.'), message };
      });
    }
    return [
      {
        rule: issueRule(issue),
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
  if (!result.success) {
    throw new ContentError(zodProblems(result.error, located, file));
  }
  return { data: result.data, located };
}
