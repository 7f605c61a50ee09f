import { describe, expect, test } from 'vitest';
import { buildAligner, type AlignClause } from '../../src/lib/import/align.ts';
import { importText } from '../../src/lib/import/import-text.ts';
import { findValues, parseDutchDate, readVariable } from '../../src/lib/import/values.ts';
import { importToProtocolInput, articleBody } from '../../src/lib/import/to-protocol.ts';

const platformsClause: AlignClause = {
  id: 'definitions-scope/begrip',
  title: 'Wat zijn sociale media?',
  body: 'Onder sociale media verstaan we apps zoals {{platforms}} en alle vergelijkbare apps.',
  summary: 'Sociale media zijn apps om berichten en foto’s te delen.',
  audiences: ['everyone'],
  variables: { platforms: { type: 'list', label: 'Welke?', default: ['Instagram'], required: false, conjunction: 'en' } },
};
const reportClause: AlignClause = {
  id: 'reporting/melden',
  title: 'Melden',
  body: 'Zie je iets wat niet deugt, meld het dan bij de {{reportContact}} van de school.',
  summary: 'Meld wat niet deugt.',
  audiences: ['everyone'],
  choicePoint: 'reporting-route',
  variant: 'contact',
  variables: { reportContact: { type: 'contact', label: 'Bij wie?', default: 'mentor', required: true } },
};
const aligner = buildAligner([platformsClause, reportClause], [], { threshold: 0.1 });

describe('readVariable', () => {
  test('reads a list from the words around its placeholder in the clause body', () => {
    expect(readVariable(platformsClause.body, 'platforms', platformsClause.variables!.platforms!, 'Onder sociale media verstaan we apps zoals TikTok, WhatsApp en Snapchat en alle vergelijkbare apps.')).toEqual([
      'TikTok',
      'WhatsApp',
      'Snapchat',
    ]);
  });
  test('gives nothing when the words around the placeholder are not in the article', () => {
    expect(readVariable(platformsClause.body, 'platforms', platformsClause.variables!.platforms!, 'Wij gebruiken Instagram.')).toBeUndefined();
  });
});

describe('parseDutchDate', () => {
  test('reads "27 november 2020" and "26-6-2018"', () => {
    expect(parseDutchDate('d.d. 27 november 2020')).toBe('2020-11-27');
    expect(parseDutchDate('Vastgesteld CvB 26-6-2018')).toBe('2018-06-26');
    expect(parseDutchDate('in 2018')).toBeUndefined();
  });
});

describe('findValues', () => {
  test('finds phone numbers but not the digits of an IBAN, and the word for pupils the text uses most', () => {
    const v = findValues('T (013) 542 05 38\nIBAN NL93 RABO 0181 2204 74\nDe deelnemers en de deelnemer.', [], aligner, []);
    expect(v.phones).toEqual(['(013) 542 05 38']);
    expect(v.pupils).toBe('deelnemers');
  });
});

describe('importToProtocolInput', () => {
  const text = [
    'Afspraken',
    '',
    '1. Onder sociale media verstaan we apps zoals TikTok en WhatsApp en alle vergelijkbare apps.',
    '2. Zie je iets wat niet deugt, meld het dan bij de vertrouwenspersoon van de school.',
    '3. Zie je iets wat niet deugt, meld het dan bij de mentor van de school.',
  ].join('\n');
  const result = importText(text, aligner, { choicePoints: [{ id: 'reporting-route', title: 'Waar je iets meldt' }] });
  const examples = [{ model: 'voorbeeld', clause: 'reporting/melden', text: 'x' }];

  test('takes the library text with the values found, and makes a second rule for the same clause an own article', () => {
    const { protocol, notes } = importToProtocolInput(result, aligner, { examples });
    expect(protocol.sections[0]!.articles).toEqual([
      { clause: 'definitions-scope/begrip', values: { platforms: ['TikTok', 'WhatsApp'] } },
      { clause: 'reporting/melden', values: { reportContact: 'vertrouwenspersoon' } },
      expect.objectContaining({ custom: expect.any(String), text: 'Zie je iets wat niet deugt, meld het dan bij de mentor van de school.' }),
    ]);
    expect(notes.map((n) => n.article)).toEqual([2]);
    expect(protocol.startsFrom).toBe('voorbeeld');
  });

  test('keeps the school’s own words as an override when the school chooses so, and leaves out what it skips', () => {
    const { protocol } = importToProtocolInput(result, aligner, { examples, decisions: ['override', 'skip', 'skip'] });
    expect(protocol.overrides).toEqual({ 'definitions-scope/begrip': result.articles[0]!.text });
    expect(protocol.sections[0]!.articles).toHaveLength(1);
  });
});

describe('articleBody', () => {
  test('puts a lead-in and its items in the protocol text format', () => {
    expect(articleBody(['Het is niet toegestaan om:', '- a. te hacken;', '- b. te pesten.'])).toBe('Het is niet toegestaan om:\n\n- a. te hacken;\n- b. te pesten.');
  });
});

describe('a rule at a choice point', () => {
  const report: AlignClause = { ...reportClause, variables: {} };
  const phone: AlignClause = { id: 'x/telefoon', title: 'Telefoon', body: 'De telefoon blijft in de tas.', summary: 'Telefoon weg.', audiences: ['pupils'] };
  const al = buildAligner([report, phone], [], { threshold: 0.27 });
  const lib = { choicePoints: [{ id: 'reporting-route', title: 'Waar je iets meldt' }] };

  test('takes the variant when it matches clearly', () => {
    const [a] = importText('Regels\n\n1. Iets wat niet deugt meld je bij de conciërge.', al, lib).articles;
    expect(a!.clause).toBe('reporting/melden');
    expect(a!.choicePointMiss).toBeUndefined();
  });

  test('that only just passes the threshold stays an own article and says it fits none of the variants', () => {
    const [a] = importText('Regels\n\n1. Meld een kapotte printer bij de conciërge van de school.', al, lib).articles;
    expect(a!.score).toBeGreaterThanOrEqual(0.27); // above the threshold, below threshold + margin
    expect(a!.clause).toBeNull();
    expect(a!.choicePointMiss).toEqual({ choicePoint: 'reporting-route', title: 'Waar je iets meldt' });
  });
});
