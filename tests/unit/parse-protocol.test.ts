import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseProtocol, parseProtocolWithWarnings } from '../../src/lib/compose/parse-protocol.ts';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { ROOT } from '../../src/node/paths.ts';
import { fixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';

let fx: FixtureContent;
beforeAll(() => {
  fx = fixtureContent('small-library');
});

const FAULTS = 'tests/fixtures/content/small-library/faults';

/** Parses a fixture protocol (`faults/<fault>.yaml`, or another file under the project) against the small library. */
function parse(file: string) {
  return parseProtocolWithWarnings(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, fx.library, fx.modelIds);
}

/** Parses `<FAULTS>/<fault>.yaml` and returns the ContentError it must raise. */
function errorFor(fault: string, dir = FAULTS): ContentError {
  const file = `${dir}/${fault}.yaml`;
  try {
    parse(file);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted, but it should be refused`);
}

describe('parseProtocol', () => {
  test('reads a school: its school block, values, own article and the model it starts from', () => {
    const { protocol, warnings } = parse('tests/fixtures/content/small-library/protocols/het-kompas.yaml');
    expect(warnings).toEqual([]);
    expect(protocol.school).toMatchObject({
      name: 'Scholengemeenschap Het Kompas',
      nameInText: 'Het Kompas',
      boardInText: 'de stichting Kompasscholen',
    });
    expect(protocol.startsFrom).toBe('voorbeeld-2020');
    expect(protocol.adoption).toBeUndefined();
    expect(protocol.sections[1]!.articles[0]).toEqual({
      clause: 'devices/telefoon-inleveren',
      values: { handInPlace: 'de conciërge' },
    });
    expect(protocol.sections[2]!.articles[2]).toMatchObject({ custom: 'herstel', audiences: ['everyone'] });
  });

  test('refuses a document address that is not http(s), at its line, saying how to write it', () => {
    expect(errorFor('javascript-document-url', 'tests/fixtures/protocols').message).toBe(
      'tests/fixtures/protocols/javascript-document-url.yaml:10: school.documents.1.url: geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.',
    );
  });

  test('refuses invalid YAML with the line and how to fix it', () => {
    expect(errorFor('bad-yaml', 'tests/fixtures/protocols').problems).toEqual([
      {
        file: 'tests/fixtures/protocols/bad-yaml.yaml',
        line: 9,
        column: 12,
        rule: 'yaml-syntax',
        message:
          'ongeldige YAML: na de dubbele punt staat nog een `naam:`. Zet tekst met een dubbele punt tussen aanhalingstekens, of begin een nieuwe, ingesprongen regel.',
      },
    ]);
  });

  test('refuses a clause that is not in the library and suggests the one that looks like it', () => {
    expect(errorFor('unknown-clause').problems).toEqual([
      {
        file: `${FAULTS}/unknown-clause.yaml`,
        line: 12,
        field: 'sections.0.articles.1.clause',
        rule: 'unknown-clause',
        message: 'bepaling `all-users/melden` bestaat niet in de bibliotheek. Bedoelde je `reporting/melden`?',
      },
    ]);
  });

  test('refuses a required value left out, naming the article, the clause and the question (rule missing-value)', () => {
    expect(errorFor('missing-value').problems).toEqual([
      {
        file: `${FAULTS}/missing-value.yaml`,
        line: 11,
        field: 'sections.0.articles.0.values',
        rule: 'missing-value',
        message:
          'sectie 1 ("Telefoons"), artikel 1 ("Telefoon inleveren", `devices/telefoon-inleveren`) vraagt om `handInPlace` (Waar leveren leerlingen hun telefoon in?). Elke school vult die zelf in; zet de waarde onder `values`.',
      },
    ]);
  });

  test("refuses a required value that is only spaces, at the value's line", () => {
    expect(errorFor('empty-value').problems).toMatchObject([
      { line: 13, field: 'sections.0.articles.0.values.handInPlace', rule: 'missing-value' },
    ]);
  });

  test('refuses text where a number variable needs a whole number', () => {
    expect(errorFor('wrong-variable-type').message).toBe(
      `${FAULTS}/wrong-variable-type.yaml:13: sections.0.articles.0.values.consentAge: verwacht een geheel getal, maar kreeg "16".`,
    );
  });

  test('refuses the same clause twice, pointing at the second and naming the first', () => {
    expect(errorFor('duplicate-clause').problems).toMatchObject([
      {
        line: 16,
        rule: 'duplicate-clause',
        message:
          'bepaling `all-users/respect` staat twee keer in het protocol (ook in sectie 1 ("Voor iedereen"), artikel 1). Haal er één weg.',
      },
    ]);
  });

  test('refuses two variants of one choice point', () => {
    expect(errorFor('two-variants').problems).toMatchObject([
      {
        line: 13,
        rule: 'two-variants',
        message:
          'keuzepunt `image-consent` is al geregeld door `all-users/beeld-bezwaar` (sectie 1 ("Voor iedereen"), artikel 1); `all-users/beeld-toestemming` is een andere variant. Kies één van beide.',
      },
    ]);
  });

  test('refuses an own text for a clause that the protocol does not include', () => {
    expect(errorFor('override-missing-article').problems).toMatchObject([
      { line: 13, field: 'overrides.measures/gesprek', rule: 'override-missing' },
    ]);
  });

  test('refuses an own text under overrides for a custom article, and says where the text belongs', () => {
    expect(errorFor('override-custom-article').message).toBe(
      `${FAULTS}/override-custom-article.yaml:15: overrides.custom/groepsapps-ouders: \`custom/groepsapps-ouders\` is een eigen artikel; zet de tekst in het artikel zelf (onder \`text\`) in plaats van bij \`overrides\`.`,
    );
  });

  test('suggests the clause meant by a misspelt id', () => {
    expect(errorFor('misspelt-clause').message).toContain('Bedoelde je `all-users/respect`?');
  });

  test('refuses a newer file format before complaining about fields it does not know', () => {
    expect(errorFor('newer-format').problems).toEqual([
      {
        file: `${FAULTS}/newer-format.yaml`,
        line: 2,
        field: 'format',
        rule: 'newer-format',
        message:
          'dit bestand heeft formaat 2, maar deze versie van Protocolwijzer leest formaat 1. Werk Protocolwijzer bij.',
      },
    ]);
  });

  test('warns, without refusing, when a clause comes without the clause it leans on', () => {
    const { warnings } = parse(`${FAULTS}/requires-missing.yaml`);
    expect(warnings).toEqual([
      {
        file: `${FAULTS}/requires-missing.yaml`,
        line: 11,
        field: 'sections.0.articles.0.clause',
        rule: 'requires-missing',
        severity: 'warning',
        message:
          '`reporting/bij-twijfel` ("Bij twijfel") bouwt voort op `reporting/melden` ("Melden"), maar die staat niet in het protocol. Zet die bepaling ervóór, of kies een bepaling die op zichzelf staat.',
      },
    ]);
  });

  test('warns when the clause leant on comes only after it', () => {
    expect(parse(`${FAULTS}/requires-after.yaml`).warnings).toMatchObject([
      { line: 11, rule: 'requires-after', severity: 'warning' },
    ]);
  });

  test('names an unknown field at its own line', () => {
    const text =
      'format: 1\nschool:\n  name: Het Kompas\n  sector: vo\n  sektor: vo\nversion: "1.0"\nstartsFrom: voorbeeld-2020\nsections:\n  - title: Voor iedereen\n    articles:\n      - clause: all-users/respect\n';
    expect(() => parseProtocol(text, 'content/protocols/typo.yaml', fx.library, fx.modelIds)).toThrow(
      new ContentError([
        {
          file: 'content/protocols/typo.yaml',
          line: 5,
          field: 'school.sektor',
          rule: 'unknown-field',
          message: 'onbekend veld `sektor`. Controleer de spelling of verwijder het.',
        },
      ]),
    );
  });
});
