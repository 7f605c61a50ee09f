import { describe, expect, test } from 'vitest';
import { segmentText } from '../../src/lib/import/segment.ts';
import { isTruncated } from '../../src/lib/import/import-text.ts';
import { sentences } from '../../src/lib/import/text.ts';

const numbersOf = (text: string) => segmentText(text).segments.map((s) => s.number);
const linesOf = (text: string) => segmentText(text).segments.map((s) => s.lines);

describe('segmentText', () => {
  test('reads the numbering styles 1., 1), 1.1, A1 and I. as articles', () => {
    expect(
      numbersOf(
        'Regels\n\n1. Een regel.\n2) Nog een regel.\n3.1 Een deelregel.\nA1 Een regel met code.\nII. Een Romeinse regel.',
      ),
    ).toEqual(['1', '2', '3.1', 'A1', 'II']);
  });

  test('a lead-in ending in ":" owns the lettered items and bullets after it', () => {
    const text =
      'Regels\n\n4. Het is niet toegestaan om:\n - a. sites te bezoeken;\n - b. te hacken.\n5. Volgende regel.';
    expect(linesOf(text)).toEqual([
      ['Het is niet toegestaan om:', '- a. sites te bezoeken;', '- b. te hacken.'],
      ['Volgende regel.'],
    ]);
  });

  test('OCR bullets o, ¢ and e after a lead-in are list items of that article', () => {
    const text =
      'Regels\n\n3. Het is op school niet toegestaan om:\n\no sites te bezoeken;\n\n¢ te hacken;\n\ne berichten te versturen.';
    expect(linesOf(text)).toEqual([
      ['Het is op school niet toegestaan om:', '- sites te bezoeken;', '- te hacken;', '- berichten te versturen.'],
    ]);
  });

  test('bullets without a lead-in are articles of their own', () => {
    const text = "Afspraken\n\n• We pesten niet.\n• We delen geen foto's zonder toestemming.";
    expect(segmentText(text).segments.map((s) => [s.kind, s.lines[0]])).toEqual([
      ['bullet', 'We pesten niet.'],
      ['bullet', "We delen geen foto's zonder toestemming."],
    ]);
  });

  test('a numbered heading followed by its body paragraph is one article with a title', () => {
    const seg = segmentText(
      "Regels\n\n1. Foto's en filmpjes\n\nWe plaatsen alleen foto's met toestemming.\n\n2. Een tweede regel.",
    ).segments;
    expect(seg.map((s) => [s.number, s.title, s.lines[0]])).toEqual([
      ['1', "Foto's en filmpjes", "We plaatsen alleen foto's met toestemming."],
      ['2', undefined, 'Een tweede regel.'],
    ]);
  });

  test('headings become sections; A. before a heading is its label; an ALL-CAPS heading is put in sentence case', () => {
    const { sections } = segmentText('A. VOOR ALLE GEBRUIKERS\n\n1. Een regel.\n\nB. Voor medewerkers\n\n1. Nog een.');
    expect(sections).toEqual([
      { label: 'A', title: 'Voor alle gebruikers' },
      { label: 'B', title: 'Voor medewerkers' },
    ]);
  });

  test('cover, table of contents, footnote, quote, adoption, closing, drafting note and appendix reference are not articles', () => {
    const text = [
      'Protocol sociale media',
      '',
      'Dorpsstraat 1',
      '1234 AB Ergens',
      '',
      'Vastgesteld door het bestuur op 1 maart 2024.',
      '',
      'Inhoudsopgave',
      '',
      'Inleiding\t2',
      'Regels.....3',
      '',
      'Regels',
      '',
      '1. Een regel¹.',
      '',
      "'LEERLINGEN DIE IETS SLECHTS ZEGGEN WORDEN GESCHORST.'",
      '',
      '¹ Zie de handreiking van 2018.',
      '',
      'Mogelijk nodig voor later: een protocol over beeldmateriaal?',
      '',
      'Gedragscode (zie bijlage)',
      '',
      'Ergens, maart 2024.',
    ].join('\n');
    const result = segmentText(text);
    expect(result.segments.map((s) => s.lines[0])).toEqual(['Een regel¹.']);
    expect(result.nonNormative.map((p) => p.kind)).toEqual([
      'title',
      'cover',
      'adoption',
      'toc',
      'quote',
      'footnote',
      'drafting-note',
      'appendix-reference',
      'closing',
    ]);
  });

  test('a paragraph broken by a page break mid-sentence is joined again', () => {
    expect(
      linesOf('Regels\n\nWaar medewerkers staat, bedoelen we ook mensen\n\ndie als vrijwilliger op school werken.'),
    ).toEqual([['Waar medewerkers staat, bedoelen we ook mensen die als vrijwilliger op school werken.']]);
  });

  test('markdown marks from a text extraction are taken out', () => {
    const seg = segmentText('### **Afspraken**\n\n- Meld het bij [info@school.nl](mailto:info@school.nl).');
    expect(seg.sections).toEqual([{ title: 'Afspraken' }]);
    expect(seg.segments[0]!.lines).toEqual(['Meld het bij info@school.nl.']);
  });
});

describe('sentences', () => {
  test('splits at a full stop before a capital, not after o.a., bijv. or an initial', () => {
    expect(sentences('We gebruiken o.a. WhatsApp. Bijv. voor de klas. Dat mag.Gebeurt dit vaker, dan niet.')).toEqual([
      'We gebruiken o.a. WhatsApp.',
      'Bijv. voor de klas.',
      'Dat mag.',
      'Gebeurt dit vaker, dan niet.',
    ]);
  });
});

describe('isTruncated', () => {
  test('flags a text that stops after an article, preposition or comma', () => {
    expect(isTruncated('De telefoon blijft in de', false)).toBe(true);
    expect(isTruncated('Leerlingen mogen niet filmen,', false)).toBe(true);
  });
  test('does not flag a full sentence, a list item without a stop, or a question', () => {
    expect(isTruncated('De telefoon blijft in de tas.', true)).toBe(false);
    expect(isTruncated('vraag hulp aan de vertrouwenspersoon op school', false)).toBe(false);
    expect(isTruncated('Twijfel je?', true)).toBe(false);
  });
});
