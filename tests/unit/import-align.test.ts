import { describe, expect, test } from 'vitest';
import {
  addressees,
  buildAligner,
  calibrateThreshold,
  type AlignClause,
  type AlignExample,
} from '../../src/lib/import/align.ts';

/** A small library: two clauses that say the same for pupils and for staff, and one about phones. */
const clauses: AlignClause[] = [
  {
    id: 'pupils/wachtwoorden',
    title: 'Wachtwoorden',
    body: 'Houd je wachtwoorden geheim.',
    summary: 'Leerlingen houden hun wachtwoord geheim.',
    audiences: ['pupils'],
  },
  {
    id: 'staff/wachtwoorden',
    title: 'Wachtwoorden',
    body: 'Houd je wachtwoorden geheim.',
    summary: 'Medewerkers houden hun wachtwoord geheim.',
    audiences: ['staff'],
  },
  {
    id: 'devices/telefoon-in-tas',
    title: 'Telefoon in de tas',
    body: 'De mobiele telefoon blijft tijdens schooltijd in de tas.',
    summary: 'Je telefoon blijft in je tas.',
    audiences: ['pupils'],
    choicePoint: 'phones',
    variant: 'in-bag',
  },
];
const examples: AlignExample[] = [
  {
    model: 'a',
    clause: 'devices/telefoon-in-tas',
    text: 'Leerlingen laten hun mobiele telefoon onder schooltijd in hun tas zitten.',
  },
  { model: 'b', clause: 'pupils/wachtwoorden', text: 'Je houdt je wachtwoord voor jezelf.' },
];

describe('buildAligner', () => {
  test('aligns a reworded rule to the clause whose example says the same', () => {
    const a = buildAligner(clauses, examples, { threshold: 0.2 }).align(
      'Onder schooltijd zit je mobiele telefoon in je tas.',
    );
    expect(a.clause).toBe('devices/telefoon-in-tas');
    expect(a.score).toBeGreaterThan(0.2);
  });

  test('a clause for other people than the heading names loses to one that fits, even when its words are closer', () => {
    const al = buildAligner(
      [
        {
          id: 'staff/respect',
          title: 'Respect',
          body: 'Je neemt de fatsoensnormen in acht en laat iedereen in zijn waarde.',
          summary: 'Netjes.',
          audiences: ['staff'],
        },
        {
          id: 'all/respect',
          title: 'Respect',
          body: 'We behandelen elkaar met respect.',
          summary: 'Netjes.',
          audiences: ['everyone'],
        },
      ],
      [],
      { threshold: 0.05 },
    );
    expect(
      al.align('Leerlingen nemen de fatsoensnormen in acht en behandelen elkaar met respect.', 'Voor leerlingen')
        .clause,
    ).toBe('all/respect');
  });

  test('the section heading decides between the same text for pupils and for staff', () => {
    const al = buildAligner(clauses, examples, { threshold: 0.2 });
    expect(al.align('Houd je wachtwoorden geheim!', 'Personeel').clause).toBe('staff/wachtwoorden');
    expect(al.align('Houd je wachtwoorden geheim!', 'Leerlingen').clause).toBe('pupils/wachtwoorden');
  });

  test('a rule below the threshold becomes an own article, with its best candidates kept', () => {
    const a = buildAligner(clauses, examples, { threshold: 0.3 }).align(
      'Drones mogen niet boven het schoolplein vliegen.',
    );
    expect(a.clause).toBeNull();
    expect(a.score).toBeLessThan(0.3);
  });

  test('leaves a model out: its examples no longer count', () => {
    const text = 'Je houdt je wachtwoord voor jezelf.';
    const all = buildAligner(clauses, examples, { threshold: 0 }).align(text, 'Leerlingen');
    const without = buildAligner(clauses, examples, { threshold: 0, excludeModel: 'b' }).align(text, 'Leerlingen');
    expect(all.score).toBeGreaterThan(without.score);
  });

  test('reads no clause id from code: a renamed clause is aligned under its new id', () => {
    const renamed = clauses.map((c) => (c.id === 'devices/telefoon-in-tas' ? { ...c, id: 'devices/telefoon-weg' } : c));
    const ex = examples.map((e) =>
      e.clause === 'devices/telefoon-in-tas' ? { ...e, clause: 'devices/telefoon-weg' } : e,
    );
    expect(
      buildAligner(renamed, ex, { threshold: 0.2 }).align('De telefoon blijft in de tas tijdens schooltijd.').clause,
    ).toBe('devices/telefoon-weg');
  });
});

describe('calibrateThreshold', () => {
  test('puts the threshold where right minus wrong alignments is largest', () => {
    const points = [
      { score: 0.9, right: true },
      { score: 0.8, right: true },
      { score: 0.5, right: false },
      { score: 0.45, right: false },
      { score: 0.4, right: true },
      { score: 0.2, right: false },
    ];
    expect(calibrateThreshold(points)).toBe(0.8);
  });
});

describe('addressees', () => {
  test('reads the audience from the heading first, then from the text', () => {
    expect([...addressees('Voor medewerkers', 'Houd je wachtwoorden geheim.')]).toEqual(['staff']);
    expect([...addressees('', 'Ouders geven toestemming met een formulier.')]).toEqual(['parents']);
    // A heading that names several groups speaks to each of them and to everyone.
    expect([...addressees('Voor alle gebruikers (medewerkers, leerlingen en ouders)', 'x')].sort()).toEqual([
      'everyone',
      'parents',
      'pupils',
      'staff',
    ]);
  });
});
