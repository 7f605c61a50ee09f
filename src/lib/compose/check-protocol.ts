import type { Problem } from '../errors/content-error.ts';
import type { LocatedYaml } from '../errors/parse-yaml.ts';
import type { ClauseVariable, VariableValue } from '../schema/clause.ts';
import { PROTOCOL_FORMAT, type Protocol } from '../schema/protocol.ts';
import type { Library } from './document.ts';

/** Levenshtein distance between two short strings (for "did you mean" suggestions). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Says what is wrong with a value for a typed variable, or undefined when it fits. */
export function variableValueProblem(variable: ClauseVariable, value: VariableValue): string | undefined {
  switch (variable.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `verwacht een geheel getal, maar kreeg ${JSON.stringify(value)}.`;
      if (variable.min !== undefined && value < variable.min) return `moet minstens ${variable.min} zijn.`;
      if (variable.max !== undefined && value > variable.max) return `mag hoogstens ${variable.max} zijn.`;
      return undefined;
    case 'list':
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !v.trim())) {
        return `verwacht een lijst met minstens één tekst, bijvoorbeeld [Instagram, TikTok], maar kreeg ${JSON.stringify(value)}.`;
      }
      return undefined;
    case 'choice':
      if (typeof value !== 'string' || !variable.options.includes(value)) return `kies uit: ${variable.options.map((o) => `"${o}"`).join(', ')}.`;
      return undefined;
    case 'email':
      if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `verwacht een e-mailadres zoals naam@school.nl, maar kreeg ${JSON.stringify(value)}.`;
      return undefined;
    default:
      if (typeof value !== 'string' || !value.trim()) return `verwacht een tekst, maar kreeg ${JSON.stringify(value)}.`;
      return undefined;
  }
}

/**
 * The one check of a protocol file's `format`: a file written by a newer Protocolwijzer (`format` above
 * {@link PROTOCOL_FORMAT}) is refused with the advice to update, before its fields are read. Used by
 * {@link parseProtocol} (before the schema, so a newer file gets this one message instead of unknown fields) and by
 * {@link checkProtocol}.
 *
 * @param format the file's `format` value (anything: the schema has not run yet).
 * @param file path for the message; `line` the line of `format`, when known.
 * @returns the problem (rule `newer-format`), or undefined when this version reads the file.
 */
export function newerFormatProblem(format: unknown, file: string, line?: number): Problem | undefined {
  if (typeof format !== 'number' || format <= PROTOCOL_FORMAT) return undefined;
  const message = `dit bestand heeft formaat ${format}, maar deze versie van Protocolwijzer leest formaat ${PROTOCOL_FORMAT}. Werk Protocolwijzer bij.`;
  return { rule: 'newer-format', file, line, field: 'format', message };
}

/**
 * Checks what a schema cannot: that a protocol fits the library. Problems found:
 * a newer file format; an unknown reference model; an unknown clause (with a suggestion); the same clause
 * or custom id twice; two variants of one choice point; an unknown, missing required, or wrongly typed
 * variable value; an override for a clause that is not in the protocol.
 *
 * @param protocol the schema-valid protocol.
 * @param library clauses and choice points.
 * @param modelIds ids of the reference models.
 * @param file path for messages; `located` gives line numbers (optional: the wizard passes none).
 * @returns every problem, in file order, each with its rule id; empty when the protocol is sound.
 */
export function checkProtocol(
  protocol: Protocol,
  library: Library,
  modelIds: readonly string[],
  file: string,
  located?: LocatedYaml,
): Problem[] {
  const problems: Problem[] = [];
  const at = (rule: string, path: (string | number)[], message: string) =>
    problems.push({ rule, file, line: located?.lineOf(path), field: path.join('.'), message });

  const newer = newerFormatProblem(protocol.format, file, located?.lineOf(['format']));
  if (newer) problems.push(newer);
  if (!modelIds.includes(protocol.startsFrom)) {
    at('unknown-model', ['startsFrom'], `onbekend referentiemodel \`${protocol.startsFrom}\`. Kies uit: ${modelIds.join(', ')}.`);
  }
  const seen = new Map<string, string>();
  const chosen = new Map<string, { variant: string; where: string; clause: string }>();
  protocol.sections.forEach((section, si) => {
    section.articles.forEach((article, ai) => {
      const path = ['sections', si, 'articles', ai];
      const where = `sectie ${si + 1} ("${section.title}"), artikel ${ai + 1}`;
      if ('custom' in article) {
        const key = `custom/${article.custom}`;
        if (seen.has(key)) at('duplicate-custom', [...path, 'custom'], `eigen artikel \`${article.custom}\` staat twee keer in het protocol (ook in ${seen.get(key)}). Geef elk eigen artikel een andere naam.`);
        seen.set(key, where);
        return;
      }
      const clause = library.clauses.get(article.clause);
      if (!clause) {
        const slug = article.clause.split('/')[1] ?? '';
        const like = [...library.clauses.keys()].filter(
          (id) => id.endsWith(`/${slug}`) || editDistance(id, article.clause) <= 3 || (slug.length >= 6 && id.split('/')[1]?.startsWith(slug.slice(0, 6))),
        );
        at('unknown-clause', [...path, 'clause'], `bepaling \`${article.clause}\` bestaat niet in de bibliotheek.${like.length ? ` Bedoelde je ${like.map((l) => `\`${l}\``).join(' of ')}?` : ' Zie /bibliotheek/ voor de bepalingen.'}`);
        return;
      }
      if (seen.has(article.clause)) {
        at('duplicate-clause', [...path, 'clause'], `bepaling \`${article.clause}\` staat twee keer in het protocol (ook in ${seen.get(article.clause)}). Haal er één weg.`);
      }
      seen.set(article.clause, where);
      if (clause.choicePoint && clause.variant) {
        const earlier = chosen.get(clause.choicePoint);
        if (earlier && earlier.variant !== clause.variant) {
          at(
            'contradicting-variants',
            [...path, 'clause'],
            `keuzepunt \`${clause.choicePoint}\` is al geregeld door \`${earlier.clause}\` (${earlier.where}); \`${article.clause}\` is een andere variant. Kies één van beide.`,
          );
        } else chosen.set(clause.choicePoint, { variant: clause.variant, where, clause: article.clause });
      }
      for (const [name, value] of Object.entries(article.values)) {
        const variable = clause.variables[name];
        if (!variable) {
          const known = Object.keys(clause.variables);
          at('unknown-variable', [...path, 'values', name], `bepaling \`${article.clause}\` heeft geen variabele \`${name}\`.${known.length ? ` Wel: ${known.join(', ')}.` : ' Ze heeft geen variabelen.'}`);
          continue;
        }
        const wrong = variableValueProblem(variable, value);
        if (wrong) at('invalid-variable-value', [...path, 'values', name], wrong);
      }
      for (const [name, variable] of Object.entries(clause.variables)) {
        if (variable.required && !(name in article.values)) {
          at('missing-value', [...path, 'values'], `bepaling \`${article.clause}\` vraagt om \`${name}\` (${variable.label}). Vul die in onder \`values\`.`);
        }
      }
    });
  });
  for (const key of Object.keys(protocol.overrides)) {
    if (key.startsWith('custom/')) {
      at('custom-override', ['overrides', key], `\`${key}\` is een eigen artikel; zet de tekst in het artikel zelf (onder \`text\`) in plaats van bij \`overrides\`.`);
    } else if (!seen.has(key)) at('override-without-clause', ['overrides', key], `er is een eigen tekst voor \`${key}\`, maar die bepaling staat niet in het protocol. Voeg haar toe aan een sectie of haal de eigen tekst weg.`);
  }
  return problems;
}
