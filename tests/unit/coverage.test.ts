import { describe, expect, test } from 'vitest';
import { coverageMatrix, type CoverageColumn } from '../../src/lib/coverage/coverage.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { SECTION_TITLES } from '../../src/lib/schema/common.ts';

const site = loadSite();
const columns: CoverageColumn[] = [
  ...[...site.models.keys()].map((id) => ({ id, name: id, kind: 'model' as const, doc: site.modelDocs.get(id)! })),
  { id: 'de-linde', name: 'Basisschool De Linde', kind: 'protocol', doc: site.protocols.get('de-linde')!.doc },
];
const rows = coverageMatrix(columns, site.library.choicePoints, site.library.clauses);
const row = (id: string) => rows.find((r) => r.id === id)!;

describe('coverageMatrix', () => {
  test('has a row per choice point, then a row per library section', () => {
    expect(rows.filter((r) => r.kind === 'choicePoint').map((r) => r.id)).toEqual([
      ...site.library.choicePoints.keys(),
    ]);
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.id)).toEqual(Object.keys(SECTION_TITLES));
  });

  // DOMAIN.md, "phones at school": Mill Hill L8, ROC TOP, Lankforst B2; SCOPE and Hoeksche leave it out.
  test('names the variant each model and the protocol chose for phones at school, and who leaves it out', () => {
    expect(columns.map((c) => c.id)).toEqual([
      'hoeksche-2020',
      'lankforst-2024',
      'mill-hill-2023',
      'roc-top-2018',
      'scope-2012',
      'de-linde',
    ]);
    expect(row('phones-at-school').cells.map((c) => [c.covered, c.clause ?? c.text, c.articles])).toEqual([
      [false, 'niet geregeld', []],
      [true, 'devices/telefoon-in-tas', ['B2']],
      [true, 'devices/telefoon-toestemming-docent', ['Leerlingen 8']],
      [true, 'devices/telefoon-docent-bepaalt', ['Afspraken bij het gebruik van internet en sociale media [8]']],
      [false, 'niet geregeld', []],
      [true, 'devices/apparaten-nee-tenzij-dag', ['4.1']],
    ]);
    expect(row('phones-at-school').cells[1]!.text).toBe('Telefoon in de tas');
  });

  test('counts the articles per section, and says "niet geregeld" where there are none', () => {
    expect(row('parents').cells.map((c) => c.text)).toEqual([
      'niet geregeld',
      '2 artikelen',
      'niet geregeld',
      'niet geregeld',
      'niet geregeld',
      'niet geregeld',
    ]);
    expect(row('devices').cells.at(-1)).toEqual({
      covered: true,
      text: '3 artikelen',
      articles: ['4.1', '4.2', '4.3'],
    });
  });
});
