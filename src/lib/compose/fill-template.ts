import type { ClauseVariable, VariableValue } from '../schema/clause.ts';

import { isSchoolField, PLACEHOLDER, placeholdersOf, SCHOOL_FIELDS, type SchoolField } from '../schema/placeholders.ts';

export { placeholdersOf };

/** Every school detail a body can use, resolved to the text it reads as (see {@link SCHOOL_FIELDS}). */
export type SchoolValues = Record<SchoolField, string>;

/**
 * The school block as {@link schoolValues} reads it: a protocol's `school`, a reference model's `school`, or the
 * wizard's draft. Only `name` is needed; every other detail has a fallback.
 */
export interface SchoolDetails {
  name: string;
  nameInText?: string;
  board?: string;
  boardInText?: string;
  pupils?: string;
  pupil?: string;
  account?: string;
  contacts?: readonly { role: string; reporting?: boolean }[];
}

/**
 * The word for one pupil, made from the plural (`leerlingen` → `leerling`, `deelnemers` → `deelnemer`,
 * `studenten` → `student`, `kinderen` → `kind`); `leerling` when the plural does not end in `-en` or `-s`.
 */
export function singularPupil(pupils: string): string {
  const word = pupils.trim();
  // `kinderen` → `kind`: the old plural in -eren.
  if (/[^aeiou]eren$/i.test(word) && word.length > 6) return word.slice(0, -4);
  if (/[^aeiou]en$/i.test(word) && word.length > 4) {
    const stem = word.slice(0, -2);
    // `leerlingen` → `leerling`, `studenten` → `student`; a doubled consonant is undone (`klassen` → `klas`).
    return /([bdfgklmnprst])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  }
  if (/s$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return 'leerling';
}

/** Joins role names as a Dutch sentence does: `de a, de b of de c`. */
function reportingRoutes(contacts: SchoolDetails['contacts']): string {
  const roles = (contacts ?? []).filter((c) => c.reporting && c.role.trim()).map((c) => `de ${c.role.trim()}`);
  if (roles.length === 0) return 'de schoolleiding';
  return roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} of ${roles[roles.length - 1]}`;
}

/**
 * Resolves the school block to the text of each `{{school.…}}` placeholder, with these fallbacks:
 * `nameInText` → `name`; `boardInText` → `board` → `het bestuur`; `board` → `het bestuur`; `pupils` → `leerlingen`;
 * `pupil` → {@link singularPupil} of `pupils`; `account` → `nameInText` → `name`; `reporting` → the roles of the
 * contacts with `reporting: true` (`de groepsleerkracht of de vertrouwenspersoon`), or `de schoolleiding` when none.
 * An empty string counts as not given.
 */
export function schoolValues(school: SchoolDetails): SchoolValues {
  const given = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const name = given(school.name) ?? '';
  const nameInText = given(school.nameInText) ?? name;
  const pupils = given(school.pupils) ?? 'leerlingen';
  return {
    name,
    nameInText,
    board: given(school.board) ?? 'het bestuur',
    boardInText: given(school.boardInText) ?? given(school.board) ?? 'het bestuur',
    pupils,
    pupil: given(school.pupil) ?? singularPupil(pupils),
    account: given(school.account) ?? nameInText,
    reporting: reportingRoutes(school.contacts),
  };
}

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
 * `{{school.…}}` comes from the school block (resolved by {@link schoolValues}); a required value left empty reads
 * {@link EMPTY_VALUE}; `| cap` capitalises the first letter.
 * The result is plain text (the renderer escapes it).
 *
 * @param body clause body with placeholders.
 * @param variables the clause's declared variables (for defaults and list formatting).
 * @param values the values chosen for this article (may be partial).
 * @param school the school block's values, from {@link schoolValues}.
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
      const key = name.slice('school.'.length);
      if (!isSchoolField(key)) {
        const known = Object.keys(SCHOOL_FIELDS)
          .map((f) => `{{school.${f}}}`)
          .join(', ');
        throw new TemplateError(name, `onbekend schoolgegeven \`{{${name}}}\`; gebruik een van: ${known}.`);
      }
      text = school[key];
    } else {
      const variable = variables[name];
      if (!variable)
        throw new TemplateError(
          name,
          `\`{{${name}}}\` staat in de tekst, maar er is geen variabele \`${name}\`; voeg die toe onder \`variables\`.`,
        );
      const value = values[name] ?? variable.default;
      text = value === undefined ? EMPTY_VALUE : formatValue(value, variable);
    }
    return filter === 'cap' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
