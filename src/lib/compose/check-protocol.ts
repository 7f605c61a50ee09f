import type { Problem } from '../errors/content-error.ts';
import type { LocatedYaml } from '../yaml/parse-yaml.ts';
import type { ClauseVariable, VariableValue } from '../schema/clause.ts';
import { PROTOCOL_FORMAT, type Protocol } from '../schema/protocol.ts';
import type { Library } from './document.ts';

/** Levenshtein distance between two short strings (for "did you mean" suggestions). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A value as a message shows it: `1e400` is "een te groot getal", never `null` (review, failure 13). */
function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'een te groot getal';
  return JSON.stringify(value) ?? String(value);
}

/** The most a number variable may be when its clause sets no `max`: no count, age or term in a protocol is larger. */
export const DEFAULT_NUMBER_MAX = 1_000_000;

/**
 * The one message for a file written in a newer format than this code reads (rule `newer-format`), or undefined.
 * `parseProtocol` asks it before the schema (so a newer file's new fields do not drown it), `checkProtocol` after.
 */
export function newerFormatMessage(format: unknown, formatVersion = PROTOCOL_FORMAT): string | undefined {
  if (typeof format !== 'number' || !Number.isFinite(format) || format <= formatVersion) return undefined;
  return `dit bestand heeft formaat ${format}, maar deze versie van Protocolwijzer leest formaat ${formatVersion}. Werk Protocolwijzer bij.`;
}

/**
 * Says what is wrong with a value for a typed variable, or undefined when it fits. A number is a whole number
 * from the clause's `min` (default 0: no count, age or term is negative) to its `max` (default
 * {@link DEFAULT_NUMBER_MAX}); an age clause sets `max: 120`.
 */
export function variableValueProblem(variable: ClauseVariable, value: VariableValue): string | undefined {
  switch (variable.type) {
    case 'number': {
      if (typeof value === 'number' && !Number.isFinite(value))
        return `is te groot; vul een geheel getal in${variable.max !== undefined ? ` tot en met ${variable.max}` : ''}.`;
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `verwacht een geheel getal, maar kreeg ${shown(value)}.`;
      const min = variable.min ?? 0;
      const max = variable.max ?? DEFAULT_NUMBER_MAX;
      if (value < min) return `moet minstens ${min} zijn, maar is ${value}.`;
      if (value > max) return `mag hoogstens ${max} zijn, maar is ${value}.`;
      return undefined;
    }
    case 'list':
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !v.trim())) {
        return `verwacht een lijst met minstens één tekst, bijvoorbeeld [Instagram, TikTok], maar kreeg ${shown(value)}.`;
      }
      return undefined;
    case 'choice':
      if (typeof value !== 'string' || !variable.options.includes(value))
        return `kies uit: ${variable.options.map((o) => `"${o}"`).join(', ')}.`;
      return undefined;
    case 'email':
      if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
        return `verwacht een e-mailadres zoals naam@school.nl, maar kreeg ${shown(value)}.`;
      return undefined;
    default:
      if (typeof value !== 'string' || !value.trim()) return `verwacht een tekst, maar kreeg ${shown(value)}.`;
      return undefined;
  }
}

/**
 * Checks what a schema cannot: that a protocol fits the library. Every problem carries a rule id:
 * - `newer-format` a newer file format; `unknown-model` an unknown reference model;
 * - `unknown-clause` (with a suggestion); `duplicate-clause`, `duplicate-custom` the same article twice;
 * - `two-variants` two variants of one choice point;
 * - `unknown-variable`, `wrong-value` a value for no variable, or of the wrong type;
 * - `missing-value` a required variable left empty (the article's own text, an override, needs none);
 * - `override-custom`, `override-missing` an override for an own article or for an article not in the protocol;
 * - warnings (severity `warning`, they never stop a build): `requires-missing` a clause that leans on another
 *   (`requires`, "zoals hierboven") without it, `requires-after` with it only further on.
 * The composer never adds or moves articles on its own (the school's order is what the MR reviews); starting
 * points (sector defaults, model starts) keep such clauses together, and these warnings say where they are not.
 *
 * @param protocol the schema-valid protocol.
 * @param library clauses and choice points.
 * @param modelIds ids of the reference models.
 * @param file path for messages; `located` gives line numbers (optional: the wizard passes none).
 * @param formatVersion the file format this code reads (default {@link PROTOCOL_FORMAT}); a higher `format` is refused.
 * @returns every problem, in file order (warnings after errors of the same article); empty when sound.
 */
export function checkProtocol(
  protocol: Protocol,
  library: Library,
  modelIds: readonly string[],
  file: string,
  located?: LocatedYaml,
  formatVersion = PROTOCOL_FORMAT,
): Problem[] {
  const problems: Problem[] = [];
  const at = (rule: string, path: (string | number)[], message: string, severity?: 'warning') =>
    problems.push({
      file,
      line: located?.lineOf(path),
      field: path.join('.'),
      rule,
      ...(severity ? { severity } : {}),
      message,
    });

  const newer = newerFormatMessage(protocol.format, formatVersion);
  if (newer) at('newer-format', ['format'], newer);
  if (!modelIds.includes(protocol.startsFrom)) {
    at(
      'unknown-model',
      ['startsFrom'],
      `onbekend referentiemodel \`${protocol.startsFrom}\`. Kies uit: ${modelIds.join(', ')}.`,
    );
  }
  const seen = new Map<string, string>();
  const chosen = new Map<string, { variant: string; where: string; clause: string }>();
  // Position of every library clause in reading order, for `requires`.
  const order = new Map<string, number>();
  protocol.sections.forEach((section) =>
    section.articles.forEach((a) => 'clause' in a && !order.has(a.clause) && order.set(a.clause, order.size)),
  );
  protocol.sections.forEach((section, si) => {
    section.articles.forEach((article, ai) => {
      const path = ['sections', si, 'articles', ai];
      const where = `sectie ${si + 1} ("${section.title}"), artikel ${ai + 1}`;
      if ('custom' in article) {
        const key = `custom/${article.custom}`;
        if (seen.has(key))
          at(
            'duplicate-custom',
            [...path, 'custom'],
            `eigen artikel \`${article.custom}\` staat twee keer in het protocol (ook in ${seen.get(key)}). Geef elk eigen artikel een andere naam.`,
          );
        seen.set(key, where);
        return;
      }
      const clause = library.clauses.get(article.clause);
      if (!clause) {
        const slug = article.clause.split('/')[1] ?? '';
        const like = [...library.clauses.keys()].filter(
          (id) =>
            id.endsWith(`/${slug}`) ||
            editDistance(id, article.clause) <= 3 ||
            (slug.length >= 6 && id.split('/')[1]?.startsWith(slug.slice(0, 6))),
        );
        at(
          'unknown-clause',
          [...path, 'clause'],
          `bepaling \`${article.clause}\` bestaat niet in de bibliotheek.${like.length ? ` Bedoelde je ${like.map((l) => `\`${l}\``).join(' of ')}?` : ' Zie /bibliotheek/ voor de bepalingen.'}`,
        );
        return;
      }
      if (seen.has(article.clause)) {
        at(
          'duplicate-clause',
          [...path, 'clause'],
          `bepaling \`${article.clause}\` staat twee keer in het protocol (ook in ${seen.get(article.clause)}). Haal er één weg.`,
        );
      }
      seen.set(article.clause, where);
      if (clause.choicePoint && clause.variant) {
        const earlier = chosen.get(clause.choicePoint);
        if (earlier && earlier.variant !== clause.variant) {
          at(
            'two-variants',
            [...path, 'clause'],
            `keuzepunt \`${clause.choicePoint}\` is al geregeld door \`${earlier.clause}\` (${earlier.where}); \`${article.clause}\` is een andere variant. Kies één van beide.`,
          );
        } else chosen.set(clause.choicePoint, { variant: clause.variant, where, clause: article.clause });
      }
      for (const [name, value] of Object.entries(article.values)) {
        // Own names only: `constructor` or `toString` must not find Object.prototype (review, failure 13).
        const variable = Object.hasOwn(clause.variables, name) ? clause.variables[name] : undefined;
        if (!variable) {
          const known = Object.keys(clause.variables);
          at(
            'unknown-variable',
            [...path, 'values', name],
            `bepaling \`${article.clause}\` heeft geen variabele \`${name}\`.${known.length ? ` Wel: ${known.join(', ')}.` : ' Ze heeft geen variabelen.'}`,
          );
          continue;
        }
        if (variable.required && isEmpty(value)) continue; // reported once, as missing-value below
        const wrong = variableValueProblem(variable, value);
        if (wrong) at('wrong-value', [...path, 'values', name], wrong);
      }
      const ownText = protocol.overrides[article.clause] !== undefined;
      for (const [name, variable] of Object.entries(clause.variables)) {
        if (variable.required && !ownText && (!(name in article.values) || isEmpty(article.values[name]!))) {
          at(
            'missing-value',
            name in article.values ? [...path, 'values', name] : [...path, 'values'],
            `${where} ("${clause.title}", \`${article.clause}\`) vraagt om \`${name}\` (${variable.label}). Elke school vult die zelf in; zet de waarde onder \`values\`.`,
          );
        }
      }
      for (const needed of clause.requires) {
        const mine = order.get(article.clause)!;
        const theirs = order.get(needed);
        const title = library.clauses.get(needed)?.title ?? needed;
        if (theirs === undefined) {
          at(
            'requires-missing',
            [...path, 'clause'],
            `\`${article.clause}\` ("${clause.title}") bouwt voort op \`${needed}\` ("${title}"), maar die staat niet in het protocol. Zet die bepaling ervóór, of kies een bepaling die op zichzelf staat.`,
            'warning',
          );
        } else if (theirs > mine) {
          at(
            'requires-after',
            [...path, 'clause'],
            `\`${article.clause}\` ("${clause.title}") bouwt voort op \`${needed}\` ("${title}"), maar die staat er pas na. Zet \`${needed}\` ervóór.`,
            'warning',
          );
        }
      }
    });
  });
  for (const key of Object.keys(protocol.overrides)) {
    if (key.startsWith('custom/')) {
      at(
        'override-custom',
        ['overrides', key],
        `\`${key}\` is een eigen artikel; zet de tekst in het artikel zelf (onder \`text\`) in plaats van bij \`overrides\`.`,
      );
    } else if (!seen.has(key))
      at(
        'override-missing',
        ['overrides', key],
        `er is een eigen tekst voor \`${key}\`, maar die bepaling staat niet in het protocol. Voeg haar toe aan een sectie of haal de eigen tekst weg.`,
      );
  }
  return problems;
}

/** True for a value that says nothing: an empty or blank text, or an empty list. */
function isEmpty(value: VariableValue): boolean {
  return Array.isArray(value) ? value.every((v) => !v.trim()) : typeof value === 'string' && !value.trim();
}

/** Only the problems that stop a build or an export (severity `error`, the default). */
export function errorsOnly(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => (p.severity ?? 'error') === 'error');
}
