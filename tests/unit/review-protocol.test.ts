import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import type { Library, ProtocolDocument } from '../../src/lib/compose/document.ts';
import { modelToDocument } from '../../src/lib/compose/model-document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { deriveForeignNames } from '../../src/lib/lint/foreign-names.ts';
import type { Finding } from '../../src/lib/lint/finding.ts';
import { reviewProtocol } from '../../src/lib/lint/review-protocol.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import { sectorDefault } from '../../src/lib/wizard/sector-default.ts';

// The live library and the five rebuilt models: what LAW.md and the content review say is outdated in each model
// is found, and a protocol of only the clauses for current law gets no finding.
let library: Library;
let modelDocs: ProtocolDocument[];
let modelIds: string[];
beforeAll(() => {
  library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  modelIds = [...models.keys()];
  modelDocs = [...models.values()].map((m) => modelToDocument(m, library));
});

/** Reviews a protocol file (relative to the project root) with the live library and models. */
function review(file: string): Finding[] {
  const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds);
  const doc = composeProtocol(path.basename(file, '.yaml'), protocol, library);
  return reviewProtocol({ protocol, doc, library, foreignNames: deriveForeignNames(modelDocs) });
}

const has = (findings: Finding[], rule: Finding['rule'], test: (f: Finding) => boolean) =>
  findings.some((f) => f.rule === rule && test(f));

describe('the review on the five rebuilt reference models', () => {
  test('SCOPE 2012: Hyves, opt-out consent as an error, and no device rule', () => {
    const f = review('content/protocols/scope-2012.yaml');
    expect(has(f, 'dead-platform', (x) => x.message.includes('Hyves'))).toBe(true);
    expect(has(f, 'outdated-image-consent', (x) => x.severity === 'error' && /opt-out/.test(x.message))).toBe(true);
    expect(has(f, 'phone-agreement', (x) => x.article === null)).toBe(true);
  });
  test('Mill Hill 2023: the teacher-permits phone rule is an error', () => {
    const f = review('content/protocols/mill-hill-2023.yaml');
    expect(has(f, 'phone-agreement', (x) => x.severity === 'error' && x.article !== null)).toBe(true);
  });
  test("Lankforst 2024: the phone rule names no smartwatches or exceptions, and its school accounts lack the AP's conditions", () => {
    const f = review('content/protocols/lankforst-2024.yaml');
    expect(
      has(
        f,
        'phone-agreement',
        (x) => x.article !== null && /smartwatches/.test(x.message) && /uitzonderingen/.test(x.message),
      ),
    ).toBe(true);
    expect(
      has(f, 'missing-topic', (x) => x.suggest?.startsWith('school-communication/') === true && x.article !== null),
    ).toBe(true);
  });
  test('Hoeksche 2020: no device rule, and "ouder dan 16"', () => {
    const f = review('content/protocols/hoeksche-2020.yaml');
    expect(has(f, 'phone-agreement', (x) => x.article === null)).toBe(true);
    expect(has(f, 'outdated-image-consent', (x) => x.message.includes('ouder dan 16'))).toBe(true);
  });
  test('ROC TOP 2018: the teacher-decides phone rule is right for mbo and not flagged', () => {
    expect(review('content/protocols/roc-top-2018.yaml').filter((x) => x.rule === 'phone-agreement')).toEqual([]);
  });
  test('no rebuilt model is told it names another organisation than itself', () => {
    for (const id of modelIds)
      expect(review(`content/protocols/${id}.yaml`).filter((x) => x.rule === 'foreign-organisation')).toEqual([]);
  });
});

describe('the review on current law', () => {
  test('finds nothing in a protocol made only of the clauses for current law', () => {
    expect(review('tests/fixtures/review/current-clauses-only.yaml')).toEqual([]);
  });
  test("derives the models' own names from their metadata and text", () => {
    const terms = deriveForeignNames(modelDocs).map((n) => n.term);
    expect(terms).toEqual(
      expect.arrayContaining([
        'Mill Hill',
        'OMO',
        'Goirle',
        'SCOPE',
        'Lankforst',
        'Avondvierdaagse',
        'Lindenberg',
        'Hoeksche',
        'roctop.nl',
      ]),
    );
  });
});

describe('the sector defaults a new school starts from', () => {
  test.each(['po', 'vo', 'so', 'mbo'] as const)(
    'the %s default has no error and no finding on phones, images, accounts or other schools',
    (sector) => {
      const input = sectorDefault(sector, library, 'scope-2012', modelIds, { name: 'Het Baken', sector });
      const protocol = ProtocolSchema.parse({ ...input, school: { ...input.school, name: 'Het Baken', sector } });
      const doc = composeProtocol('het-baken', protocol, library);
      const f = reviewProtocol({ protocol, doc, library, foreignNames: deriveForeignNames(modelDocs) });
      expect(f.filter((x) => x.severity === 'error')).toEqual([]);
      const rules = [
        'phone-agreement',
        'outdated-image-consent',
        'missing-topic',
        'foreign-organisation',
        'contradiction',
        'unfilled',
      ];
      expect(f.filter((x) => rules.includes(x.rule)).map((x) => `${x.rule} ${x.article}`)).toEqual([]);
    },
  );
});

/** Runs `scripts/review.ts` as `npm run review` does. */
function runReview(...args: string[]) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/review.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run review', () => {
  test('prints exactly {"findings":[{rule, severity, article, message}]} with --format json, and exits 1 on an error', () => {
    const r = runReview('content/protocols/mill-hill-2023.yaml', '--format', 'json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['findings']);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'article', 'message']);
      expect(['error', 'warning', 'hint']).toContain(f.severity);
    }
    expect(out.findings.some((f) => f.rule === 'phone-agreement' && f.severity === 'error')).toBe(true);
  });
  test('exits 0 on a protocol without errors, with a Dutch summary', () => {
    const r = runReview('tests/fixtures/review/current-clauses-only.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('tests/fixtures/review/current-clauses-only.yaml: 0 fouten, 0 waarschuwingen, 0 tips');
  });
  test('exits 2 with a Dutch message for a bad file and for a missing file', () => {
    const bad = runReview('tests/fixtures/protocols/unknown-clause.yaml', '--format', 'json');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('Het bestand is ongeldig; er is niets gecontroleerd.');
    const missing = runReview('geen-bestand.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('geen-bestand.yaml: bestand niet gevonden.');
  });
});
