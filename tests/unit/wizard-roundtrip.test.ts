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
import { adoptionSentence } from '../../src/lib/text/format-date.ts';
import type { Protocol } from '../../src/lib/schema/protocol.ts';
import { draftFromProtocol, draftToProtocolInput } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { decodeShare, encodeShare } from '../../src/lib/wizard/share.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';
import { protocolArbitrary } from '../helpers/protocol-arbitrary.ts';

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
    const text = fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .replace('outcome: ingestemd', 'outcome: niet-ingestemd');
    const protocol = parseProtocol(text, file, library, modelIds);
    expect(protocol.adoption!.consent[0]!.outcome).toBe('niet-ingestemd');
    const draft = draftFromProtocol(protocol, 'model:scope-2012');
    expect(draftToProtocolInput(draft).adoption!.consent![0]!.outcome).toBe('niet-ingestemd');
    const preview = adoptionSentence(evaluateDraft(draft, library, modelIds).doc!.adoption)!;
    expect(preview).not.toContain('na instemming');
    expect(preview).toContain('niet in');
  });

  test('keeps every reason of De Linde 2.0', () => {
    const file = 'content/protocols/de-linde.yaml';
    const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
    expect(Object.keys(protocol.reasons).length).toBeGreaterThan(4);
    expect(throughWizard(protocol).reasons).toEqual(protocol.reasons);
  });
});

describe('import then export, over generated valid protocols (fast-check)', () => {
  test('gives back the same protocol', () => {
    fc.assert(
      fc.property(protocolArbitrary(library, modelIds), (file) => {
        const protocol = parseProtocol(stringify(file), 'gen.yaml', library, modelIds);
        expect(throughWizard(protocol)).toEqual(protocol);
      }),
      { numRuns: 150 },
    );
  });

  test('gives back the same protocol through a share link', async () => {
    await fc.assert(
      fc.asyncProperty(protocolArbitrary(library, modelIds), async (file) => {
        const protocol = parseProtocol(stringify(file), 'gen.yaml', library, modelIds);
        const link = await encodeShare(protocolYaml(draftToProtocolInput(draftFromProtocol(protocol, 'sector:po'))));
        expect(parseProtocol(await decodeShare(link), 'deellink', library, modelIds)).toEqual(protocol);
      }),
      { numRuns: 40 },
    );
  });
});
