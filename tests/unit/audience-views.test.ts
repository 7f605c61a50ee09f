import { describe, expect, test } from 'vitest';
import { audienceViews, concerns, documentForAudience } from '../../src/lib/audience/audience-views.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { renderDocumentHtml, renderSummaryHtml } from '../../src/lib/render/render-html.ts';
import { loadSite } from '../../src/node/site-data.ts';

const { doc } = loadSite().protocols.get('de-linde')!;

describe('audienceViews', () => {
  test('offers pupils, parents and staff, naming pupils with the school’s own word', () => {
    expect(audienceViews('deelnemers').map((v) => [v.slug, v.label])).toEqual([
      ['leerlingen', 'deelnemers'],
      ['ouders', 'ouders/verzorgers'],
      ['medewerkers', 'medewerkers'],
    ]);
  });

  test('shows articles for everyone to all three, and leadership articles to staff only', () => {
    const [pupils, parents, staff] = audienceViews();
    expect([pupils, parents, staff].map((v) => concerns({ audiences: ['everyone'] }, v!))).toEqual([true, true, true]);
    expect([pupils, parents, staff].map((v) => concerns({ audiences: ['leadership'] }, v!))).toEqual([
      false,
      false,
      true,
    ]);
    expect([pupils, parents, staff].map((v) => concerns({ audiences: ['parents'] }, v!))).toEqual([false, true, false]);
  });
});

describe('documentForAudience', () => {
  test('keeps De Linde’s articles for each audience, with their numbers', () => {
    const counts = audienceViews().map((v) => documentArticles(documentForAudience(doc, v)).length);
    expect(counts).toEqual([30, 32, 39]);
    const parents = documentForAudience(doc, audienceViews()[1]!);
    expect(parents.sections.map((s) => s.title)).toEqual([
      'Inleiding',
      'Uitgangspunten',
      'Doelgroep en reikwijdte',
      'Voor iedereen',
      'Voor leerlingen',
      'Voor ouders/verzorgers',
      'Voor medewerkers',
      'Melden',
      'Gevolgen',
    ]);
    expect(documentArticles(parents).map((a) => a.number)).toEqual(
      [
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '1.1',
        '1.2',
        '1.3',
        '1.4',
        '2.1',
        '2.2',
        '3.3',
        '3.4',
        '3.5',
        '3.6',
        '3.7',
        '3.8',
        '3.9',
        '3.10',
        '3.11',
      ].concat(['4.1', '4.2', '4.3', '4.4', '4.5', '5.1', '6.3', '6.4', '7.1', '8.1', '8.2']),
    );
  });

  test('drops a section none of whose articles concern the reader (staff for pupils)', () => {
    const pupils = documentForAudience(doc, audienceViews()[0]!);
    expect(pupils.sections.some((s) => s.title === 'Voor medewerkers')).toBe(false);
    expect(
      documentArticles(pupils).every((a) => a.audiences.includes('everyone') || a.audiences.includes('pupils')),
    ).toBe(true);
  });
});

describe('renderSummaryHtml', () => {
  test('lists the summaries of a section’s articles under "In het kort", one level below the section', () => {
    const section = doc.sections.find((s) => s.title === 'Voor ouders/verzorgers')!;
    expect(renderSummaryHtml(section, 2)).toBe(
      '<div class="in-het-kort">\n<h3 class="in-het-kort-heading">In het kort</h3>\n' +
        '<ul><li>In een klassenapp van ouders deel je geen foto&#39;s of berichten over andere kinderen zonder toestemming.</li></ul>\n</div>',
    );
  });

  test('is left out unless asked for, so model pages and diffs keep their words', () => {
    expect(renderDocumentHtml(doc)).not.toContain('In het kort');
    expect(renderDocumentHtml(doc, { summaries: true }).match(/In het kort/g)?.length).toBe(doc.sections.length);
  });
});
