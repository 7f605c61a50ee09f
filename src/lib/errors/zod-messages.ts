import type { z } from 'astro/zod';

/**
 * A Dutch message for one zod issue: what was wrong, and how to fix it.
 * Custom messages (set in the schemas) are used as they are.
 */
export function dutchIssueMessage(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return `ontbreekt. Vul dit veld in (verwacht: ${typeName(issue.expected)}).`;
      return `verwacht ${typeName(issue.expected)}, maar kreeg ${typeName(issue.received)}.`;
    case 'unrecognized_keys':
      return `onbekend veld ${issue.keys.map((k) => `\`${k}\``).join(', ')}. Controleer de spelling of verwijder het.`;
    case 'invalid_enum_value':
      return `\`${String(issue.received)}\` is geen geldige waarde. Kies uit: ${issue.options.map(String).join(', ')}.`;
    case 'too_small':
      return issue.type === 'array'
        ? `moet minstens ${issue.minimum} element(en) bevatten.`
        : issue.type === 'string'
          ? 'mag niet leeg zijn.'
          : issue.inclusive
            ? `moet minstens ${String(issue.minimum)} zijn.`
            : `moet groter dan ${String(issue.minimum)} zijn.`;
    case 'too_big':
      if (issue.type === 'string') return `is te lang: hoogstens ${String(issue.maximum)} tekens. Kort de tekst in.`;
      if (issue.type === 'array') return `mag hoogstens ${String(issue.maximum)} element(en) bevatten.`;
      return issue.inclusive
        ? `mag hoogstens ${String(issue.maximum)} zijn.`
        : `moet kleiner dan ${String(issue.maximum)} zijn.`;
    case 'invalid_union':
      return 'heeft niet de juiste vorm. Vergelijk met een voorbeeld in de README.';
    default:
      return issue.message;
  }
}

/**
 * The rule id of a schema issue (see {@link Problem.rule}): `unknown-field` for a key the schema does not know,
 * `missing-field` for a required field left out, `invalid-value` for anything else.
 */
export function issueRule(issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown-field';
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'missing-field';
  return 'invalid-value';
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'getal',
    integer: 'geheel getal',
    boolean: 'ja/nee (true/false)',
    array: 'lijst',
    object: 'veldenlijst',
    undefined: 'niets',
    null: 'leeg (null)',
    date: 'datum',
  };
  return names[t] ?? t;
}
