/**
 * The form of a board's name used to match a school's `school.board` with a board file's `name`: Unicode NFC, white
 * space collapsed and trimmed, lower case. `Stichting  Voorbeeldscholen utrecht ` and
 * `Stichting Voorbeeldscholen Utrecht` are the same board; `Stichting Voorbeeldscholen` is another.
 *
 * @param name a board's name as written.
 * @returns the key; '' for a name of only white space.
 */
export function boardKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
}

/**
 * An address for a board that has no file of its own, made from its name: lower case, accents dropped, every run of
 * other characters one hyphen (`Vereniging OMO` → `vereniging-omo`). `bestuur` when nothing is left.
 *
 * @param name the board's name as a school writes it.
 */
export function boardSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'bestuur';
}
