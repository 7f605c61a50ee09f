import type { DocArticle, ProtocolDocument } from '../../src/lib/compose/document.ts';

/**
 * A small protocol document for diff tests: each inner list is one numbered section (`Sectie 1`, `Sectie 2`, …)
 * of De Linde's protocol, holding these articles.
 */
export function testDocument(...sections: DocArticle[][]): ProtocolDocument {
  return {
    kind: 'protocol',
    id: 'test',
    title: 'Protocol sociale media',
    organisation: 'Basisschool De Linde',
    sectors: ['po'],
    contacts: [],
    front: [],
    sections: sections.map((articles, i) => ({
      title: `Sectie ${i + 1}`,
      numbered: true,
      anchor: `sectie-${i + 1}`,
      items: articles.map((article) => ({ article })),
    })),
    back: [],
  };
}
