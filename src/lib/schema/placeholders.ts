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

/**
 * The school details a clause body may use as `{{school.<field>}}`, each from the protocol's `school` block
 * (`SchoolSchema` in `protocol.ts`), with what it reads as:
 */
export const SCHOOL_FIELDS = {
  name: 'de naam zoals titel en voorblad die drukken: `Basisschool De Linde`',
  nameInText: 'de school zoals een zin haar noemt, met lidwoord als dat hoort: `De Linde`, `het Mill Hill College`',
  board: 'het bestuur zoals het gedrukt wordt: `Stichting Voorbeeldscholen Utrecht`',
  boardInText: 'het bestuur zoals een zin het noemt: `de stichting Voorbeeldscholen`; zonder bestuur `het bestuur`',
  pupils: 'het woord voor leerlingen: `leerlingen`, `deelnemers`, `studenten`',
  pupil: 'hetzelfde woord voor één leerling: `leerling`, `deelnemer`, `student`',
  account: 'de naam van het account van de school op sociale media',
  reporting: 'de meldroutes van de school: `de groepsleerkracht, de intern begeleider of de vertrouwenspersoon`',
} as const;

/** A field name usable as `{{school.<field>}}`. */
export type SchoolField = keyof typeof SCHOOL_FIELDS;

/** True when `name` (without `school.`) is a school detail a body may use. */
export function isSchoolField(name: string): name is SchoolField {
  return Object.hasOwn(SCHOOL_FIELDS, name);
}
