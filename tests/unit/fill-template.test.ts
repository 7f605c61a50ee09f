import { describe, expect, test } from 'vitest';
import {
  fillTemplate,
  formatValue,
  placeholdersOf,
  schoolValues,
  TemplateError,
} from '../../src/lib/compose/fill-template.ts';
import { ClauseVariableSchema, type ClauseVariable } from '../../src/lib/schema/clause.ts';

/** A variable as a clause file declares it, with the schema's defaults applied. */
function variable(input: Record<string, unknown>): ClauseVariable {
  return ClauseVariableSchema.parse(input);
}

const school = schoolValues({ name: 'Basisschool De Linde', pupils: 'leerlingen' });

const consentAge = variable({ type: 'number', label: 'Vanaf welke leeftijd?', default: 16 });
const platforms = variable({ type: 'list', label: 'Welke platforms?', default: ['Facebook', 'X', 'Instagram'] });
const contacts = variable({
  type: 'list',
  label: 'Bij wie?',
  default: ['groepsleerkracht', 'vertrouwenspersoon'],
  conjunction: 'of',
});
const apps = variable({
  type: 'list',
  label: 'Welke apps?',
  default: ['WhatsApp', 'Signal', 'Telegram'],
  conjunction: ',',
});

describe('fillTemplate', () => {
  test('fills a variable with its default when the school gives no value', () => {
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, {}, school)).toBe('Vanaf 16 jaar.');
  });

  test("fills a variable with the school's value, also when that value is 0 or empty", () => {
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, { consentAge: 12 }, school)).toBe(
      'Vanaf 12 jaar.',
    );
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, { consentAge: 0 }, school)).toBe('Vanaf 0 jaar.');
    const article = variable({ type: 'text', label: 'Lidwoord?', default: 'de ' });
    expect(fillTemplate('Van {{article}}{{school.name}}.', { article }, { article: '' }, school)).toBe(
      'Van Basisschool De Linde.',
    );
  });

  test("fills the school's name and word for pupils, with and without spaces in the braces", () => {
    expect(fillTemplate('{{school.name}} vraagt {{ school.pupils }} om respect.', {}, {}, school)).toBe(
      'Basisschool De Linde vraagt leerlingen om respect.',
    );
  });

  test('capitalises the first letter with `| cap`', () => {
    expect(
      fillTemplate(
        '{{school.pupils | cap}} zijn welkom.',
        {},
        {},
        schoolValues({ name: 'ROC TOP', pupils: 'deelnemers' }),
      ),
    ).toBe('Deelnemers zijn welkom.');
    expect(
      fillTemplate(
        '{{contact|cap}} helpt.',
        { contact: variable({ type: 'contact', label: 'Wie?', default: 'intern begeleider' }) },
        {},
        school,
      ),
    ).toBe('Intern begeleider helpt.');
  });

  test('writes a list as a Dutch enumeration with "en"', () => {
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, {}, school)).toBe('Zoals Facebook, X en Instagram.');
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, { platforms: ['TikTok', 'YouTube'] }, school)).toBe(
      'Zoals TikTok en YouTube.',
    );
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, { platforms: ['TikTok'] }, school)).toBe(
      'Zoals TikTok.',
    );
  });

  test('writes a list with "of" when the variable asks for it', () => {
    expect(fillTemplate('Meld het bij de {{contacts}}.', { contacts }, {}, school)).toBe(
      'Meld het bij de groepsleerkracht of vertrouwenspersoon.',
    );
  });

  test('writes a list with commas only when the conjunction is ","', () => {
    expect(fillTemplate('Apps: {{apps}}.', { apps }, {}, school)).toBe('Apps: WhatsApp, Signal, Telegram.');
  });

  test('throws a TemplateError naming a placeholder that has no variable', () => {
    const fill = () => fillTemplate('Mail naar {{reportEmail}}.', { consentAge }, {}, school);
    expect(fill).toThrow(TemplateError);
    expect(fill).toThrow(
      '`{{reportEmail}}` staat in de tekst, maar er is geen variabele `reportEmail`; voeg die toe onder `variables`.',
    );
    try {
      fill();
    } catch (e) {
      expect((e as TemplateError).placeholder).toBe('reportEmail');
    }
  });

  test('throws a TemplateError for a school detail the school block does not offer, listing those it does', () => {
    expect(() => fillTemplate('In {{school.place}}.', {}, {}, school)).toThrow(
      new TemplateError(
        'school.place',
        'onbekend schoolgegeven `{{school.place}}`; gebruik een van: {{school.name}}, {{school.nameInText}}, {{school.board}}, {{school.boardInText}}, {{school.pupils}}, {{school.pupil}}, {{school.account}}, {{school.reporting}}.',
      ),
    );
  });

  test('reads an empty required value as […], so a preview shows the gap', () => {
    const place = variable({ type: 'text', label: 'Waar?', required: true });
    expect(fillTemplate('In {{place}}.', { place }, {}, school)).toBe('In […].');
  });
});

describe('schoolValues', () => {
  test('falls back to the name, the board or the neutral word when a detail is not given', () => {
    expect(schoolValues({ name: 'Basisschool De Linde' })).toEqual({
      name: 'Basisschool De Linde',
      nameInText: 'Basisschool De Linde',
      board: 'het bestuur',
      boardInText: 'het bestuur',
      pupils: 'leerlingen',
      pupil: 'leerling',
      account: 'Basisschool De Linde',
      reporting: 'de schoolleiding',
    });
  });

  test('uses the school block: the name in a sentence, the board in a sentence, the account, the reporting roles', () => {
    const values = schoolValues({
      name: 'Mill Hill College',
      nameInText: 'het Mill Hill College',
      board: 'Vereniging OMO',
      boardInText: 'de vereniging OMO',
      pupils: 'deelnemers',
      account: '@millhill',
      contacts: [
        { role: 'mentor', reporting: true },
        { role: 'conciërge' },
        { role: 'coördinator leerlingzaken', reporting: true },
        { role: 'vertrouwenspersoon', reporting: true },
      ],
    });
    expect(values).toMatchObject({
      nameInText: 'het Mill Hill College',
      boardInText: 'de vereniging OMO',
      account: '@millhill',
      pupil: 'deelnemer',
    });
    expect(values.reporting).toBe('de mentor, de coördinator leerlingzaken of de vertrouwenspersoon');
  });

  test('makes the word for one pupil from the plural', () => {
    expect(
      ['leerlingen', 'deelnemers', 'studenten', 'kinderen'].map((w) => schoolValues({ name: 'X', pupils: w }).pupil),
    ).toEqual(['leerling', 'deelnemer', 'student', 'kind']);
  });
});

describe('formatValue', () => {
  test('writes numbers as digits and a list without a variable with "en"', () => {
    expect(formatValue(16)).toBe('16');
    expect(formatValue(['ouders', 'leerlingen', 'medewerkers'])).toBe('ouders, leerlingen en medewerkers');
  });
});

describe('placeholdersOf', () => {
  test('names each placeholder once, in order of first use', () => {
    expect(placeholdersOf('{{school.name}} en {{platforms}}; {{ platforms | cap }} en {{consentAge}}.')).toEqual([
      'school.name',
      'platforms',
      'consentAge',
    ]);
  });
});
