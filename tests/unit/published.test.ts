import { describe, expect, test } from 'vitest';
import {
  draftBanner,
  protocolPaths,
  publishedVersions,
  refusalSentence,
  runningVersion,
  versionHeadline,
  versionSlug,
} from '../../src/lib/versions/published.ts';
import { checkHistory } from '../../src/lib/versions/history.ts';
import { loadSite } from '../../src/node/site-data.ts';

/** A version with an adoption (or none, a draft). */
function v(version: string, adoption?: { date: string; refused?: boolean }) {
  return {
    version,
    protocol: {
      version,
      school: { name: 'Basisschool De Linde' },
      adoption: adoption && {
        by: 'de directie',
        date: adoption.date,
        consent: [
          {
            body: 'MR',
            date: adoption.date,
            outcome: adoption.refused ? ('niet-ingestemd' as const) : ('ingestemd' as const),
          },
        ],
      },
    },
  };
}

describe('publishedVersions', () => {
  test('the version in force is the latest adopted; a current file without adoption is the draft', () => {
    const old = v('1.0', { date: '2023-06-19' });
    const draft = v('2.0');
    expect(publishedVersions(draft, [old])).toEqual({ adopted: [old], inForce: old, draft, main: old });
  });

  test('once the current file is adopted it is in force and there is no draft', () => {
    const old = v('1.0', { date: '2023-06-19' });
    const current = v('2.0', { date: '2025-01-10' });
    expect(publishedVersions(current, [old])).toEqual({
      adopted: [old, current],
      inForce: current,
      draft: undefined,
      main: current,
    });
  });

  test('a school with only a draft shows the draft on its main page', () => {
    const draft = v('0.1');
    expect(publishedVersions(draft, [])).toEqual({ adopted: [], inForce: undefined, draft, main: draft });
  });
});

describe('the words at the top of a version', () => {
  test('an adopted version in force', () => {
    const a = v('1.0', { date: '2023-06-19' });
    expect(versionHeadline(a, a)).toBe('Dit is versie 1.0, vastgesteld op 19 juni 2023. Deze versie geldt nu.');
  });

  test('an older version says it no longer applies and which one does', () => {
    expect(versionHeadline(v('1.0', { date: '2023-06-19' }), v('2.0', { date: '2025-01-10' }))).toBe(
      'Dit is versie 1.0, vastgesteld op 19 juni 2023. Deze versie geldt niet meer: nu geldt versie 2.0.',
    );
  });

  test('a refused consent (niet-ingestemd) is said wherever the adoption is', () => {
    const refused = v('2.0', { date: '2025-01-10', refused: true });
    expect(refusalSentence(refused.protocol.adoption)).toBe('Let op: de MR stemde op 10 januari 2025 niet in.');
    expect(versionHeadline(refused, refused)).toBe(
      'Dit is versie 2.0, vastgesteld op 10 januari 2025. Deze versie geldt nu. Let op: de MR stemde op 10 januari 2025 niet in.',
    );
    expect(draftBanner(v('3.0'), refused)).toBe(
      'Dit is een voorstel van Basisschool De Linde voor versie 3.0. Het geldt nog niet. Nu geldt versie 2.0, vastgesteld op 10 januari 2025. Let op: de MR stemde op 10 januari 2025 niet in.',
    );
  });

  test('the draft banner, with and without a version in force', () => {
    expect(draftBanner(v('2.0'), v('1.0', { date: '2023-06-19' }))).toBe(
      'Dit is een voorstel van Basisschool De Linde voor versie 2.0. Het geldt nog niet. Nu geldt versie 1.0, vastgesteld op 19 juni 2023.',
    );
    expect(draftBanner(v('0.1'), undefined)).toBe(
      'Dit is een voorstel van Basisschool De Linde voor versie 0.1. Het geldt nog niet. Er is nog geen vastgestelde versie.',
    );
  });

  test('the running header of a draft says concept', () => {
    expect([runningVersion({ version: '2.0' }), runningVersion({ version: '1.0', adoption: {} })]).toEqual([
      'concept versie 2.0',
      'versie 1.0',
    ]);
  });
});

describe('protocolPaths', () => {
  test('gives each page its address and its PDF and Word file', () => {
    expect(protocolPaths('de-linde', 'main', '1.0')).toEqual({
      page: '/protocollen/de-linde/',
      print: '/protocollen/de-linde/print/',
      pdf: '/protocollen/de-linde/de-linde.pdf',
      docx: '/protocollen/de-linde/de-linde.docx',
    });
    expect(protocolPaths('de-linde', 'concept', '2.0').pdf).toBe(
      '/protocollen/de-linde/concept/de-linde-concept-2.0.pdf',
    );
    expect(protocolPaths('de-linde', 'version', '2025/1').docx).toBe(
      '/protocollen/de-linde/2025-1/de-linde-2025-1.docx',
    );
    expect(versionSlug('1.0 (herzien)')).toBe('1.0-herzien-');
  });
});

describe('checkHistory', () => {
  test('refuses a version number that is the address of another page', () => {
    const linde = loadSite().protocols.get('de-linde')!;
    const current = {
      ...linde.current,
      version: 'concept',
      protocol: { ...linde.protocol, version: 'concept' },
      text: '',
    };
    const problems = checkHistory(current, linde.history);
    expect(problems.map((p) => [p.rule, p.file, p.field])).toContainEqual([
      'reserved-version',
      'content/protocols/de-linde.yaml',
      'version',
    ]);
  });
});
