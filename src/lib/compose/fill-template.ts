import type { ClauseVariable, VariableValue } from '../schema/clause.ts';

/** School-wide values every clause body may use as `{{school.name}}` and `{{school.pupils}}`. */
export interface SchoolValues {
  /** The school's (or board's) name as the protocol writes it. */
  name: string;
  /** The word the school uses for its pupils: `leerlingen`, `deelnemers`, `studenten`. */
  pupils: string;
}

import { PLACEHOLDER, placeholdersOf } from '../schema/placeholders.ts';

export { placeholdersOf };

/** What a required value left empty reads as in a preview; `checkProtocol` refuses it (rule `missing-value`). */
export const EMPTY_VALUE = '[…]';

/**
 * Writes a value as it reads in a Dutch sentence: numbers as digits, lists as an enumeration
 * (`Facebook, X en Instagram`; with conjunction `of`: `… of …`; with `,`: commas only).
 */
export function formatValue(value: VariableValue, variable?: ClauseVariable): string {
  if (Array.isArray(value)) {
    const conj = variable?.type === 'list' ? variable.conjunction : 'en';
    if (conj === ',' || value.length < 2) return value.join(', ');
    return `${value.slice(0, -1).join(', ')} ${conj} ${value[value.length - 1]}`;
  }
  return String(value);
}

/** Raised by {@link fillTemplate} for a placeholder it cannot fill. */
export class TemplateError extends Error {
  constructor(
    /** The placeholder's name, e.g. `consentAge`. */
    readonly placeholder: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/**
 * Fills a clause body: each `{{name}}` becomes the value given in `values`, or the variable's default;
 * `{{school.name}}` and `{{school.pupils}}` come from `school`; `| cap` capitalises the first letter.
 * The result is plain text (the renderer escapes it).
 *
 * @param body clause body with placeholders.
 * @param variables the clause's declared variables (for defaults and list formatting).
 * @param values the values chosen for this article (may be partial).
 * @param school school-wide values.
 * @throws TemplateError when a placeholder names no declared variable.
 */
export function fillTemplate(
  body: string,
  variables: Record<string, ClauseVariable>,
  values: Record<string, VariableValue>,
  school: SchoolValues,
): string {
  return body.replace(PLACEHOLDER, (_m, name: string, filter?: string) => {
    let text: string;
    if (name.startsWith('school.')) {
      const key = name.slice('school.'.length) as keyof SchoolValues;
      if (!(key in school)) throw new TemplateError(name, `onbekende schoolwaarde \`{{${name}}}\`; gebruik {{school.name}} of {{school.pupils}}.`);
      text = school[key];
    } else {
      const variable = variables[name];
      if (!variable) throw new TemplateError(name, `\`{{${name}}}\` staat in de tekst, maar er is geen variabele \`${name}\`; voeg die toe onder \`variables\`.`);
      const value = values[name] ?? variable.default;
      text = value === undefined ? EMPTY_VALUE : formatValue(value, variable);
    }
    return filter === 'cap' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
