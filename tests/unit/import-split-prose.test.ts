import { describe, expect, test } from 'vitest';
import { leansOnPrevious, sentenceUnits, splitProse } from '../../src/lib/import/split-prose.ts';
import { buildAligner, type AlignClause, type AlignExample } from '../../src/lib/import/align.ts';

describe('leansOnPrevious', () => {
  test('a sentence after a question answers it', () => {
    expect(leansOnPrevious('Meld het bij de mentor.', 'Zie je iets wat niet deugt?')).toBe(true);
  });

  test('a back-reference, a pronoun subject or a fragment leans on the sentence before', () => {
    const before = 'Sociale media brengen risico’s met zich mee.';
    expect(leansOnPrevious('Om deze reden gaan wij bewust om met sociale media.', before)).toBe(true);
    expect(leansOnPrevious('Het is een onlosmakelijk onderdeel van de samenleving.', before)).toBe(true);
    expect(leansOnPrevious('Niet alleen op school, maar ook thuis.', before)).toBe(true);
    expect(leansOnPrevious('De hulp van ouders is hierbij onmisbaar.', before)).toBe(true);
  });

  test('a rule of its own does not: "Het is … om", "Dit protocol …", a new subject', () => {
    const before = 'We gaan netjes met elkaar om.';
    expect(leansOnPrevious('Het is niet toegestaan om te hacken.', before)).toBe(false);
    expect(leansOnPrevious('Dit protocol geldt ook buiten school.', before)).toBe(false);
    expect(leansOnPrevious('Deze afspraken gelden voor iedereen.', before)).toBe(false);
    expect(leansOnPrevious('Medewerkers zijn zelf verantwoordelijk.', before)).toBe(false);
    // After "dat" a pronominal adverb may point at the same sentence ("… helpt en hiermee bijdraagt").
    expect(
      leansOnPrevious('We hopen dat dit document helpt en hiermee bijdraagt aan een veilig klimaat.', before),
    ).toBe(false);
    // "daarbij" inside the sentence refers to something in the same sentence.
    expect(
      leansOnPrevious(
        'De school vertrouwt erop dat ieder die zich daarbij betrokken voelt verantwoord handelt.',
        before,
      ),
    ).toBe(false);
  });
});

describe('sentenceUnits', () => {
  test('ties leaning sentences to the one before and keeps the paragraph whole', () => {
    const text =
      'Zie je iets wat niet deugt? Meld het bij de mentor. Houd je wachtwoord geheim. Om die reden deel je het niet.';
    const units = sentenceUnits(text);
    expect(units).toEqual([
      'Zie je iets wat niet deugt? Meld het bij de mentor.',
      'Houd je wachtwoord geheim. Om die reden deel je het niet.',
    ]);
    expect(units.join(' ')).toBe(text);
  });
});

describe('splitProse', () => {
  const clause = (id: string, body: string): AlignClause => ({
    id,
    title: id,
    body,
    summary: body,
    audiences: ['everyone'],
  });
  const clauses = [
    clause('a/telefoon', 'De telefoon blijft tijdens de les uit en in de tas.'),
    clause('a/wachtwoord', 'Wachtwoorden houd je geheim en deel je met niemand.'),
    clause('a/pesten', 'Pesten, kwetsen en bedreigen via sociale media is niet toegestaan.'),
  ];
  const examples: AlignExample[] = [];
  const aligner = buildAligner(clauses, examples, { threshold: 0.1 });

  test('splits a paragraph whose sentences say different rules', () => {
    const text = 'Je telefoon blijft in de les uit in je tas. Je wachtwoord deel je met niemand.';
    expect(splitProse(text, '', aligner)).toEqual([
      'Je telefoon blijft in de les uit in je tas.',
      'Je wachtwoord deel je met niemand.',
    ]);
  });

  test('keeps a rule that carries on over two sentences as one', () => {
    const text = 'Je telefoon blijft in de les uit. Hij blijft in je tas.';
    expect(splitProse(text, '', aligner)).toEqual([text]);
  });

  test('merges two sentences that align to the same clause', () => {
    const text = 'Je telefoon blijft in de les uit. In de pauze blijft de telefoon in de tas.';
    expect(splitProse(text, '', aligner)).toEqual([text]);
  });
});
