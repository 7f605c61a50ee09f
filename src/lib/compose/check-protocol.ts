import type { Problem } from '../errors/content-error.ts';
import type { LocatedYaml } from '../yaml/parse-yaml.ts';
import type { ClauseVariable, VariableValue } from '../schema/clause.ts';
import type { Protocol } from '../schema/protocol.ts';
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

/** A value as a message shows it: `1e400` is "een te groot getal", never `null` (review, failure 13). */
function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'een te groot getal';
  return JSON.stringify(value) ?? String(value);
}

/** The most a number variable may be when its clause sets no `max`: no count, age or term in a protocol is larger. */
export const DEFAULT_NUMBER_MAX = 1_000_000;

/**
 * Says what is wrong with a value for a typed variable, or undefined when it fits. A number is a whole number
 * from the clause's `min` (default 0: no count, age or term is negative) to its `max` (default
 * {@link DEFAULT_NUMBER_MAX}); an age clause sets `max: 120`.
 */
export function variableValueProblem(variable: ClauseVariable, value: VariableValue): string | undefined {
  switch (variable.type) {
    case 'number': {
      if (typeof value === 'number' && !Number.isFinite(value)) return `is te groot; vul een geheel getal in${variable.max !== undefined ? ` tot en met ${variable.max}` : ''}.`;
      if (typeof value !== 'number' || !Number.isInteger(value)) return `verwacht een geheel getal, maar kreeg ${shown(value)}.`;
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
      if (typeof value !== 'string' || !variable.options.includes(value)) return `kies uit: ${variable.options.map((o) => `"${o}"`).join(', ')}.`;
      return undefined;
    case 'email':
      if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `verwacht een e-mailadres zoals naam@school.nl, maar kreeg ${shown(value)}.`;
      return undefined;
    default:
      if (typeof value !== 'string' || !value.trim()) return `verwacht een tekst, maar kreeg ${shown(value)}.`;
      return undefined;
  }
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
 * @param formatVersion the file format this code reads (default 1); a higher `format` is refused.
 * @returns every problem, in file order; empty when the protocol is sound.
 */
export function checkProtocol(
  protocol: Protocol,
  library: Library,
  modelIds: readonly string[],
  file: string,
  located?: LocatedYaml,
  formatVersion = 1,
): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, rule: string) =>
    problems.push({ rule, file, line: located?.lineOf(path), field: path.join('.'), message });

  if (protocol.format > formatVersion) {
    at(['format'], `dit bestand heeft formaat ${protocol.format}, maar deze versie van Protocolwijzer leest formaat ${formatVersion}. Werk Protocolwijzer bij.`, 'format');
  }
  if (!modelIds.includes(protocol.startsFrom)) {
    at(['startsFrom'], `onbekend referentiemodel \`${protocol.startsFrom}\`. Kies uit: ${modelIds.join(', ')}.`, 'unknown-model');
  }
  const seen = new Map<string, string>();
  const chosen = new Map<string, { variant: string; where: string; clause: string }>();
  protocol.sections.forEach((section, si) => {
    section.articles.forEach((article, ai) => {
      const path = ['sections', si, 'articles', ai];
      const where = `sectie ${si + 1} ("${section.title}"), artikel ${ai + 1}`;
      if ('custom' in article) {
        const key = `custom/${article.custom}`;
        if (seen.has(key)) at([...path, 'custom'], `eigen artikel \`${article.custom}\` staat twee keer in het protocol (ook in ${seen.get(key)}). Geef elk eigen artikel een andere naam.`, 'duplicate-article');
        seen.set(key, where);
        return;
      }
      const clause = library.clauses.get(article.clause);
      if (!clause) {
        const slug = article.clause.split('/')[1] ?? '';
        const like = [...library.clauses.keys()].filter(
          (id) => id.endsWith(`/${slug}`) || editDistance(id, article.clause) <= 3 || (slug.length >= 6 && id.split('/')[1]?.startsWith(slug.slice(0, 6))),
        );
        at([...path, 'clause'], `bepaling \`${article.clause}\` bestaat niet in de bibliotheek.${like.length ? ` Bedoelde je ${like.map((l) => `\`${l}\``).join(' of ')}?` : ' Zie /bibliotheek/ voor de bepalingen.'}`, 'unknown-clause');
        return;
      }
      if (seen.has(article.clause)) {
        at([...path, 'clause'], `bepaling \`${article.clause}\` staat twee keer in het protocol (ook in ${seen.get(article.clause)}). Haal er één weg.`, 'duplicate-article');
      }
      seen.set(article.clause, where);
      if (clause.choicePoint && clause.variant) {
        const earlier = chosen.get(clause.choicePoint);
        if (earlier && earlier.variant !== clause.variant) {
          at(
            [...path, 'clause'],
            `keuzepunt \`${clause.choicePoint}\` is al geregeld door \`${earlier.clause}\` (${earlier.where}); \`${article.clause}\` is een andere variant. Kies één van beide.`,
            'two-variants',
          );
        } else chosen.set(clause.choicePoint, { variant: clause.variant, where, clause: article.clause });
      }
      for (const [name, value] of Object.entries(article.values)) {
        // Own names only: `constructor` or `toString` must not find Object.prototype (review, failure 13).
        const variable = Object.hasOwn(clause.variables, name) ? clause.variables[name] : undefined;
        if (!variable) {
          const known = Object.keys(clause.variables);
          at([...path, 'values', name], `bepaling \`${article.clause}\` heeft geen variabele \`${name}\`.${known.length ? ` Wel: ${known.join(', ')}.` : ' Ze heeft geen variabelen.'}`, 'unknown-variable');
          continue;
        }
        const wrong = variableValueProblem(variable, value);
        if (wrong) at([...path, 'values', name], wrong, 'invalid-value');
      }
      for (const [name, variable] of Object.entries(clause.variables)) {
        if (variable.required && !(name in article.values)) {
          at([...path, 'values'], `bepaling \`${article.clause}\` vraagt om \`${name}\` (${variable.label}). Vul die in onder \`values\`.`, 'missing-value');
        }
      }
    });
  });
  for (const key of Object.keys(protocol.overrides)) {
    if (key.startsWith('custom/')) {
      at(['overrides', key], `\`${key}\` is een eigen artikel; zet de tekst in het artikel zelf (onder \`text\`) in plaats van bij \`overrides\`.`, 'override-custom-article');
    } else if (!seen.has(key)) at(['overrides', key], `er is een eigen tekst voor \`${key}\`, maar die bepaling staat niet in het protocol. Voeg haar toe aan een sectie of haal de eigen tekst weg.`, 'override-missing-article');
  }
  return problems;
}
