/**
 * Bad input to the protocol parser (the build and the wizard's import share it): the review's failures 8, 9, 12
 * and 13 (attack-2026-11.md). Every bad file gives located Dutch problems with a rule id, never a thrown
 * JavaScript error, and nothing is dropped or changed without a word.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { ContentError, type Problem } from '../../src/lib/errors/content-error.ts';
import { protocolWarnings } from '../../src/lib/compose/protocol-warnings.ts';
import { decodeText } from '../../src/lib/yaml/decode-text.ts';
import { fixtureContent } from '../helpers/fixture-content.ts';

// The small fixture library: its clause all-users/beeld-toestemming has a number variable, an age (0–120).
let library: Library;
let modelIds: string[];
beforeAll(() => {
  ({ library, modelIds } = fixtureContent('small-library'));
});

/** A small valid protocol; `patch` replaces parts of it. */
function protocolText(
  patch: { school?: string; adoption?: string; values?: string; top?: string; extra?: string } = {},
): string {
  return [
    `format: 1`,
    patch.top ?? '',
    `school:`,
    patch.school ?? `  name: Basisschool De Linde`,
    `  sector: po`,
    `version: "1.0"`,
    patch.adoption ?? '',
    `startsFrom: voorbeeld-2020`,
    `sections:`,
    `  - title: Voor iedereen`,
    `    articles:`,
    `      - clause: all-users/beeld-toestemming`,
    `        values:`,
    patch.values ?? `          consentAge: 16`,
    patch.extra ?? '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The problems parsing `text` gives; fails when it is accepted or throws anything but a ContentError. */
function problemsOf(text: string): Problem[] {
  try {
    parseProtocol(text, 'x.yaml', library, modelIds);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as ContentError).problems;
  }
  throw new Error('accepted, but should be refused');
}

describe('YAML faults (review failures 9 and 13)', () => {
  test('an alias bomb gets its own Dutch message, not a ReferenceError', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const problems = problemsOf(bomb.join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.rule).toBe('yaml-alias-limit');
    expect(problems[0]!.message).toMatch(/verwijzingen/);
  });

  test('a missing ] is one Dutch problem with line, column and a fix', () => {
    const problems = problemsOf('format: 1\nschool:\n  name: [De Linde\n  sector: po\n');
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p!.rule).toBe('yaml-syntax');
    expect(p!.line).toBeGreaterThan(0);
    expect(p!.column).toBeGreaterThan(0);
    expect(p!.message).not.toMatch(/Missing|Unexpected|flow|collection|expected/);
    expect(p!.message).toMatch(/\]/);
  });

  test('garbage gives a short list of distinct messages, not hundreds of identical lines', () => {
    const garbage = Array.from({ length: 8000 }, (_, i) => `: ] } [ {${i % 7 ? '"' : "'"}`).join('\n');
    const problems = problemsOf(garbage);
    expect(problems.length).toBeLessThanOrEqual(11);
    expect(new Set(problems.map((p) => `${p.line}: ${p.message}`)).size).toBe(problems.length);
    expect(problems.at(-1)!.message).toMatch(/nog meer fouten/);
  });

  test('5 MB is refused as too large before it is parsed', () => {
    const problems = problemsOf('#'.repeat(5_000_000));
    expect(problems.map((p) => p.rule)).toEqual(['yaml-too-large']);
  });

  test('a duplicate key names the key', () => {
    const problems = problemsOf(protocolText({ extra: 'version: "2.0"' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.rule).toBe('yaml-duplicate-key');
    expect(problems[0]!.message).toContain('`version`');
  });

  test('a multi-document file gets its own message', () => {
    const problems = problemsOf(`${protocolText()}\n---\nformat: 1\n`);
    expect(problems.map((p) => p.rule)).toEqual(['yaml-multiple-documents']);
    expect(problems[0]!.message).toMatch(/---/);
  });

  test('deep nesting gets its own message, not a stack overflow', () => {
    const problems = problemsOf(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(problems.map((p) => p.rule)).toEqual(['yaml-too-deep']);
  });

  test('an empty file has a line and a fix', () => {
    for (const text of ['', '   \n', '# alleen commentaar\n']) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.line).toBe(1);
      expect(problems[0]!.rule).toBe('yaml-empty');
      expect(problems[0]!.message).toMatch(/format: 1/);
    }
  });
});

describe('values (review failure 13)', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    '`values.%s` is refused like any unknown name',
    (name) => {
      const problems = problemsOf(protocolText({ values: `          consentAge: 16\n          ${name}: x` }));
      expect(problems.map((p) => p.field)).toEqual([`sections.0.articles.0.values.${name}`]);
      expect(problems[0]!.rule).toBe('unknown-variable');
    },
  );

  test('`__proto__` under values or reasons is refused with a message, never dropped', () => {
    const inValues = problemsOf(protocolText({ values: `          consentAge: 16\n          __proto__: x` }));
    expect(inValues.map((p) => p.rule)).toEqual(['reserved-key']);
    expect(inValues[0]!.message).toContain('__proto__');
    const inReasons = problemsOf(protocolText({ extra: 'reasons:\n  __proto__: omdat' }));
    expect(inReasons.map((p) => p.rule)).toEqual(['reserved-key']);
  });

  test('an age stays between 0 and 120', () => {
    expect(problemsOf(protocolText({ values: '          consentAge: -5' }))[0]!.message).toMatch(/minstens 0/);
    expect(problemsOf(protocolText({ values: '          consentAge: 200' }))[0]!.message).toMatch(/hoogstens 120/);
  });

  test('1e400 is called too large, not "null"', () => {
    const [p] = problemsOf(protocolText({ values: '          consentAge: 1e400' }));
    expect(p!.message).not.toContain('null');
    expect(p!.message).toMatch(/te groot|geheel getal/);
  });

  test('`format: 0` says the format is 1', () => {
    const [p] = problemsOf(protocolText().replace('format: 1', 'format: 0'));
    expect(p!.field).toBe('format');
    expect(p!.message).toMatch(/format: 1/);
    expect(p!.message).not.toMatch(/minstens 0/);
  });
});

describe('dates (review failure 8)', () => {
  test.each(['2024-13-45', '2024-02-31', '2023-02-29', '0000-00-00'])(
    'an impossible adoption date %s is refused',
    (date) => {
      const problems = problemsOf(protocolText({ adoption: `adoption:\n  by: het bestuur\n  date: ${date}` }));
      expect(problems.map((p) => p.field)).toEqual(['adoption.date']);
      expect(problems[0]!.message).toMatch(/bestaat niet/);
    },
  );

  test('an impossible consent date is refused', () => {
    const problems = problemsOf(
      protocolText({
        adoption: `adoption:\n  by: het bestuur\n  date: 2024-03-01\n  consent:\n    - { body: MR, date: 2024-02-31 }`,
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['adoption.consent.0.date']);
  });

  test('a leap day is a real date', () => {
    expect(() =>
      parseProtocol(
        protocolText({ adoption: 'adoption:\n  by: het bestuur\n  date: 2024-02-29' }),
        'x.yaml',
        library,
        modelIds,
      ),
    ).not.toThrow();
  });

  test('a consent dated after the adoption is a warning', () => {
    const protocol = parseProtocol(
      protocolText({
        adoption: 'adoption:\n  by: het bestuur\n  date: 2024-03-01\n  consent:\n    - { body: MR, date: 2024-03-05 }',
      }),
      'x.yaml',
      library,
      modelIds,
    );
    const warnings = protocolWarnings(protocol, 'x.yaml');
    expect(warnings.map((w) => [w.rule, w.severity, w.field])).toEqual([
      ['consent-after-adoption', 'warning', 'adoption.consent.0.date'],
    ]);
  });
});

describe('text that would be changed without a word (review failure 12)', () => {
  test('an emoji, which the PDF cannot show, is a warning naming the field', () => {
    const protocol = parseProtocol(
      protocolText({ school: '  name: Basisschool De Linde 🌳' }),
      'x.yaml',
      library,
      modelIds,
    );
    expect(protocolWarnings(protocol, 'x.yaml').map((w) => [w.rule, w.field])).toEqual([
      ['pictograph-in-pdf', 'school.name'],
    ]);
  });

  test('a school name over 200 characters is refused', () => {
    const problems = problemsOf(protocolText({ school: `  name: ${'a'.repeat(201)}` }));
    expect(problems.map((p) => [p.field, p.rule])).toEqual([['school.name', 'invalid-value']]);
    expect(problems[0]!.message).toMatch(/te lang: hoogstens 200 tekens/);
  });

  test('a right-to-left override in a name is refused', () => {
    const problems = problemsOf(protocolText({ school: `  name: "Basisschool \u202eedniL eD"` }));
    expect(problems.map((p) => [p.field, p.rule])).toEqual([['school.name', 'bidi-control']]);
  });

  test('Latin-1 bytes are refused with "save as UTF-8", at their line', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('format: 1\nschool:\n  name: Caf'), 0xe9, 0x0a]);
    expect(() => decodeText(bytes, 'x.yaml')).toThrow(ContentError);
    try {
      decodeText(bytes, 'x.yaml');
    } catch (e) {
      const [p] = (e as ContentError).problems;
      expect(p!.rule).toBe('file-not-utf8');
      expect(p!.line).toBe(3);
      expect(p!.message).toMatch(/UTF-8/);
    }
  });

  test('a UTF-16 file (with or without BOM) is refused with "save as UTF-8"', () => {
    const text = 'format: 1\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    const be = le.map((_, i) => (i < 2 ? [0xfe, 0xff][i]! : le[i % 2 === 0 ? i + 1 : i - 1]!));
    const noBom = le.slice(2);
    for (const bytes of [le, be, noBom]) {
      expect(() => decodeText(bytes, 'x.yaml')).toThrow(/UTF-8/);
    }
  });

  test('UTF-8 with or without BOM is read as text', () => {
    const body = 'name: Café 👍\n';
    expect(decodeText(new TextEncoder().encode(body), 'x.yaml')).toBe(body);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]), 'x.yaml')).toBe(body);
  });
});
