import { describe, expect, test } from 'vitest';
import { frontMatter } from '../../src/lib/render/front-matter.ts';
import { renderPrintHtml } from '../../src/lib/render/render-print.ts';
import type { ProtocolDocument } from '../../src/lib/compose/document.ts';

const adopted = {
  title: 'Protocol sociale media',
  organisation: 'Basisschool Het Voorbeeld',
  board: 'Stichting Voorbeeld',
  version: '1.0',
  adoption: { by: 'de directie', date: '2024-03-01', consent: [{ body: 'MR', date: '2024-02-20' }] },
};
const draft = { title: 'Protocol sociale media', organisation: 'Basisschool Het Voorbeeld', version: '2.0' };

describe('frontMatter', () => {
  test('gives title, school and the lines version, board and status of an adopted protocol', () => {
    expect(frontMatter(adopted)).toEqual({
      title: 'Protocol sociale media',
      school: 'Basisschool Het Voorbeeld',
      draft: false,
      lines: [
        { field: 'version', label: 'Versie', value: 'versie 1.0' },
        { field: 'board', label: 'Bestuur', value: 'Stichting Voorbeeld' },
        {
          field: 'status',
          label: 'Status',
          value: 'Vastgesteld door de directie op 1 maart 2024, na instemming van de MR op 20 februari 2024.',
        },
      ],
    });
  });

  test('marks a draft, names it concept in the version line and leaves out a board the school does not name', () => {
    expect(frontMatter(draft)).toEqual({
      title: 'Protocol sociale media',
      school: 'Basisschool Het Voorbeeld',
      draft: true,
      lines: [
        { field: 'version', label: 'Versie', value: 'concept versie 2.0' },
        { field: 'status', label: 'Status', value: 'Concept: nog niet vastgesteld.' },
      ],
    });
  });

  test('takes the status sentence the caller gives', () => {
    expect(frontMatter(draft, 'Concept van versie 2.0: nog niet vastgesteld.').lines.at(-1)!.value).toBe(
      'Concept van versie 2.0: nog niet vastgesteld.',
    );
  });

  test('is what the PDF cover prints, line by line', () => {
    const doc = {
      ...adopted,
      kind: 'protocol',
      id: 'x',
      sectors: ['po'],
      contacts: [],
      front: [],
      sections: [],
      back: [],
    };
    const html = renderPrintHtml(doc as unknown as ProtocolDocument);
    const cover = /<dl>(.*?)<\/dl>/
      .exec(html)![1]!
      .replace(/<[^>]+>/g, '|')
      .replace(/\|+/g, '|');
    expect(cover).toBe(
      `|${frontMatter(adopted)
        .lines.map((l) => `${l.label}|${l.value}`)
        .join('|')}|`,
    );
  });
});
