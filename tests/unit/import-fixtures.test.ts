/**
 * The fictional protocols in tests/fixtures/import/: each is imported with the real library and models and compared
 * with its hand-written expected alignments. Segmenting and the values are exact; alignment must get at least 8 in
 * 10 right and must never give a clause to a rule the library does not have. (The PDF fixture needs Chromium to be
 * printed and is tested in tests/e2e/import-pdf.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importJson, type ImportResult } from '../../src/lib/import/import-text.ts';
import { scoreFixture, type ExpectedArticle } from '../../src/lib/import/measure-import.ts';
import { importToProtocolInput } from '../../src/lib/import/to-protocol.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { importBytes, loadImportContext, type ImportContext } from '../../src/node/import-file.ts';
import { makeDocx } from '../fixtures/import/docx-word-numbering-and-headings/make-docx.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/import');
const expectedOf = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')) as {
    articles: ExpectedArticle[];
    nonNormative: string[];
    values?: Record<string, unknown>;
  };

let ctx: ImportContext;
beforeAll(() => {
  ctx = loadImportContext();
});

/** Segmenting exactly as expected: every expected article found in order, and nothing more. */
function expectSegments(result: ImportResult, expected: ExpectedArticle[]) {
  expect(result.articles.map((a) => a.text.slice(0, 30))).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const a = result.articles[i]!;
    expect(a.text.startsWith(e.starts), `article ${i + 1}: "${a.text.slice(0, 60)}" starts with "${e.starts}"`).toBe(
      true,
    );
    if (e.number !== undefined) expect(a.number).toBe(e.number);
    expect(a.truncated).toBe(e.truncated ?? false);
    if (e.items !== undefined) expect(a.lines.filter((l) => l.startsWith('- '))).toHaveLength(e.items);
  });
}

function expectAlignment(result: ImportResult, expected: ExpectedArticle[]) {
  const score = scoreFixture(result, expected);
  expect(score.ownGivenClause, JSON.stringify(score.mistakes)).toBe(0);
  expect(score.right / score.expected, JSON.stringify(score.mistakes)).toBeGreaterThanOrEqual(0.8);
}

describe('text-bullets-lead-ins-and-prose', () => {
  const name = 'text-bullets-lead-ins-and-prose';
  test('finds bullets, the lead-in with its list, the prose rules split by sentence and the cut-off last rule', async () => {
    const { result } = await importBytes(
      new Uint8Array(fs.readFileSync(path.join(DIR, name, 'protocol.txt'))),
      'protocol.txt',
      ctx,
    );
    const exp = expectedOf(name);
    expectSegments(result, exp.articles);
    expect(result.nonNormative.map((p) => p.kind)).toEqual(exp.nonNormative);
    expectAlignment(result, exp.articles);
  });

  test('finds the e-mail address, the phone number and the roles, and says which topics the text lacks', async () => {
    const { result } = await importBytes(
      new Uint8Array(fs.readFileSync(path.join(DIR, name, 'protocol.txt'))),
      'protocol.txt',
      ctx,
    );
    const json = importJson(result);
    expect(json.values.emails).toEqual(['vertrouwenspersoon@devlonder.example']);
    expect(json.values.phones).toEqual(['0612345678']);
    expect(json.values.contacts.map((c) => c.role)).toEqual(
      expect.arrayContaining(['vertrouwenspersoon', 'groepsleerkracht']),
    );
    // Nothing about measures for pupils in this text: reported as not in the text, never as the school's choice.
    expect(json.values.notInImportedText).toContain('pupil-measures');
  });
});

describe('docx-word-numbering-and-headings', () => {
  const name = 'docx-word-numbering-and-headings';
  test("keeps Word's own numbering, the lettered items under their lead-in, and the headings as sections", async () => {
    const { read, result } = await importBytes(await makeDocx(), 'het-lage-veld.docx', ctx);
    expect(read.format).toBe('docx');
    const exp = expectedOf(name);
    expectSegments(result, exp.articles);
    expect(result.sections.map((s) => s.title)).toEqual([
      'Inleiding',
      'Afspraken voor leerlingen',
      'Afspraken voor medewerkers',
      'Platforms',
    ]);
    expect(result.nonNormative.map((p) => p.kind)).toEqual(exp.nonNormative);
    expectAlignment(result, exp.articles);
  });

  test('fills the platforms, the e-mail address, the phone number and the adoption with its consent', async () => {
    const { result } = await importBytes(await makeDocx(), 'het-lage-veld.docx', ctx);
    const v = result.values;
    const exp = expectedOf(name).values!;
    expect([...v.platforms].sort()).toEqual(exp.platforms);
    expect(v.emails).toEqual(exp.emails);
    expect(v.phones).toEqual(exp.phones);
    expect(v.adoption).toEqual(exp.adoption);
    expect(v.schoolName).toBe('Scholengemeenschap Het Lage Veld');
    // Read where the clause body has {{school.reporting}}.
    expect(v.school.reporting).toBe('de coördinator leerlingzaken');
  });

  test('becomes a protocol file that the build accepts, with the adoption and the own article', async () => {
    const { result } = await importBytes(await makeDocx(), 'het-lage-veld.docx', ctx);
    const { protocol } = importToProtocolInput(result, ctx.aligner, {
      examples: ctx.examples,
      missingRequired: 'custom',
    });
    const parsed = parseProtocol(protocolYaml(protocol), 'het-lage-veld.yaml', ctx.library, [...ctx.models.keys()]);
    expect(parsed.school.name).toBe('Scholengemeenschap Het Lage Veld');
    expect(parsed.school.contacts.find((c) => c.role === 'coördinator leerlingzaken')?.reporting).toBe(true);
    expect(parsed.adoption).toEqual({
      by: 'College van Bestuur',
      date: '2025-03-14',
      consent: [{ body: 'MR', date: '2025-03-03', outcome: 'ingestemd' }],
    });
    const custom = parsed.sections.flatMap((s) => s.articles).filter((a) => 'custom' in a);
    expect(custom.map((a) => ('custom' in a ? a.text : ''))).toContain(
      'Leerlingen die meedoen aan de schoolschaakclub mogen hun partijen online delen.',
    );
  });
});
