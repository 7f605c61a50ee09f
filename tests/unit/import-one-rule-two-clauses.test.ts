/**
 * One rule that states what two library clauses say (issue 12: "one rule may align to several clauses"), on the real
 * library: a measures article that also says that the correspondence goes into the pupil's file. The JSON keeps one
 * clause per article; the composition takes the second clause in as a library article right after the first, and
 * only when the school takes the library's text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { importJson } from '../../src/lib/import/import-text.ts';
import { importToProtocolInput } from '../../src/lib/import/to-protocol.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { importBytes, loadImportContext, type ImportContext } from '../../src/node/import-file.ts';

const FILE = path.join(import.meta.dirname, '../fixtures/import/text-one-rule-two-clauses/protocol.txt');

let ctx: ImportContext;
beforeAll(() => {
  ctx = loadImportContext();
});
const importFixture = async () =>
  (await importBytes(new Uint8Array(fs.readFileSync(FILE)), 'protocol.txt', ctx)).result;

describe('one rule that states two clauses', () => {
  test('aligns to its best clause and names the other as also stated; the JSON keeps one clause', async () => {
    const result = await importFixture();
    const [first, second] = result.articles;
    expect(first!.clause).toBe('measures-pupils/naar-ernst');
    expect(first!.also?.map((c) => c.clause)).toEqual(['measures-pupils/verwijtbaar-gedrag-dossier']);
    expect(second!.also).toBeUndefined();
    expect(importJson(result).articles[0]!.clause).toBe('measures-pupils/naar-ernst');
  });

  test('with the library text, both clauses are in the protocol, in order, and the build accepts it', async () => {
    const result = await importFixture();
    const { protocol, notes } = importToProtocolInput(result, ctx.aligner, {
      examples: ctx.examples,
      missingRequired: 'custom',
      fallbackName: 'Basisschool De Proef',
    });
    const parsed = parseProtocol(protocolYaml(protocol), 'een-school.yaml', ctx.library, [...ctx.models.keys()]);
    const ids = parsed.sections.flatMap((s) => s.articles).map((a) => ('clause' in a ? a.clause : a.custom));
    const at = ids.indexOf('measures-pupils/naar-ernst');
    expect(ids[at + 1]).toBe('measures-pupils/verwijtbaar-gedrag-dossier');
    expect(notes.find((n) => n.kind === 'also')).toMatchObject({ article: 0 });
  });

  test("with the school's own words (an override), the second clause is not added: the words already say it", async () => {
    const result = await importFixture();
    const decisions = ['override' as const, 'library' as const];
    const { protocol } = importToProtocolInput(result, ctx.aligner, { decisions, examples: ctx.examples });
    const ids = protocol.sections.flatMap((s) => s.articles).map((a) => ('clause' in a ? a.clause : a.custom));
    expect(ids).not.toContain('measures-pupils/verwijtbaar-gedrag-dossier');
  });

  test('the school can leave the other clause out', async () => {
    const result = await importFixture();
    const { protocol } = importToProtocolInput(result, ctx.aligner, { also: [[], []], examples: ctx.examples });
    const ids = protocol.sections.flatMap((s) => s.articles).map((a) => ('clause' in a ? a.clause : a.custom));
    expect(ids).not.toContain('measures-pupils/verwijtbaar-gedrag-dossier');
  });
});
