import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { articleNumber, sectionHeading } from '../../src/lib/render/render-html.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { assertBuilt, DE_LINDE_CONCEPT_PDF as DE_LINDE_PDF, fold, readableText, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const { protocols } = loadSite();
const { protocol, doc } = protocols.get('de-linde')!;
const articles = documentArticles(doc);

/** `pdftotext` of some pages (all by default), in reading order; `-raw` keeps content-stream order. */
function pdfText(first?: number, last?: number, ...options: string[]): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...options, ...range, DE_LINDE_PDF, '-'], { encoding: 'utf8' });
}

/** The running header (school, `concept versie 2.0`) and footer (`pagina n van m`) that Paged.js repeats on every page. */
const RUNNING_LINE =
  /^(Basisschool De Linde|concept versie 2\.0|Basisschool De Linde concept versie 2\.0|pagina \d+ van \d+)$/;

/**
 * Text for comparing with the PDF: white space folded and a space after a hyphen dropped, because a line may
 * end at a hyphen (`fake-` / `accounts`) and the PDF cannot tell that break from a space.
 */
function comparable(text: string): string {
  return fold(text).replace(/- /g, '-');
}

/** PDF text with the running header and footer lines dropped, {@link comparable}. */
function withoutRunningLines(text: string): string {
  return comparable(
    text
      .split(/\n|\f/)
      .filter((l) => !RUNNING_LINE.test(l.trim()))
      .join('\n'),
  );
}

describe('the PDF of the draft of Basisschool De Linde (Paged.js in Chromium)', () => {
  let info: Record<string, string>;
  let body: string;
  beforeAll(() => {
    assertBuilt();
    const out = execFileSync('pdfinfo', [DE_LINDE_PDF], { encoding: 'utf8' });
    info = Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
    // The body text without the running header and footer, so an article split over two pages reads on.
    body = withoutRunningLines(pdfText(undefined, undefined, '-raw'));
  });

  test('has at least 3 A4 pages', () => {
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
    expect(info['Page size']).toBe('594.96 x 841.92 pts (A4)');
  });

  test('is tagged, for screen readers', () => {
    expect(info.Tagged).toBe('yes');
  });

  test('has the protocol, school and version as its document title', () => {
    expect(info.Title).toBe('Protocol sociale media Basisschool De Linde, concept van versie 2.0');
  });

  test('names the school as author, says what it is in the subject, and is in Dutch', () => {
    expect([info.Author, info.Subject]).toEqual(['Basisschool De Linde', 'Protocol sociale media, 43 artikelen']);
    // The catalog's /Lang, so a screen reader reads the PDF in Dutch (written uncompressed by pdf-lib).
    expect(/\/Lang \(([^)]*)\)/.exec(fs.readFileSync(DE_LINDE_PDF, 'latin1'))?.[1]).toBe('nl');
  });

  test('embeds every font it uses, all of them free (Liberation, Debian fonts-liberation2)', () => {
    const rows = execFileSync('pdffonts', [DE_LINDE_PDF], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const fonts = rows.map((row) => {
      const cols = row.trim().split(/\s+/);
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), emb: cols[cols.length - 5] };
    });
    expect(fonts.map((f) => f.name).sort()).toEqual([
      'LiberationSans',
      'LiberationSans-Bold',
      'LiberationSerif',
      'LiberationSerif-Bold',
      // The "(via het bestuur)" mark on the cover (templates/print.css: .via-board).
      'LiberationSerif-Italic',
    ]);
    expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
  });

  test('carries exactly the words of the web page: the text after the table of contents equals the page’s protocol text', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/concept/`);
      const web = comparable(await page.locator('.protocol-text').innerText());
      expect(web.length).toBeGreaterThan(5000);
      expect(body.slice(body.length - web.length)).toBe(web);
      // What comes before is the cover and the table of contents, nothing else.
      const before = body.slice(0, body.length - web.length);
      const cover = withoutRunningLines(pdfText(1, 1, '-raw'));
      expect(before.slice(0, cover.length)).toBe(cover);
      expect(before.slice(cover.length)).toMatch(/^ Inhoud( \S.*? \d+)+ $/);
    } finally {
      await page.close();
    }
  });

  test('shows title, school, status (a draft, with the version in force), whom to report to and the other documents on the cover, which has no page header or footer', () => {
    expect(fold(pdfText(1))).toBe(
      'Protocol sociale media Basisschool De Linde Versie concept versie 2.0 Bestuur Stichting Voorbeeldscholen Utrecht Status ' +
        'Concept van versie 2.0: nog niet vastgesteld. Nu geldt versie 1.0, vastgesteld door het bestuur van Stichting Voorbeeldscholen Utrecht op 19 juni 2023, na instemming van de medezeggenschapsraad op 12 juni 2023. ' +
        'Een probleem melden Zie of hoor je iets wat niet goed is, online of op school? Je kunt altijd terecht bij: ' +
        'groepsleerkracht intern begeleider: Fatima el Amrani, ib@delinde.example.nl vertrouwenspersoon: Joost de Vries, vertrouwenspersoon@delinde.example.nl, 030 123 45 67 ' +
        // The board's contact that is not for reporting, as the web page lists it (issue 15).
        'Ook te bereiken via het bestuur: functionaris gegevensbescherming, fg@voorbeeldscholen.example.nl (via het bestuur) ' +
        'Andere documenten van de school Anti-pestprotocol: https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf Privacyreglement (op te vragen bij de directie) ' +
        // The board's documents (content/boards/voorbeeldscholen-utrecht.yaml), after the school's own, marked as
        // the web page marks them (issue 15).
        'Klachtenregeling Stichting Voorbeeldscholen Utrecht: https://www.voorbeeldscholen.example.nl/documenten/klachtenregeling.pdf (via het bestuur) ' +
        'Privacyreglement Stichting Voorbeeldscholen Utrecht: https://www.voorbeeldscholen.example.nl/documenten/privacyreglement.pdf (via het bestuur)',
    );
  });

  test('links the e-mail address and the phone number on the cover (mailto:, tel:)', () => {
    const pdf = fs.readFileSync(DE_LINDE_PDF, 'latin1');
    expect(pdf).toContain('(mailto:ib@delinde.example.nl)');
    expect(pdf).toContain('(tel:0301234567)');
  });

  test('says "concept versie 2.0" in the running header of every page after the cover, with the school and "pagina n van m"', () => {
    const pages = Number(info.Pages);
    for (let n = 2; n <= pages; n++) {
      const lines = pdfText(n)
        .split('\n')
        .map((l) => l.trim());
      expect(lines, `page ${n}`).toContain(`pagina ${n} van ${pages}`);
      expect(lines, `page ${n}`).toContain(protocol.school.name);
      expect(lines, `page ${n}`).toContain(`concept versie ${protocol.version}`);
    }
  });

  test('contains every article title', () => {
    const missing = articles.filter((a) => !body.includes(comparable(a.title))).map((a) => a.title);
    expect(missing).toEqual([]);
  });

  test("contains every article's full text", () => {
    const missing = articles.filter((a) => !body.includes(comparable(readableText(a.text)))).map((a) => a.key);
    expect(missing).toEqual([]);
  });

  test('lists every section and article in the table of contents with the page it starts on', () => {
    const expected = doc.sections.flatMap((s) => [
      sectionHeading(s),
      ...(s.numbered
        ? s.items.flatMap((i) => ('article' in i ? [`${articleNumber(i.article)} ${i.article.title}`] : []))
        : []),
    ]);
    // In layout mode each entry is one line: the label, dots, then the page number from target-counter(). The contents
    // take pages 2 and 3.
    const entries = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '3', DE_LINDE_PDF, '-'], {
      encoding: 'utf8',
    })
      .split('\n')
      .map((l) => /^\s*(\S.*?)\s{2,}(\d+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && !m[1]!.startsWith('Basisschool De Linde'))
      .map((m) => ({ label: m[1]!, page: Number(m[2]) }));
    expect(entries.map((e) => e.label)).toEqual(expected);
    for (const { label, page } of entries) {
      const title = label.replace(/^[\d.]+ /, '');
      expect(fold(pdfText(page)), `"${label}" is listed on page ${page}`).toContain(title);
    }
  });
});

describe('the print pages, laid out by Paged.js', () => {
  test.each([...protocols.keys()])(
    '%s: an article or summary box is never split over two pages unless it starts a page',
    async (id) => {
      const page = await site.browser.newPage();
      try {
        await page.goto(`${site.url}/protocollen/${id}/print/`);
        await page.waitForFunction(() => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true);
        // Paged.js marks every piece of a split element with the same data-ref; a piece that is not first on its page
        // but continues on the next page is a split that the keep-together handler should have prevented.
        const split = await page.evaluate(() => {
          const pages = [...document.querySelectorAll('.pagedjs_page')];
          const pageOf = (el: Element) => pages.indexOf(el.closest('.pagedjs_page')!);
          const byRef = new Map<string, Element[]>();
          for (const el of document.querySelectorAll(
            '.pagedjs_page_content .article, .pagedjs_page_content .in-het-kort',
          )) {
            const ref = el.getAttribute('data-ref')!;
            byRef.set(ref, [...(byRef.get(ref) ?? []), el]);
          }
          return [...byRef.values()]
            .filter((pieces) => pieces.length > 1)
            .filter((pieces) => {
              const first = pieces[0]!;
              const content = first.closest('.pagedjs_page_content')!;
              const r = document.createRange();
              r.setStart(content, 0);
              r.setEndBefore(first);
              return r.toString().trim() !== '' && pageOf(pieces[1]!) !== pageOf(first);
            })
            .map((pieces) => pieces[0]!.id || pieces[0]!.textContent!.slice(0, 40));
        });
        expect(split).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  test.each([...protocols.keys()])(
    '%s: every anchor sits on the page where its content starts, not in an empty shell a page too early',
    async (id) => {
      const page = await site.browser.newPage();
      try {
        await page.goto(`${site.url}/protocollen/${id}/print/`);
        await page.waitForFunction(() => (window as unknown as { __paged?: { done: boolean } }).__paged?.done === true);
        const empty = await page.evaluate(() =>
          [...document.querySelectorAll('.pagedjs_page_content [id]')]
            .filter((el) => !el.textContent?.trim())
            .map((el) => el.id),
        );
        expect(empty).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
