import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { parseClauseFile } from '../../src/lib/schema/parse-clause.ts';
import { ROOT } from '../../src/node/paths.ts';

/** Parses `tests/fixtures/clauses/<fault>.md` as clause `id` and returns the ContentError it must raise. */
function errorFor(fault: string, id: string): ContentError {
  const file = `tests/fixtures/clauses/${fault}.md`;
  try {
    parseClauseFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), id, file);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted, but it should be refused`);
}

describe('parseClauseFile', () => {
  test('reads a library clause: its id, frontmatter, defaults and body', () => {
    const file = 'content/clauses/all-users/beeld-schriftelijke-toestemming.md';
    const clause = parseClauseFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), 'all-users/beeld-schriftelijke-toestemming', file);
    expect(clause.id).toBe('all-users/beeld-schriftelijke-toestemming');
    expect(clause.file).toBe(file);
    expect(clause.choicePoint).toBe('image-consent');
    expect(clause.variant).toBe('opt-in-written');
    expect(clause.variables.consentAge).toMatchObject({ type: 'number', default: 16, required: false });
    expect(clause.sources).toEqual([{ model: 'hoeksche-2020', article: 'A5', values: { consentAge: 16 }, wording: 'template' }]);
    expect(clause.body).toBe(
      'De school vraagt aantoonbaar schriftelijke toestemming aan medewerkers, ouders/verzorgers of aan {{school.pupils}} ouder dan {{consentAge}} jaar om foto-, film- en geluidsopnamen van aan school gerelateerde situaties, waarop zij zijn afgebeeld, op de school- en/of persoonlijke sociale media te zetten.',
    );
  });

  test('refuses a misspelt field at its own line, and reports the field it should have been as missing', () => {
    expect(errorFor('unknown-field', 'all-users/respect').message).toBe(
      [
        'tests/fixtures/clauses/unknown-field.md:2: summary: ontbreekt. Vul dit veld in (verwacht: tekst).',
        'tests/fixtures/clauses/unknown-field.md:6: sumary: onbekend veld `sumary`. Controleer de spelling of verwijder het.',
      ].join('\n'),
    );
  });

  test('refuses a placeholder in the body that names no variable, at the body\'s line', () => {
    expect(errorFor('placeholder-without-variable', 'reporting/melden').message).toBe(
      'tests/fixtures/clauses/placeholder-without-variable.md:16: `{{reportEmail}}` staat in de tekst, maar er is geen variabele `reportEmail`. Voeg die toe onder `variables`.',
    );
  });

  test('refuses a clause whose section is not its folder', () => {
    expect(errorFor('placeholder-without-variable', 'measures/melden').problems[0]).toEqual({
      rule: 'section-folder-mismatch',
      file: 'tests/fixtures/clauses/placeholder-without-variable.md',
      line: 3,
      field: 'section',
      message: 'is `reporting`, maar het bestand staat in de map `measures`. Verplaats het bestand of pas `section` aan.',
    });
  });

  test('refuses a file without frontmatter', () => {
    expect(() => parseClauseFile('Alle betrokkenen nemen de fatsoensnormen in acht.\n', 'all-users/respect', 'content/clauses/all-users/respect.md')).toThrow(
      'content/clauses/all-users/respect.md:1: het bestand begint niet met frontmatter tussen twee regels `---`.',
    );
  });
});
