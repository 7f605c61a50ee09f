import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../../src/lib/compose/document.ts';
import { deriveForeignNames, type ForeignName } from '../../src/lib/lint/foreign-names.ts';
import type { Finding } from '../../src/lib/lint/finding.ts';
import { countFindings, reviewProtocol } from '../../src/lib/lint/review-protocol.ts';
import { findingToProblem } from '../../src/lib/lint/finding.ts';
import { withBoard } from '../../src/lib/board/inherit-board.ts';
import { parseBoard } from '../../src/lib/board/parse-board.ts';
import { boardItemId, findingLocation, findingProblem } from '../../src/lib/wizard/finding-location.ts';
import { STEPS } from '../../src/lib/wizard/problem-location.ts';
import { emptyDraft } from '../../src/lib/wizard/draft.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import { loadChoicePoints, loadClauses } from '../../src/node/load-content.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/review');
let library: Library;
let names: ForeignName[];

/** A small reference model as a document: one article per text. */
function modelDoc(
  id: string,
  organisation: string,
  texts: string[],
  extra: Partial<ProtocolDocument> = {},
): ProtocolDocument {
  return {
    kind: 'model',
    id,
    title: 'Protocol',
    organisation,
    sectors: ['po'],
    contacts: [],
    front: [],
    back: [],
    sections: [
      {
        title: 'Afspraken',
        numbered: true,
        anchor: 'a',
        items: texts.map((text, i) => ({
          article: {
            key: `model/A${i}`,
            number: String(i + 1),
            numberAdded: false,
            anchor: `A${i}`,
            title: 'A',
            text,
            audiences: ['everyone'],
            origin: 'model' as const,
          },
        })),
      },
    ],
    ...extra,
  };
}

beforeAll(() => {
  library = {
    clauses: loadClauses(path.join(FIXTURES, 'library/clauses')),
    choicePoints: loadChoicePoints(path.join(FIXTURES, 'library/choice-points.yaml')),
  };
  names = deriveForeignNames([
    modelDoc(
      'voorbeeld-2020',
      'Voorbeeldcollege',
      ['Wij lopen mee met de Avondvierdaagse.', 'Mail naar meldpunt@voorbeeldcollege.nl.'],
      {
        board: 'Stichting Testbestuur',
        place: 'Teststad',
      },
    ),
    modelDoc('ander-2019', 'Andere School', [
      'Leerlingen gebruiken Instagram en de schoolapp.',
      "Wij delen foto's op Instagram.",
    ]),
  ]);
});

/**
 * Reviews a fixture protocol (`tests/fixtures/review/<name>.yaml`) with the fixture library. It is validated by the
 * schema only, not by `checkProtocol`, so that cases the file checks refuse (two variants, an empty required value)
 * can still show what the review says.
 */
function review(name: string): Finding[] {
  const protocol = ProtocolSchema.parse(parse(fs.readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8')));
  const doc = composeProtocol(path.basename(name), protocol, library);
  return reviewProtocol({ protocol, doc, library, foreignNames: names });
}

/** The findings of one rule, as `severity article` lines. */
function of(findings: Finding[], rule: Finding['rule']): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.article ?? '-'}`);
}

describe('deriveForeignNames', () => {
  test('takes names, board, place, e-mail domains and local names from the models, not generic words', () => {
    const terms = names.map((n) => n.term);
    expect(terms).toEqual(
      expect.arrayContaining([
        'Voorbeeldcollege',
        'Testbestuur',
        'Stichting Testbestuur',
        'Teststad',
        'voorbeeldcollege.nl',
        'Avondvierdaagse',
      ]),
    );
    expect(terms).not.toContain('Stichting');
    expect(terms).not.toContain('Instagram');
  });
});

describe('foreign-organisation', () => {
  test("fires on another school's name, place and local event in an article", () => {
    const f = review('foreign-organisation/fires-on-a-model-school-in-an-article').filter(
      (x) => x.rule === 'foreign-organisation',
    );
    expect(f.map((x) => `${x.severity} ${x.article}`)).toEqual([
      'error custom/reis',
      'error custom/reis',
      'error custom/reis',
    ]);
    expect(f.map((x) => x.message).join(' ')).toMatch(
      /“Voorbeeldcollege”.*“Avondvierdaagse”|“Avondvierdaagse”.*“Voorbeeldcollege”/,
    );
  });
  test("fires on another school's e-mail domain in a contact, pointing at the field", () => {
    const f = review('foreign-organisation/fires-on-a-model-e-mail-domain-in-a-contact').filter(
      (x) => x.rule === 'foreign-organisation',
    );
    expect(f.map((x) => [x.article, x.field])).toEqual([[null, 'school.contacts.0.email']]);
  });
  test("stays quiet when the school is that model's own school", () => {
    expect(
      of(review('foreign-organisation/quiet-when-the-school-is-that-model-school'), 'foreign-organisation'),
    ).toEqual([]);
  });
});

describe('foreign-organisation in what a school inherits from its board (issue 15)', () => {
  /** The fixture school with its board's contacts filled in, reviewed as the build and the wizard review it. */
  function reviewOfBoardSchool(): Finding[] {
    const boardFile = 'tests/fixtures/review/board/testbestuur.yaml';
    const board = parseBoard(fs.readFileSync(path.join(FIXTURES, 'board/testbestuur.yaml'), 'utf8'), boardFile);
    const own = ProtocolSchema.parse(
      parse(fs.readFileSync(path.join(FIXTURES, 'board/school-of-the-board.yaml'), 'utf8')),
    );
    const { protocol, inherited } = withBoard(own, new Map([[board.id, board.board]]));
    const doc = composeProtocol('school-of-the-board', protocol, library);
    return reviewProtocol({ protocol, doc, library, foreignNames: names, inherited }).filter(
      (f) => f.rule === 'foreign-organisation',
    );
  }

  test("points at the board file's contact, not at a place past the end of the school's own contacts", () => {
    const f = reviewOfBoardSchool();
    // The school's own contact 0, then the board's vertrouwenspersoon (effective contact 2, the board file's 1).
    expect(f.map((x) => [x.board, x.field])).toEqual([
      [undefined, 'school.contacts.0.email'],
      ['testbestuur', 'contacts.1.email'],
    ]);
    expect(f[1]!.message).toBe(
      'Het e-mailadres van contactpersoon “vertrouwenspersoon” komt van het bestuur (Stichting Kompas) en hoort bij ' +
        'Voorbeeldcollege (voorbeeldcollege.nl). Laat het verbeteren in het bestand van het bestuur ' +
        '(content/boards/testbestuur.yaml), of geef de school een eigen contactpersoon “vertrouwenspersoon” met een ' +
        'adres van de school.',
    );
  });

  test('as a problem of a file, is placed in the board file, with the protocol file as related place', () => {
    const [own, fromBoard] = reviewOfBoardSchool();
    expect(findingToProblem(own!, 'content/protocols/de-test.yaml')).toMatchObject({
      file: 'content/protocols/de-test.yaml',
      field: 'school.contacts.0.email',
    });
    expect(findingToProblem(fromBoard!, 'content/protocols/de-test.yaml')).toEqual({
      rule: 'foreign-organisation',
      severity: 'error',
      file: 'content/boards/testbestuur.yaml',
      field: 'contacts.1.email',
      message: fromBoard!.message,
      related: [{ file: 'content/protocols/de-test.yaml' }],
    });
  });

  test("in the wizard, goes to the board item's own-contact button, with no school field to describe", () => {
    const [own, fromBoard] = reviewOfBoardSchool();
    const draft = emptyDraft();
    expect(findingLocation(fromBoard!, draft)).toEqual({
      step: STEPS.school,
      fallbackId: boardItemId('contacts', 1),
    });
    expect(boardItemId('contacts', 1)).toBe('board-contacts-1-own');
    expect(findingProblem(fromBoard!)).toEqual({ file: '', message: fromBoard!.message, rule: 'foreign-organisation' });
    // The school's own contact keeps its field, which the "Gegevens" step shows.
    expect(findingLocation(own!, draft)).toEqual({ step: STEPS.school });
    expect(findingProblem(own!).field).toBe('school.contacts.0.email');
  });
});

describe('outdated-image-consent', () => {
  test('fires on the opt-out variant as an error', () => {
    expect(of(review('outdated-image-consent/fires-on-opt-out'), 'outdated-image-consent')).toEqual([
      'error all-users/beeld-bezwaar',
    ]);
  });
  test('fires on "ouder dan 16" as a warning, and on consent not per purpose', () => {
    const f = review('outdated-image-consent/fires-on-older-than-16').filter(
      (x) => x.rule === 'outdated-image-consent',
    );
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(f[0]!.message).toContain('vanaf 16 jaar');
  });
  test('fires on another age than 16 as an error at the value', () => {
    const f = review('outdated-image-consent/fires-on-an-age-other-than-16').filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.rule, x.field])).toEqual([
      ['outdated-image-consent', 'sections.0.articles.0.values.consentAge'],
    ]);
  });
  test("fires on the school's own opt-out article", () => {
    expect(of(review('outdated-image-consent/fires-on-an-own-opt-out-article'), 'outdated-image-consent')).toEqual([
      'error custom/fotos',
    ]);
  });
  test('stays quiet on consent per purpose', () => {
    expect(of(review('outdated-image-consent/quiet-on-consent-per-purpose'), 'outdated-image-consent')).toEqual([]);
  });
});

describe('phone-agreement', () => {
  test('fires on a teacher-permits rule in vo as an error', () => {
    expect(of(review('phone-agreement/fires-on-teacher-permits-in-vo'), 'phone-agreement')).toEqual([
      'error devices/telefoon-toestemming-docent',
    ]);
  });
  test('fires on a po protocol without a device rule, naming the clause that covers it', () => {
    const f = review('phone-agreement/fires-on-no-device-rule-in-po').filter((x) => x.rule === 'phone-agreement');
    expect(f.map((x) => [x.severity, x.article, x.suggest])).toEqual([
      ['warning', null, 'devices/apparaten-nee-tenzij-lessen'],
    ]);
  });
  test('fires on a bag rule that names no smartwatches and has no exceptions', () => {
    const f = review('phone-agreement/fires-on-a-bag-rule-without-smartwatches-or-exceptions').filter(
      (x) => x.rule === 'phone-agreement',
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/smartwatches.*uitzonderingen/);
  });
  test('stays quiet on the teacher-decides rule in mbo, which the agreement does not cover', () => {
    expect(of(review('phone-agreement/quiet-on-teacher-decides-in-mbo'), 'phone-agreement')).toEqual([]);
  });
  test('stays quiet on a variant of the agreement with its exceptions', () => {
    expect(of(review('phone-agreement/quiet-on-the-agreement-with-exceptions'), 'phone-agreement')).toEqual([]);
  });
});

describe('dead-platform', () => {
  test('fires on Hyves and Twitter in a list value, and on "retweeten" in an own article', () => {
    const f = review('dead-platform/fires-on-hyves-twitter-and-retweeten').filter((x) => x.rule === 'dead-platform');
    expect(f.map((x) => [x.article, x.field])).toEqual([
      ['introduction/platforms', 'sections.0.articles.0.values.platforms'],
      ['introduction/platforms', 'sections.0.articles.0.values.platforms'],
      ['custom/delen', 'sections.0.articles.1'],
    ]);
  });
  test('stays quiet on "X (voorheen Twitter)"', () => {
    expect(of(review('dead-platform/quiet-on-x-formerly-twitter'), 'dead-platform')).toEqual([]);
  });
});

describe('missing-topic', () => {
  test('fires once per missing topic, each naming the clause that would cover it', () => {
    const f = review('missing-topic/fires-on-a-protocol-with-only-an-introduction').filter(
      (x) => x.rule === 'missing-topic',
    );
    expect(f.map((x) => x.suggest)).toEqual([
      'all-users/beeld-toestemming-per-doel',
      'reporting/iedereen-meldt',
      'measures-pupils/maatregelen-naar-ernst',
      'all-users/seksuele-beelden',
      'parents/klassenapp-ouders',
      'school-communication/eigen-kanalen',
    ]);
    expect(f[0]!.message).toContain('“Toestemming per doel” (all-users/beeld-toestemming-per-doel)');
  });
  test("points at the school's accounts article when the protocol has accounts but not the AP's conditions", () => {
    expect(of(review('missing-topic/fires-on-school-accounts-without-the-ap-advice'), 'missing-topic')).toEqual([
      'warning school-communication/schoolaccounts-officieel',
    ]);
  });
  test('stays quiet on a protocol that covers every topic', () => {
    expect(of(review('missing-topic/quiet-on-a-complete-protocol'), 'missing-topic')).toEqual([]);
  });
});

describe('contradiction', () => {
  test('fires on two variants of one choice point as an error', () => {
    expect(of(review('contradiction/fires-on-two-variants-of-one-choice-point'), 'contradiction')).toEqual([
      'error all-users/beeld-toestemming-per-doel',
    ]);
  });
  test("fires on an own phone rule beside the library's phone rule as a warning", () => {
    expect(of(review('contradiction/fires-on-an-own-phone-rule-beside-the-library'), 'contradiction')).toEqual([
      'warning custom/telefoon',
    ]);
  });
  test('stays quiet with one rule per matter', () => {
    expect(of(review('contradiction/quiet-on-one-rule-per-matter'), 'contradiction')).toEqual([]);
  });
});

describe('dangling-reference', () => {
  test('fires when the clause an article leans on is missing, naming it', () => {
    const f = review('dangling-reference/fires-when-the-required-clause-is-missing').filter(
      (x) => x.rule === 'dangling-reference',
    );
    expect(f.map((x) => [x.article, x.suggest])).toEqual([['introduction/zoals-hierboven', 'introduction/vooraf']]);
  });
  test('stays quiet when it is there', () => {
    expect(of(review('dangling-reference/quiet-when-the-required-clause-is-there'), 'dangling-reference')).toEqual([]);
  });
});

describe('sector-mismatch', () => {
  test('fires on an mbo clause, and on "deelnemers" and "onderwijsmanager", in po', () => {
    const f = review('sector-mismatch/fires-on-an-mbo-clause-and-words-in-po').filter(
      (x) => x.rule === 'sector-mismatch',
    );
    expect(f.map((x) => x.message.match(/bedoeld voor mbo|“deelnemer”|“onderwijsmanager”/)?.[0])).toEqual([
      'bedoeld voor mbo',
      '“deelnemer”',
      '“onderwijsmanager”',
    ]);
  });
  test('stays quiet on "deelnemers" of a group app', () => {
    expect(of(review('sector-mismatch/quiet-on-deelnemers-of-a-group-app'), 'sector-mismatch')).toEqual([]);
  });
  test('stays quiet on the same clause in mbo', () => {
    expect(of(review('sector-mismatch/quiet-on-the-same-clause-in-mbo'), 'sector-mismatch')).toEqual([]);
  });
});

describe('unfilled', () => {
  test('fires on a required value left empty, at its field', () => {
    const f = review('unfilled/fires-on-a-required-value-left-empty').filter((x) => x.rule === 'unfilled');
    expect(f.map((x) => [x.severity, x.field])).toEqual([['error', 'sections.0.articles.0.values.reportEmail']]);
  });
  test('fires on a placeholder left in an own article', () => {
    expect(of(review('unfilled/fires-on-a-placeholder-left-in-an-own-article'), 'unfilled')).toEqual([
      'error custom/contact',
    ]);
  });
  test('stays quiet when the value is given', () => {
    expect(of(review('unfilled/quiet-when-the-value-is-given'), 'unfilled')).toEqual([]);
  });
});

describe('accepted findings', () => {
  test("an accepted error carries the school's reason and no longer blocks", () => {
    const f = review('accepted/an-accepted-error-carries-its-reason');
    const phone = f.find((x) => x.rule === 'phone-agreement')!;
    expect(phone.accepted).toBe('Wij zijn een vavo-school; de afspraak geldt bij ons niet.');
    expect(countFindings(f).blocking).toBe(0);
    expect(countFindings(review('phone-agreement/fires-on-teacher-permits-in-vo')).blocking).toBe(1);
  });
  test('errors come first', () => {
    const f = review('missing-topic/fires-on-school-accounts-without-the-ap-advice');
    const order = f.map((x) => x.severity);
    expect(
      [...order].sort((a, b) => ['error', 'warning', 'hint'].indexOf(a) - ['error', 'warning', 'hint'].indexOf(b)),
    ).toEqual(order);
  });
});
