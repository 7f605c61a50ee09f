/**
 * Several rules on one clause and one rule with several candidate clauses (issue 12, "Aligning"), on the real
 * library: two rules in a row that say what one clause says become one article (both texts as one override of that
 * clause) in the composition the wizard makes and in the file `npm run import -- --out` writes; an article can be
 * aligned to another of its candidates.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { importToProtocolInput, proposeDecisions } from '../../src/lib/import/to-protocol.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { importBytes, loadImportContext, type ImportContext } from '../../src/node/import-file.ts';
import { ROOT } from '../../src/node/paths.ts';

const FILE = path.join(import.meta.dirname, '../fixtures/import/text-two-rules-on-one-clause/protocol.txt');
const run = promisify(execFile);

let ctx: ImportContext;
beforeAll(() => {
  ctx = loadImportContext();
});
const importFixture = async () =>
  (await importBytes(new Uint8Array(fs.readFileSync(FILE)), 'protocol.txt', ctx)).result;

describe('two rules in a row on one clause', () => {
  test('are offered as one article: the first as an override, the second merged into it', async () => {
    const result = await importFixture();
    const [first, second, third] = result.articles;
    expect(first!.clause).not.toBeNull();
    expect(second!.clause).toBe(first!.clause);
    expect(third!.clause).not.toBe(first!.clause);
    expect(proposeDecisions(result.articles)).toEqual(['override', 'merge', 'library']);
  });

  test('become one override in a protocol the build accepts', async () => {
    const result = await importFixture();
    const clause = result.articles[0]!.clause!;
    const { protocol, notes } = importToProtocolInput(result, ctx.aligner, {
      examples: ctx.examples,
      missingRequired: 'custom',
    });
    const parsed = parseProtocol(protocolYaml(protocol), 'kleine-beer.yaml', ctx.library, [...ctx.models.keys()]);
    const articles = parsed.sections.flatMap((s) => s.articles);
    expect(articles.filter((a) => 'clause' in a && a.clause === clause)).toHaveLength(1);
    expect(articles.some((a) => 'custom' in a)).toBe(false);
    expect(protocol.overrides?.[clause]).toBe(`${result.articles[0]!.text}\n\n${result.articles[1]!.text}`);
    expect(notes.map((n) => [n.article, n.kind])).toEqual([[1, 'merged']]);
  });

  test('npm run import -- --out writes the same: one article, both texts as its override, and says so', async () => {
    const result = await importFixture();
    const clause = result.articles[0]!.clause!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-merge-'));
    const out = path.join(dir, 'protocol.yaml');
    const { stderr } = await run('npx', ['tsx', 'scripts/import.ts', FILE, '--out', out], { cwd: ROOT });
    expect(stderr).toContain('Artikel 2: Samengevoegd met artikel 1');
    const written = parse(fs.readFileSync(out, 'utf8')) as {
      sections: { articles: { clause?: string }[] }[];
      overrides: Record<string, string>;
    };
    expect(written.sections.flatMap((s) => s.articles).filter((a) => a.clause === clause)).toHaveLength(1);
    expect(written.overrides[clause]).toContain('Ook in de pauze blijft je telefoon uit en in je tas.');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('one rule with several candidate clauses', () => {
  test('the school can align it to its second candidate, and the protocol takes that clause', async () => {
    const result = await importFixture();
    const a = result.articles[2]!;
    const second = a.candidates[1]!.clause;
    expect(second).not.toBe(a.clause);
    const clauses = result.articles.map((x) => x.clause);
    clauses[2] = second;
    const { protocol } = importToProtocolInput(result, ctx.aligner, {
      examples: ctx.examples,
      clauses,
      decisions: proposeDecisions(result.articles, clauses),
      missingRequired: 'custom',
    });
    const parsed = parseProtocol(protocolYaml(protocol), 'kleine-beer.yaml', ctx.library, [...ctx.models.keys()]);
    const ids = parsed.sections.flatMap((s) => s.articles).map((x) => ('clause' in x ? x.clause : null));
    expect(ids).toContain(second);
    expect(ids).not.toContain(a.clause);
  });
});
