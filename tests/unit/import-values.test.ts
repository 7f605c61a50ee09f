import { describe, expect, test } from 'vitest';
import { buildAligner, type AlignClause } from '../../src/lib/import/align.ts';
import { importText } from '../../src/lib/import/import-text.ts';
import { agesIn, clauseValues, findValues, parseDutchDate, readVariable } from '../../src/lib/import/values.ts';
import { importToProtocolInput, articleBody, proposeDecisions } from '../../src/lib/import/to-protocol.ts';

const platformsClause: AlignClause = {
  id: 'definitions-scope/begrip',
  title: 'Wat zijn sociale media?',
  body: 'Onder sociale media verstaan we apps zoals {{platforms}} en alle vergelijkbare apps.',
  summary: 'Sociale media zijn apps om berichten en foto’s te delen.',
  audiences: ['everyone'],
  variables: {
    platforms: { type: 'list', label: 'Welke?', default: ['Instagram'], required: false, conjunction: 'en' },
  },
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
    expect(
      readVariable(
        platformsClause.body,
        'platforms',
        platformsClause.variables!.platforms!,
        'Onder sociale media verstaan we apps zoals TikTok, WhatsApp en Snapchat en alle vergelijkbare apps.',
      ),
    ).toEqual(['TikTok', 'WhatsApp', 'Snapchat']);
  });
  test('gives nothing when the words around the placeholder are not in the article', () => {
    expect(
      readVariable(
        platformsClause.body,
        'platforms',
        platformsClause.variables!.platforms!,
        'Wij gebruiken Instagram.',
      ),
    ).toBeUndefined();
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
    const v = findValues(
      'T (013) 542 05 38\nIBAN NL93 RABO 0181 2204 74\nDe deelnemers en de deelnemer.',
      [],
      aligner,
      [],
    );
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

  test('takes the library text with the values found, and offers two rules in a row on one clause as one override', () => {
    const { protocol, notes } = importToProtocolInput(result, aligner, { examples });
    expect(protocol.sections[0]!.articles).toEqual([
      { clause: 'definitions-scope/begrip', values: { platforms: ['TikTok', 'WhatsApp'] } },
      { clause: 'reporting/melden', values: { reportContact: 'vertrouwenspersoon' } },
    ]);
    expect(protocol.overrides).toEqual({
      'reporting/melden': `${result.articles[1]!.text}\n\n${result.articles[2]!.text}`,
    });
    expect(notes).toEqual([
      { article: 2, kind: 'merged', message: expect.stringContaining('Samengevoegd met artikel 2') },
    ]);
    expect(protocol.startsFrom).toBe('voorbeeld');
  });

  test('proposes library, override and merge: the second rule on the clause joins the first', () => {
    expect(proposeDecisions(result.articles)).toEqual(['library', 'override', 'merge']);
  });

  test('a second rule on a used clause that the school keeps apart becomes an own article, and a note says so', () => {
    const { protocol, notes } = importToProtocolInput(result, aligner, {
      examples,
      decisions: ['library', 'library', 'library'],
    });
    expect(protocol.sections[0]!.articles[2]).toEqual(
      expect.objectContaining({
        custom: expect.any(String),
        text: 'Zie je iets wat niet deugt, meld het dan bij de mentor van de school.',
      }),
    );
    expect(protocol.overrides).toBeUndefined();
    expect(notes).toEqual([
      { article: 2, kind: 'own', message: expect.stringContaining('Samenvoegen met het artikel hiervoor') },
    ]);
  });

  test('merged under the library text, the clause stands for both rules; after a skipped article it stays alone; merged into an own article, both texts stay', () => {
    const lib = importToProtocolInput(result, aligner, { examples, decisions: ['library', 'library', 'merge'] });
    expect(lib.protocol.sections[0]!.articles).toHaveLength(2);
    expect(lib.protocol.overrides).toBeUndefined();
    const alone = importToProtocolInput(result, aligner, { examples, decisions: ['library', 'skip', 'merge'] });
    expect(alone.protocol.sections[0]!.articles).toHaveLength(2);
    expect(alone.notes).toEqual([
      { article: 2, kind: 'own', message: expect.stringContaining('geen artikel hiervoor') },
    ]);
    const own = importToProtocolInput(result, aligner, { examples, decisions: ['library', 'custom', 'merge'] });
    expect(own.protocol.sections[0]!.articles[1]).toEqual(
      expect.objectContaining({ text: `${result.articles[1]!.text}\n\n${result.articles[2]!.text}` }),
    );
  });

  test('an article the school aligns to another candidate takes that clause', () => {
    expect(result.articles[0]!.candidates.map((c) => c.clause)).toContain('reporting/melden');
    const { protocol } = importToProtocolInput(result, aligner, {
      examples,
      clauses: ['reporting/melden', null, null],
      decisions: ['override', 'custom', 'custom'],
    });
    expect(protocol.sections[0]!.articles[0]).toEqual(expect.objectContaining({ clause: 'reporting/melden' }));
    expect(protocol.overrides).toEqual({ 'reporting/melden': result.articles[0]!.text });
    expect(protocol.sections[0]!.articles.slice(1).every((a) => 'custom' in a)).toBe(true);
  });

  test('rules on one clause in different sections are not merged', () => {
    const two = importText(
      'Leerlingen\n\n1. Zie je iets wat niet deugt, meld het dan bij de mentor van de school.\n\nOuders\n\n1. Zie je iets wat niet deugt, meld het dan bij de mentor van de school.',
      aligner,
      { choicePoints: [] },
    );
    expect(two.articles.map((a) => a.clause)).toEqual(['reporting/melden', 'reporting/melden']);
    expect(proposeDecisions(two.articles)).toEqual(['library', 'library']);
  });

  test('keeps the school’s own words as an override when the school chooses so, and leaves out what it skips', () => {
    const { protocol } = importToProtocolInput(result, aligner, { examples, decisions: ['override', 'skip', 'skip'] });
    expect(protocol.overrides).toEqual({ 'definitions-scope/begrip': result.articles[0]!.text });
    expect(protocol.sections[0]!.articles).toHaveLength(1);
  });
});

describe('articleBody', () => {
  test('puts a lead-in and its items in the protocol text format', () => {
    expect(articleBody(['Het is niet toegestaan om:', '- a. te hacken;', '- b. te pesten.'])).toBe(
      'Het is niet toegestaan om:\n\n- a. te hacken;\n- b. te pesten.',
    );
  });
});

describe('a rule at a choice point', () => {
  const report: AlignClause = { ...reportClause, variables: {} };
  const phone: AlignClause = {
    id: 'x/telefoon',
    title: 'Telefoon',
    body: 'De telefoon blijft in de tas.',
    summary: 'Telefoon weg.',
    audiences: ['pupils'],
  };
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

describe('ages', () => {
  const consent: AlignClause = {
    id: 'all-users/toestemming',
    title: 'Toestemming voor beeld',
    body: 'Voor foto’s vraagt de school toestemming aan de ouders. Leerlingen van {{consentAge}} jaar en ouder geven die zelf.',
    summary: 'Toestemming voor foto’s.',
    audiences: ['everyone'],
    variables: {
      consentAge: {
        type: 'number',
        label: 'Vanaf welke leeftijd geeft een leerling zelf toestemming?',
        default: 16,
        min: 12,
        max: 18,
        required: false,
      },
    },
  };

  test('reads ages as numbers and as Dutch number words', () => {
    expect(agesIn('Vanaf zestien jaar zelf; kinderen onder de 12 jaar niet; dit jaar niet.')).toEqual([12, 16]);
  });

  test('an age variable takes the age the article names, also where the body does not place it', () => {
    const article =
      'Wie zestien jaar is, beslist zelf of een foto online mag; voor jongere leerlingen beslissen de ouders.';
    expect(readVariable(consent.body, 'consentAge', consent.variables!.consentAge!, article)).toBeUndefined();
    expect(clauseValues(consent, article, [16])).toEqual({ consentAge: 16 });
  });

  test('without an age in the article, the only age the whole text names fills it; with several it stays open', () => {
    const article = 'Voor foto’s vraagt de school eerst toestemming.';
    expect(clauseValues(consent, article, [14])).toEqual({ consentAge: 14 });
    expect(clauseValues(consent, article, [14, 16])).toEqual({});
    // Outside the variable's range (12 … 18): never taken.
    expect(clauseValues(consent, article, [21])).toEqual({});
  });

  test('the import fills the variable and the protocol carries it', () => {
    const al = buildAligner([consent, platformsClause], [], { threshold: 0.1 });
    const result = importText(
      'Beeld\n\n1. Voor foto’s vraagt de school toestemming aan de ouders; vanaf 14 jaar beslist de leerling zelf.',
      al,
      { choicePoints: [] },
    );
    expect(result.values.ages).toEqual([14]);
    expect(result.values.variables['all-users/toestemming']).toEqual({ consentAge: 14 });
    const { protocol } = importToProtocolInput(result, al, { examples: [] });
    expect(protocol.sections[0]!.articles[0]).toEqual({ clause: 'all-users/toestemming', values: { consentAge: 14 } });
  });

  test('a clause the school chooses in place of the importer’s reads its values from that article', () => {
    const al = buildAligner([consent, platformsClause], [], { threshold: 0.1 });
    const result = importText(
      'Regels\n\n1. Onder sociale media verstaan we apps, en vanaf 15 jaar beslis je zelf over foto’s.',
      al,
      { choicePoints: [] },
    );
    expect(result.articles[0]!.clause).toBe('definitions-scope/begrip');
    const { protocol } = importToProtocolInput(result, al, {
      examples: [],
      clauses: ['all-users/toestemming'],
      decisions: ['library'],
    });
    expect(protocol.sections[0]!.articles[0]).toEqual({ clause: 'all-users/toestemming', values: { consentAge: 15 } });
  });
});
