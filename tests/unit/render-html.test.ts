import { beforeAll, describe, expect, test } from 'vitest';
import {
  articleNumber,
  escapeHtml,
  renderBody,
  renderDocumentHtml,
  renderTocHtml,
  sectionHeading,
} from '../../src/lib/render/render-html.ts';
import { loadSite, type SiteData } from '../../src/node/site-data.ts';

describe('escapeHtml', () => {
  test('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

describe('renderBody', () => {
  test('escapes a <script> in the text, so no markup survives', () => {
    expect(renderBody('Zie <script>alert("hallo")</script> hier.')).toBe(
      '<p>Zie &lt;script&gt;alert(&quot;hallo&quot;)&lt;/script&gt; hier.</p>',
    );
  });

  test('makes a <p> of each paragraph, joining its lines', () => {
    expect(renderBody('Eerste regel\nloopt door.\n\nTweede alinea.')).toBe(
      '<p>Eerste regel loopt door.</p>\n<p>Tweede alinea.</p>',
    );
  });

  test('keeps `- ` items as one <ul>, with the paragraph before it apart', () => {
    expect(
      renderBody('Het is niet toegestaan om:\n- a. te pesten;\n- b. te bedreigen.\n\nDit geldt ook buiten school.'),
    ).toBe(
      '<p>Het is niet toegestaan om:</p>\n<ul><li>a. te pesten;</li><li>b. te bedreigen.</li></ul>\n<p>Dit geldt ook buiten school.</p>',
    );
  });

  test('joins a wrapped line to the list item above it', () => {
    expect(renderBody('- sites met\n  ongepaste inhoud;\n- hacken.')).toBe(
      '<ul><li>sites met ongepaste inhoud;</li><li>hacken.</li></ul>',
    );
  });

  test('escapes markup inside list items too', () => {
    expect(renderBody('- <img src=x onerror=alert(1)>')).toBe('<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>');
  });
});

describe('articleNumber and sectionHeading', () => {
  test('puts an added number in brackets, a printed one as it is', () => {
    expect(articleNumber({ number: '2', numberAdded: true })).toBe('[2]');
    expect(articleNumber({ number: 'A.5', numberAdded: false })).toBe('A.5');
  });

  test('writes a label before the title, and the title alone without one', () => {
    expect(sectionHeading({ label: 'A', title: 'Voor alle gebruikers' })).toBe('A. Voor alle gebruikers');
    expect(sectionHeading({ title: 'Inleiding' })).toBe('Inleiding');
  });
});

describe('renderDocumentHtml', () => {
  let site: SiteData;
  beforeAll(() => {
    site = loadSite();
  });

  test("marks the school's own article and escapes its apostrophes", () => {
    const html = renderDocumentHtml(site.protocols.get('de-linde')!.doc);
    expect(html).toContain(
      '<article class="article" id="custom--groepsapps-ouders">\n' +
        '<h3 class="article-heading"><span class="num">5.1</span> <span class="title">Groepsapps van ouders</span> <span class="badge">eigen artikel van de school</span></h3>\n' +
        '<div class="body"><p>Ouders/verzorgers die samen een groepsapp van de klas gebruiken, delen daarin geen foto&#39;s,',
    );
  });

  test("marks the school's own text for a library clause", () => {
    const html = renderDocumentHtml(site.protocols.get('de-linde')!.doc);
    expect(html).toContain(
      '<article class="article" id="measures--gesprek">\n' +
        '<h3 class="article-heading"><span class="num">8.2</span> <span class="title">Eerst een gesprek</span> <span class="badge">eigen tekst van de school</span></h3>\n' +
        '<div class="body"><p>Basisschool De Linde gaat met betrokkenen in gesprek als hiervoor aanleiding is. Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.</p></div>\n' +
        '</article>',
    );
  });

  test('heads a numbered protocol section with its number', () => {
    expect(renderDocumentHtml(site.protocols.get('de-linde')!.doc)).toContain(
      '<h2 id="sectie-7" class="section-heading">6. Voor medewerkers</h2>',
    );
  });

  test("shows a model's correction and links the article to its clause", () => {
    const html = renderDocumentHtml(site.modelDocs.get('lankforst-2024')!, { libraryHref: '/bibliotheek/' });
    expect(html).toContain(
      '<p class="clause-link">Bepaling: <a href="/bibliotheek/all-users/beeld-uitdrukkelijke-toestemming/">Alleen met toestemming van wie in beeld is</a></p>' +
        '<div class="corrections"><p>Gecorrigeerd (fout uit de tekstextractie):</p><ul><li>“Al-beelden” → “AI-beelden”: Tekstherkenning las &#39;AI&#39; als &#39;Al&#39;.</li></ul></div>',
    );
  });

  test("shows Mill Hill's pupil quote as a labelled aside, not as an article", () => {
    const html = renderDocumentHtml(site.modelDocs.get('mill-hill-2023')!);
    expect(html).toContain(
      '<aside class="non-normative non-normative--quote" aria-label="Citaat in de opmaak (geen regel)"><p class="kind">Citaat in de opmaak (geen regel)</p>' +
        '<p class="text">&#39;LEERLINGEN MOGEN NIETS SLECHTS OVER DE SCHOOL ZEGGEN, DOEN ZE DAT WEL WORDEN ZE HOOGSTWAARSCHIJNLIJK GESCHORST.&#39;</p>',
    );
    expect(html.match(/non-normative--quote/g)).toHaveLength(2);
    expect(html).not.toMatch(/<article[^>]*>\s*<h3[^>]*>.*<\/h3>\s*<div class="body"><p>[^<]*GESCHORST/);
  });
});

describe('renderTocHtml', () => {
  test("lists the articles of a protocol's numbered sections, linking to their anchors; not those numbered by us", () => {
    const html = renderTocHtml(loadSite().protocols.get('de-linde')!.doc);
    expect(html.startsWith('<ol class="toc-list"><li><a href="#sectie-1">Inleiding</a></li>')).toBe(true);
    expect(html).toContain(
      '<li><a href="#sectie-2">1. Uitgangspunten</a><ol><li><a href="#school-communication--profilering">1.1 ',
    );
  });

  test('wraps each entry in a label for the page number when printed', () => {
    const html = renderTocHtml(loadSite().protocols.get('de-linde')!.doc, { pageNumbers: true });
    expect(html).toContain(
      '<li><a href="#sectie-2"><span class="label">1. Uitgangspunten</span></a><ol><li><a href="#school-communication--profilering"><span class="label">1.1 ',
    );
  });
});
