import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';

let library: Library;
let modelIds: string[];
beforeAll(() => {
  library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  modelIds = [...loadReferenceModels().keys()];
});

/** Parses `tests/fixtures/protocols/<fault>.yaml` and returns the ContentError it must raise. */
function errorFor(fault: string): ContentError {
  const file = `tests/fixtures/protocols/${fault}.yaml`;
  try {
    parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted, but it should be refused`);
}

describe('parseProtocol', () => {
  test('reads the demo school, keeping its values and its own text', () => {
    const file = 'content/protocols/de-linde.yaml';
    const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
    expect(protocol.school.name).toBe('Basisschool De Linde');
    expect(protocol.startsFrom).toBe('scope-2012');
    // The current file is the draft of version 2.0; its adopted predecessor is de-linde/1.0.yaml.
    expect(protocol.version).toBe('2.0');
    expect(protocol.adoption).toBeUndefined();
    expect(protocol.sections[3]!.articles[4]).toEqual({ clause: 'all-users/beeld-schriftelijke-toestemming', values: { consentAge: 16 } });
    expect(Object.keys(protocol.overrides)).toEqual(['measures/gesprek']);
    expect(Object.keys(protocol.reasons)).toEqual([
      'devices/telefoon-in-tas',
      'reporting/iedereen-meldt',
      'measures/gesprek',
      'all-users/kennis-delen',
      'custom/groepsapps-ouders',
    ]);
    expect(protocol.school.documents).toEqual([
      { title: 'Anti-pestprotocol', url: 'https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf' },
      { title: 'Privacyreglement (op te vragen bij de directie)' },
    ]);
  });

  test('refuses a document address that is not http(s), at its line, saying how to write it', () => {
    expect(errorFor('javascript-document-url').message).toBe(
      'tests/fixtures/protocols/javascript-document-url.yaml:10: school.documents.1.url: geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.',
    );
  });

  test('reads an earlier adopted version with its adoption and the MR consent', () => {
    const file = 'content/protocols/de-linde/1.0.yaml';
    const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
    expect(protocol.version).toBe('1.0');
    expect(protocol.adoption).toEqual({
      by: 'het bestuur van Stichting Voorbeeldscholen Utrecht',
      date: '2023-06-19',
      consent: [{ body: 'medezeggenschapsraad', date: '2023-06-12', outcome: 'ingestemd' }],
    });
  });

  test('refuses invalid YAML with the line and how to fix it', () => {
    expect(errorFor('bad-yaml').message).toBe(
      'tests/fixtures/protocols/bad-yaml.yaml:9: ongeldige YAML: na de dubbele punt staat nog een `naam:`. Zet tekst met een dubbele punt tussen aanhalingstekens, of begin een nieuwe, ingesprongen regel.',
    );
  });

  test('refuses a clause that is not in the library and suggests the ones that look like it', () => {
    expect(errorFor('unknown-clause').message).toBe(
      'tests/fixtures/protocols/unknown-clause.yaml:12: sections.0.articles.1.clause: bepaling `all-users/twijfel-leidinggevende` bestaat niet in de bibliotheek. Bedoelde je `introduction/twijfel-overleg` of `staff-at-work/twijfel-leidinggevende`?',
    );
  });

  test('refuses a clause without its required variable, naming the variable and its question', () => {
    const error = errorFor('missing-variable');
    expect(error.message).toBe(
      'tests/fixtures/protocols/missing-variable.yaml:12: sections.0.articles.0.values: bepaling `reporting/melden-aangeboden-informatie` vraagt om `reportEmail` (Op welk e-mailadres kan iemand dit ook melden?). Vul die in onder `values`.',
    );
    expect(error.problems).toEqual([
      {
        rule: 'missing-value',
        file: 'tests/fixtures/protocols/missing-variable.yaml',
        line: 12,
        field: 'sections.0.articles.0.values',
        message:
          'bepaling `reporting/melden-aangeboden-informatie` vraagt om `reportEmail` (Op welk e-mailadres kan iemand dit ook melden?). Vul die in onder `values`.',
      },
    ]);
  });

  test('refuses text where a number variable needs a whole number', () => {
    expect(errorFor('wrong-variable-type').message).toBe(
      'tests/fixtures/protocols/wrong-variable-type.yaml:13: sections.0.articles.0.values.consentAge: verwacht een geheel getal, maar kreeg "16".',
    );
  });

  test('refuses the same clause twice, pointing at the second and naming the first', () => {
    expect(errorFor('duplicate-clause').message).toBe(
      'tests/fixtures/protocols/duplicate-clause.yaml:16: sections.1.articles.1.clause: bepaling `all-users/persoonlijk-verantwoordelijk` staat twee keer in het protocol (ook in sectie 1 ("Voor iedereen"), artikel 1). Haal er één weg.',
    );
  });

  test('refuses two variants of one choice point', () => {
    expect(errorFor('two-variants').message).toBe(
      'tests/fixtures/protocols/two-variants.yaml:13: sections.0.articles.2.clause: keuzepunt `image-consent` is al geregeld door `all-users/beeld-bezwaar` (sectie 1 ("Voor iedereen"), artikel 1); `all-users/beeld-schriftelijke-toestemming` is een andere variant. Kies één van beide.',
    );
  });

  test('refuses an own text for a clause that the protocol does not include', () => {
    expect(errorFor('override-missing-article').message).toBe(
      'tests/fixtures/protocols/override-missing-article.yaml:14: overrides.measures/gesprek: er is een eigen tekst voor `measures/gesprek`, maar die bepaling staat niet in het protocol. Voeg haar toe aan een sectie of haal de eigen tekst weg.',
    );
  });

  test('refuses an own text under overrides for a custom article, and says where the text belongs', () => {
    expect(errorFor('override-custom-article').message).toBe(
      'tests/fixtures/protocols/override-custom-article.yaml:15: overrides.custom/groepsapps-ouders: `custom/groepsapps-ouders` is een eigen artikel; zet de tekst in het artikel zelf (onder `text`) in plaats van bij `overrides`.',
    );
  });

  test('suggests the clause meant by a misspelt id', () => {
    expect(errorFor('misspelt-clause').message).toContain('Bedoelde je `all-users/respect`?');
  });

  test('refuses a newer file format before complaining about fields it does not know', () => {
    expect(errorFor('newer-format').message).toBe(
      'tests/fixtures/protocols/newer-format.yaml:2: format: dit bestand heeft formaat 2, maar deze versie van Protocolwijzer leest formaat 1. Werk Protocolwijzer bij.',
    );
  });

  test('names an unknown field at its own line', () => {
    const text = 'format: 1\nschool:\n  name: Basisschool De Linde\n  sector: po\n  sektor: po\nversion: "1.0"\nstartsFrom: scope-2012\nsections:\n  - title: Voor iedereen\n    articles:\n      - clause: all-users/persoonlijk-verantwoordelijk\n';
    expect(() => parseProtocol(text, 'content/protocols/typo.yaml', library, modelIds)).toThrow(
      new ContentError([
        {
          rule: 'unknown-field',
          file: 'content/protocols/typo.yaml',
          line: 5,
          field: 'school.sektor',
          message: 'onbekend veld `sektor`. Controleer de spelling of verwijder het.',
        },
      ]),
    );
  });
});
