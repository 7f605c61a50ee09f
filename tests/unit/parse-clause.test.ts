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
  test('reads a clause: its id, frontmatter, defaults and body', () => {
    const file = 'tests/fixtures/clauses/number-variable.md';
    const clause = parseClauseFile(
      fs.readFileSync(path.join(ROOT, file), 'utf8'),
      'all-users/beeld-schriftelijke-toestemming',
      file,
    );
    expect(clause.id).toBe('all-users/beeld-schriftelijke-toestemming');
    expect(clause.file).toBe(file);
    expect(clause.choicePoint).toBe('image-consent');
    expect(clause.variant).toBe('opt-in-written');
    expect(clause.variables.consentAge).toMatchObject({ type: 'number', default: 16, required: false });
    expect(clause.sources).toEqual([{ model: 'hoeksche-2020', article: 'A5', values: {}, wording: 'own' }]);
    expect(clause.body).toBe(
      'De school vraagt schriftelijke toestemming voordat beeldmateriaal online komt; vanaf {{consentAge}} jaar geeft de leerling die zelf.',
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

  test("refuses a placeholder in the body that names no variable, at the body's line", () => {
    expect(errorFor('placeholder-without-variable', 'reporting/melden').message).toBe(
      'tests/fixtures/clauses/placeholder-without-variable.md:16: `{{reportEmail}}` staat in de tekst, maar er is geen variabele `reportEmail`. Voeg die toe onder `variables`.',
    );
  });

  test('refuses a clause whose section is not its folder', () => {
    expect(errorFor('placeholder-without-variable', 'measures/melden').problems[0]).toEqual({
      file: 'tests/fixtures/clauses/placeholder-without-variable.md',
      line: 3,
      field: 'section',
      rule: 'section-folder',
      message:
        'is `reporting`, maar het bestand staat in de map `measures`. Verplaats het bestand of pas `section` aan.',
    });
  });

  test('refuses a file without frontmatter', () => {
    expect(() =>
      parseClauseFile(
        'Alle betrokkenen nemen de fatsoensnormen in acht.\n',
        'all-users/respect',
        'content/clauses/all-users/respect.md',
      ),
    ).toThrow(
      'content/clauses/all-users/respect.md:1: het bestand begint niet met frontmatter tussen twee regels `---`.',
    );
  });

  test('reads a clause that rests on law instead of a model: basis, requires, and no sources', () => {
    const file = 'tests/fixtures/clauses/basis-only.md';
    const clause = parseClauseFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), 'all-users/beeld-onder-16', file);
    expect(clause.sources).toEqual([]);
    expect(clause.basis).toEqual([
      {
        title: 'Uitvoeringswet Algemene verordening gegevensbescherming, artikel 5',
        publisher: 'Overheid.nl (wetten.overheid.nl)',
        url: 'https://wetten.overheid.nl/BWBR0040940',
        date: '2018-05-25',
        supports: 'Onder de 16 jaar geven ouders of verzorgers toestemming; vanaf 16 jaar de leerling zelf.',
      },
    ]);
    expect(clause.requires).toEqual(['all-users/respect']);
  });

  test('refuses a clause with neither a model source nor a basis', () => {
    expect(errorFor('no-source-no-basis', 'all-users/respect').problems).toEqual([
      {
        file: 'tests/fixtures/clauses/no-source-no-basis.md',
        line: 2,
        field: 'sources',
        rule: 'invalid-value',
        message:
          'een bepaling heeft minstens één bron (`sources`: een artikel uit een referentiemodel) of één grondslag (`basis`: wet of richtlijn met titel, uitgever, url, datum en wat ze onderbouwt) nodig.',
      },
    ]);
  });

  test("refuses `wording: edited` without the edits that say what differs, at the source's line", () => {
    const problem = errorFor('edited-without-edits', 'introduction/vertrouwen').problems[0]!;
    expect(problem).toMatchObject({ line: 7, field: 'sources.0.edits', rule: 'invalid-value' });
    expect(problem.message).toMatch(/^`wording: edited` vraagt om `edits`/);
  });
});

describe('choice optionLabels', () => {
  const clause = (optionLabels: string) => `---
title: Wie er medewerker is
section: definitions-scope
audiences: [staff]
sectors: [po]
summary: Ook vrijwilligers zijn medewerkers.
sources:
  - { model: hoeksche-2020, article: D2, wording: own }
variables:
  withinBoard:
    type: choice
    label: Geldt het protocol voor een bestuur met meerdere scholen?
    options: ['(een school binnen) ', '']
    optionLabels: ${optionLabels}
    default: ''
---
Verbonden aan {{withinBoard}}{{school.name}}.
`;

  test('gives the wizard an answer for an option that is a piece of the sentence', () => {
    const parsed = parseClauseFile(
      clause(`{ '': 'Nee, voor één school' }`),
      'definitions-scope/x',
      'content/clauses/definitions-scope/x.md',
    );
    const v = parsed.variables.withinBoard!;
    expect(v.type === 'choice' && v.optionLabels).toEqual({ '': 'Nee, voor één school' });
  });

  test('refuses a label for an option the clause does not have, saying which', () => {
    expect(() =>
      parseClauseFile(
        clause(`{ 'een school': 'Ja' }`),
        'definitions-scope/x',
        'content/clauses/definitions-scope/x.md',
      ),
    ).toThrow(/`een school` staat niet in options/);
  });
});
