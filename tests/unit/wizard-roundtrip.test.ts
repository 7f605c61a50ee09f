/**
 * Nothing lost in the wizard (review attack-2026-11, failure 1): a protocol imported into the wizard and exported
 * again is the same protocol, field for field — adoption and each consent's outcome, reasons, documents, audiences
 * and summaries of own articles, overrides, custom articles, every value. Proven over every file in
 * content/protocols/, over generated valid protocols (fast-check), and through the share link.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { adoptionSentence } from '../../src/lib/render/format-date.ts';
import type { ClauseVariable } from '../../src/lib/schema/clause.ts';
import type { Protocol } from '../../src/lib/schema/protocol.ts';
import { draftFromProtocol, draftToProtocolInput } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { decodeShare, encodeShare } from '../../src/lib/wizard/share.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';

let library: Library;
let modelIds: string[];
beforeAll(() => {
  library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  modelIds = [...loadReferenceModels().keys()];
});

/** Import (parse, draft) then export (composition, YAML) then read again: what the wizard gives back. */
function throughWizard(protocol: Protocol): Protocol {
  const yaml = protocolYaml(draftToProtocolInput(draftFromProtocol(protocol, `model:${protocol.startsFrom}`)));
  return parseProtocol(yaml, 'export.yaml', library, modelIds);
}

/** Every protocol file in content/protocols, current and earlier versions. */
function protocolFiles(): string[] {
  const dir = path.join(ROOT, 'content/protocols');
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join('content/protocols', f))
    .sort();
}

describe('import then export is the identity', () => {
  test('for every file in content/protocols/', () => {
    const files = protocolFiles();
    expect(files.length).toBeGreaterThan(6);
    for (const file of files) {
      const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
      expect(throughWizard(protocol), file).toEqual(protocol);
    }
  });

  test("keeps an MR's refusal a refusal, in the export and in the preview", () => {
    const file = 'content/protocols/de-linde/1.0.yaml';
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace('outcome: ingestemd', 'outcome: niet-ingestemd');
    const protocol = parseProtocol(text, file, library, modelIds);
    expect(protocol.adoption!.consent[0]!.outcome).toBe('niet-ingestemd');
    const draft = draftFromProtocol(protocol, 'model:scope-2012');
    expect(draftToProtocolInput(draft).adoption!.consent![0]!.outcome).toBe('niet-ingestemd');
    const preview = adoptionSentence(evaluateDraft(draft, library, modelIds).doc!.adoption)!;
    expect(preview).not.toContain('na instemming');
    expect(preview).toContain('niet in');
  });

  test('keeps the reasons of De Linde 2.0', () => {
    const file = 'content/protocols/de-linde.yaml';
    const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
    expect(Object.keys(protocol.reasons).length).toBeGreaterThan(5);
    expect(throughWizard(protocol).reasons).toEqual(protocol.reasons);
  });
});

/** Text as people type it: any Unicode, but never a direction-reversing control in a name (those are refused). */
const text = (max = 30) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => !/[\u202a-\u202e\u2066-\u2069]/.test(s));
/** Text with something visible in it (a value of a text variable must not be blank). */
const solidText = (max = 30) => text(max).filter((s) => s.trim() !== '');
const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const word = fc.stringMatching(/^[a-z]{1,10}$/);
const email = fc.tuple(word, word).map(([a, b]) => `${a}@${b}.nl`);
const url = fc.tuple(word, word).map(([a, b]) => `https://www.${a}.nl/${b}`);

/** A value a clause variable accepts. */
function valueFor(v: ClauseVariable): fc.Arbitrary<unknown> {
  switch (v.type) {
    case 'number':
      return fc.integer({ min: v.min ?? 0, max: Math.min(v.max ?? 1000, 1000) });
    case 'choice':
      return fc.constantFrom(...v.options);
    case 'list':
      return fc.array(solidText(15), { minLength: 1, maxLength: 4 });
    case 'email':
      return email;
    default:
      return solidText(40);
  }
}

/** A valid protocol file (as a plain object), every optional field sometimes present. */
function protocolArbitrary() {
  const ids = [...library.clauses.keys()];
  const clauseSets = fc.shuffledSubarray(ids, { minLength: 1, maxLength: 10 }).map((picked) => {
    const seen = new Set<string>();
    return picked.filter((id) => {
      const cp = library.clauses.get(id)!.choicePoint;
      if (!cp) return true;
      if (seen.has(cp)) return false;
      seen.add(cp);
      return true;
    });
  });
  return clauseSets.chain((clauses) => {
    const libraryArticles = clauses.map((id) => {
      const variables = Object.entries(library.clauses.get(id)!.variables);
      const entries = variables.map(([name, v]) =>
        (v.required ? valueFor(v).map((x) => [name, x] as const) : fc.option(valueFor(v).map((x) => [name, x] as const), { nil: undefined })),
      );
      return fc.tuple(...entries, fc.boolean()).map((xs) => {
        const withValues = xs.slice(0, -1).filter((x): x is readonly [string, unknown] => x !== undefined);
        return withValues.length || xs.at(-1) ? { clause: id, values: Object.fromEntries(withValues) } : { clause: id };
      });
    });
    const customArticles = fc.array(
      fc.record(
        {
          title: text(),
          text: text(200),
          audiences: fc.subarray(['everyone', 'pupils', 'parents', 'staff', 'leadership'] as const, { minLength: 1 }),
          summary: text(60),
        },
        { requiredKeys: ['title', 'text'] },
      ),
      { maxLength: 3 },
    );
    return fc
      .record({
        articles: libraryArticles.length ? fc.tuple(...libraryArticles) : fc.constant([]),
        custom: customArticles,
        sectionCount: fc.integer({ min: 1, max: 3 }),
        sectionMeta: fc.array(fc.record({ title: text(), label: fc.option(text(3), { nil: undefined }), numbered: fc.boolean() }), { minLength: 3, maxLength: 3 }),
        school: fc.record(
          {
            name: text(60),
            board: text(),
            sector: fc.constantFrom('po', 'vo', 'mbo', 'so'),
            place: text(),
            pupils: text(15),
            contacts: fc.array(
              fc.record({ role: text(), name: text(), email, phone: text(15), reporting: fc.boolean() }, { requiredKeys: ['role'] }),
              { maxLength: 3 },
            ),
            documents: fc.array(fc.record({ title: text(), url }, { requiredKeys: ['title'] }), { maxLength: 3 }),
          },
          { requiredKeys: ['name', 'sector'] },
        ),
        title: fc.option(text(), { nil: undefined }),
        version: text(10),
        adoption: fc.option(
          fc.record({
            by: text(),
            date,
            consent: fc.array(fc.record({ body: text(15), date, outcome: fc.option(fc.constantFrom('ingestemd', 'niet-ingestemd'), { nil: undefined }) }), {
              maxLength: 2,
            }),
          }),
          { nil: undefined },
        ),
        startsFrom: fc.constantFrom(...modelIds),
        overrideTexts: fc.array(fc.option(text(80), { nil: undefined }), { minLength: 10, maxLength: 10 }),
        reasonTexts: fc.array(fc.option(text(80), { nil: undefined }), { minLength: 13, maxLength: 13 }),
      })
      .map((r) => {
        const all = [
          ...r.articles,
          ...r.custom.map((c, i) => ({ custom: `eigen-${i + 1}`, ...c })),
        ];
        const sections = Array.from({ length: r.sectionCount }, (_, si) => ({
          title: r.sectionMeta[si]!.title,
          ...(r.sectionMeta[si]!.label !== undefined ? { label: r.sectionMeta[si]!.label } : {}),
          numbered: r.sectionMeta[si]!.numbered,
          articles: all.filter((_, ai) => ai % r.sectionCount === si),
        })).filter((s) => s.articles.length);
        const overrides = Object.fromEntries(clauses.flatMap((id, i) => (r.overrideTexts[i] ? [[id, r.overrideTexts[i]!]] : [])));
        const keys = [...clauses, ...r.custom.map((_, i) => `custom/eigen-${i + 1}`)];
        const reasons = Object.fromEntries(keys.flatMap((k, i) => (r.reasonTexts[i] ? [[k, r.reasonTexts[i]!]] : [])));
        return {
          format: 1,
          ...(r.title !== undefined ? { title: r.title } : {}),
          school: r.school,
          version: r.version,
          ...(r.adoption ? { adoption: r.adoption } : {}),
          startsFrom: r.startsFrom,
          sections,
          ...(Object.keys(overrides).length ? { overrides } : {}),
          ...(Object.keys(reasons).length ? { reasons } : {}),
        };
      });
  });
}

describe('import then export, over generated valid protocols (fast-check)', () => {
  test('gives back the same protocol', () => {
    fc.assert(
      fc.property(protocolArbitrary(), (file) => {
        const protocol = parseProtocol(stringify(file), 'gen.yaml', library, modelIds);
        expect(throughWizard(protocol)).toEqual(protocol);
      }),
      { numRuns: 150 },
    );
  });

  test('gives back the same protocol through a share link', async () => {
    await fc.assert(
      fc.asyncProperty(protocolArbitrary(), async (file) => {
        const protocol = parseProtocol(stringify(file), 'gen.yaml', library, modelIds);
        const link = await encodeShare(protocolYaml(draftToProtocolInput(draftFromProtocol(protocol, 'sector:po'))));
        expect(parseProtocol(await decodeShare(link), 'deellink', library, modelIds)).toEqual(protocol);
      }),
      { numRuns: 40 },
    );
  });
});
