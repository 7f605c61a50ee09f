/**
 * Property tests with fast-check over the core the build and the wizard share: for any text, parsing a protocol
 * gives a protocol or located problems, never a thrown error; composing, rendering, reviewing and diffing any valid
 * protocol never throw; a protocol diffed with itself has no changes.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import type { Library } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { diffDocuments } from '../../src/lib/diff/diff-documents.ts';
import { renderDocumentHtml } from '../../src/lib/render/render-html.ts';
import { renderPrintHtml } from '../../src/lib/render/render-print.ts';
import { renderChangeSummaryHtml, renderChangesHtml } from '../../src/lib/render/render-change.ts';
import { renderRedlineTextHtml } from '../../src/lib/render/render-redline.ts';
import { renderVersionDiffText } from '../../src/lib/render/render-terminal.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import { draftFromProtocol } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { reviewWarnings } from '../../src/lib/wizard/warnings.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { protocolArbitrary } from '../helpers/protocol-arbitrary.ts';

let library: Library;
let modelIds: string[];
let modelDocs: ReturnType<typeof loadSite>['modelDocs'];
let validText: string;
beforeAll(() => {
  const site = loadSite();
  library = site.library;
  modelIds = [...site.models.keys()];
  modelDocs = site.modelDocs;
  validText = stringify({
    format: 1,
    school: { name: 'De Linde', sector: 'po' },
    version: '1.0',
    startsFrom: 'scope-2012',
    sections: [{ title: 'A', articles: [{ clause: 'all-users/respect' }] }],
  });
});

/** Parses; a ContentError is an answer (every problem has a file and a message), anything else fails the test. */
function parseOrProblems(text: string): void {
  try {
    parseProtocol(text, 'fuzz.yaml', library, modelIds);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.file).toBe('fuzz.yaml');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.rule).toBeTruthy();
    }
  }
}

describe('parseProtocol never throws anything but located problems', () => {
  test('for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parseOrProblems), { numRuns: 1500 });
  });

  test('for YAML-looking text: keys, brackets, anchors, tags and indentation', () => {
    const token = fc.constantFrom(
      'format: 1\n',
      'school:\n',
      '  name: x\n',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '&a ',
      '*a ',
      '!!str ',
      '!x ',
      '"',
      "'",
      '#',
      '\n',
      '  ',
      '\t',
      '---\n',
      '__proto__: 1\n',
      'constructor: 1\n',
      '1e400',
      '<<: *a\n',
      '? ',
      '|\n',
      '>\n',
      '%YAML 1.2\n',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        parseOrProblems,
      ),
      { numRuns: 1500 },
    );
  });

  test('for a valid protocol with random changes', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }), (at, insert) => {
        const i = at % (validText.length + 1);
        parseOrProblems(validText.slice(0, i) + insert + validText.slice(i));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('any valid protocol', () => {
  test('composes, renders, is reviewed and diffed without throwing; diffed with itself it has no changes', () => {
    fc.assert(
      fc.property(
        protocolArbitrary(library, modelIds),
        fc.constantFrom('scope-2012', 'mill-hill-2023'),
        (file, model) => {
          const protocol = parseProtocol(stringify(file), 'gen.yaml', library, modelIds);
          const doc = composeProtocol('gen', protocol, library);
          expect(renderDocumentHtml(doc, { summaries: true })).toContain('<');
          expect(renderPrintHtml(doc)).toContain('<');
          const ev = evaluateDraft(draftFromProtocol(protocol, 'sector:po'), library, modelIds);
          expect(ev.problems).toEqual([]);
          reviewWarnings(ev.input, ev.doc, ev.problems, library);

          const modelDoc = modelDocs.get(model)!;
          const names = { beforeName: 'versie 1.0', afterName: 'concept 2.0' };
          const againstModel = diffVersions(modelDoc, doc, {}, { against: 'model' });
          renderChangeSummaryHtml(againstModel, { beforeName: model, afterName: 'gen' });
          renderChangesHtml(againstModel, { beforeName: model, afterName: 'gen' });
          const versions = diffVersions(modelDoc, doc, protocol.reasons);
          renderChangesHtml(versions, names);
          renderRedlineTextHtml(versions, modelDoc, doc, names);
          renderVersionDiffText(versions, names);

          const self = diffDocuments(doc, doc);
          expect(self.changes.filter((c) => c.kind !== 'unchanged')).toEqual([]);
          expect(diffVersions(doc, doc).changes).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
