import { describe, expect, test } from 'vitest';
import { fillTemplate, formatValue, placeholdersOf, TemplateError } from '../../src/lib/compose/fill-template.ts';
import { ClauseVariableSchema, type ClauseVariable } from '../../src/lib/schema/clause.ts';

/** A variable as a clause file declares it, with the schema's defaults applied. */
function variable(input: Record<string, unknown>): ClauseVariable {
  return ClauseVariableSchema.parse(input);
}

const school = { name: 'Basisschool De Linde', pupils: 'leerlingen' };

const consentAge = variable({ type: 'number', label: 'Vanaf welke leeftijd?', default: 16 });
const platforms = variable({ type: 'list', label: 'Welke platforms?', default: ['Facebook', 'X', 'Instagram'] });
const contacts = variable({ type: 'list', label: 'Bij wie?', default: ['groepsleerkracht', 'vertrouwenspersoon'], conjunction: 'of' });
const apps = variable({ type: 'list', label: 'Welke apps?', default: ['WhatsApp', 'Signal', 'Telegram'], conjunction: ',' });

describe('fillTemplate', () => {
  test('fills a variable with its default when the school gives no value', () => {
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, {}, school)).toBe('Vanaf 16 jaar.');
  });

  test('fills a variable with the school\'s value, also when that value is 0 or empty', () => {
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, { consentAge: 12 }, school)).toBe('Vanaf 12 jaar.');
    expect(fillTemplate('Vanaf {{consentAge}} jaar.', { consentAge }, { consentAge: 0 }, school)).toBe('Vanaf 0 jaar.');
    const article = variable({ type: 'text', label: 'Lidwoord?', default: 'de ' });
    expect(fillTemplate('Van {{article}}{{school.name}}.', { article }, { article: '' }, school)).toBe('Van Basisschool De Linde.');
  });

  test('fills the school\'s name and word for pupils, with and without spaces in the braces', () => {
    expect(fillTemplate('{{school.name}} vraagt {{ school.pupils }} om respect.', {}, {}, school)).toBe(
      'Basisschool De Linde vraagt leerlingen om respect.',
    );
  });

  test('capitalises the first letter with `| cap`', () => {
    expect(fillTemplate('{{school.pupils | cap}} zijn welkom.', {}, {}, { name: 'ROC TOP', pupils: 'deelnemers' })).toBe('Deelnemers zijn welkom.');
    expect(fillTemplate('{{contact|cap}} helpt.', { contact: variable({ type: 'contact', label: 'Wie?', default: 'intern begeleider' }) }, {}, school)).toBe(
      'Intern begeleider helpt.',
    );
  });

  test('writes a list as a Dutch enumeration with "en"', () => {
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, {}, school)).toBe('Zoals Facebook, X en Instagram.');
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, { platforms: ['TikTok', 'YouTube'] }, school)).toBe('Zoals TikTok en YouTube.');
    expect(fillTemplate('Zoals {{platforms}}.', { platforms }, { platforms: ['TikTok'] }, school)).toBe('Zoals TikTok.');
  });

  test('writes a list with "of" when the variable asks for it', () => {
    expect(fillTemplate('Meld het bij de {{contacts}}.', { contacts }, {}, school)).toBe('Meld het bij de groepsleerkracht of vertrouwenspersoon.');
  });

  test('writes a list with commas only when the conjunction is ","', () => {
    expect(fillTemplate('Apps: {{apps}}.', { apps }, {}, school)).toBe('Apps: WhatsApp, Signal, Telegram.');
  });

  test('throws a TemplateError naming a placeholder that has no variable', () => {
    const fill = () => fillTemplate('Mail naar {{reportEmail}}.', { consentAge }, {}, school);
    expect(fill).toThrow(TemplateError);
    expect(fill).toThrow('`{{reportEmail}}` staat in de tekst, maar er is geen variabele `reportEmail`; voeg die toe onder `variables`.');
    try {
      fill();
    } catch (e) {
      expect((e as TemplateError).placeholder).toBe('reportEmail');
    }
  });

  test('throws a TemplateError for a school value other than name and pupils', () => {
    expect(() => fillTemplate('In {{school.place}}.', {}, {}, school)).toThrow(
      new TemplateError('school.place', 'onbekende schoolwaarde `{{school.place}}`; gebruik {{school.name}} of {{school.pupils}}.'),
    );
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
    expect(placeholdersOf('{{school.name}} en {{platforms}}; {{ platforms | cap }} en {{consentAge}}.')).toEqual(['school.name', 'platforms', 'consentAge']);
  });
});
