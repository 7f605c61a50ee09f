/**
 * A board on the site (issue 15): the board's page with its schools and the comparison across them (header and first
 * column stay in view while the table scrolls in its own labelled region, at 360 and 1280 px, axe clean),
 * `/protocollen/` grouped by board, and "via het bestuur" on a school's page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { compareSchools } from '../../src/lib/board/compare-schools.ts';
import { summarizeFindings } from '../../src/lib/lint/review-protocol.ts';
import { reviewWith } from '../../src/node/review.ts';
import { loadSite, versionsOf } from '../../src/node/site-data.ts';
import { assertBuilt, DIST, useBuiltSite } from './built-site.ts';
import { docxText } from '../helpers/docx.ts';

const site = useBuiltSite();
const content = loadSite();
const BOARD = '/besturen/voorbeeldscholen-utrecht/';
const SCHOOLS = ['de-esdoorn', 'de-linde'];

/** What the board's page must say per choice point: each school's variant in the version in force. */
function expectedRows() {
  const schools = SCHOOLS.map((id) => {
    const p = content.protocols.get(id)!;
    const v = versionsOf(p);
    return { id, name: p.protocol.school.name, doc: (v.inForce ?? v.main).doc };
  });
  return compareSchools(schools, content.library.choicePoints, content.library.clauses);
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the board page /besturen/<board>/', () => {
  test.each([360, 1280])(
    'at %i px lists each school with version, adoption, consent, draft and review',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      try {
        expect((await page.goto(`${site.url}${BOARD}`))?.status()).toBe(200);
        expect(await page.locator('h1').innerText()).toBe('Stichting Voorbeeldscholen Utrecht');
        const facts = async (id: string) =>
          (await page.locator(`[data-school="${id}"] .school-facts`).locator('dt, dd').allInnerTexts()).map(fold);
        const review = (id: string) => {
          const p = content.protocols.get(id)!;
          const findings = reviewWith(p.protocol, p.doc, content.library, content.modelDocs);
          return findings.length ? summarizeFindings(findings) : 'niets gevonden';
        };
        expect(await facts('de-linde')).toEqual([
          'Versie die geldt',
          'versie 1.0',
          'Vastgesteld op',
          '19 juni 2023 (het bestuur van Stichting Voorbeeldscholen Utrecht)',
          'Instemming MR of GMR',
          'medezeggenschapsraad: ingestemd op 12 juni 2023',
          'Concept dat nog openstaat',
          'concept 2.0',
          'Controle',
          `${review('de-linde')} (in concept 2.0)`,
        ]);
        expect(await facts('de-esdoorn')).toEqual([
          'Versie die geldt',
          'versie 1.0',
          'Vastgesteld op',
          '10 maart 2025 (het bestuur van Stichting Voorbeeldscholen Utrecht)',
          'Instemming MR of GMR',
          'medezeggenschapsraad: ingestemd op 24 februari 2025',
          'Concept dat nog openstaat',
          'geen',
          'Controle',
          `${review('de-esdoorn')} (in versie 1.0)`,
        ]);
        // The findings themselves open below the summary, one per line, with their rule.
        const esdoorn = content.protocols.get('de-esdoorn')!;
        const rules = reviewWith(esdoorn.protocol, esdoorn.doc, content.library, content.modelDocs).map((f) => f.rule);
        expect(rules.length).toBeGreaterThan(0);
        await page.locator('[data-school="de-esdoorn"] details summary').click();
        expect(
          await page
            .locator('[data-school="de-esdoorn"] details li')
            .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule'))),
        ).toEqual(rules);
        // The board's own contacts, as its file gives them.
        expect(await page.locator('section[aria-labelledby="bestuur-regelt"]').innerText()).toContain(
          'functionaris gegevensbescherming, fg@voorbeeldscholen.example.nl',
        );
      } finally {
        await page.close();
      }
    },
  );

  test('compares the schools per choice point in words, as the composed protocols choose', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${site.url}${BOARD}`);
      const table = page.locator('table.board-compare');
      expect((await table.locator('thead th').allInnerTexts()).map((t) => t.split('\n')[0])).toEqual([
        'Keuzepunt',
        'Basisschool De Esdoorn',
        'Basisschool De Linde',
      ]);
      const rows = expectedRows();
      expect(rows.some((r) => !r.same)).toBe(true);
      const shown = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.id, ...[...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())]),
        );
      expect(shown).toEqual(
        rows.map((r) => [`keuze-${r.id}`, ...r.cells.map((c) => (c.covered ? c.text : 'niet geregeld'))]),
      );
      const phones = rows.find((r) => r.id === 'phones-at-school')!;
      expect(await page.locator('#keuze-phones-at-school th').innerText()).toContain(
        phones.same ? 'Alle scholen kiezen hetzelfde.' : 'De scholen kiezen verschillend.',
      );
    } finally {
      await page.close();
    }
  });

  test.each([360, 1280])(
    'at %i px the table scrolls in a labelled, focusable region; header and first column stay in view',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 700 } });
      try {
        await page.goto(`${site.url}${BOARD}`);
        const region = page.locator('.board-compare-wrap');
        expect(await region.getAttribute('role')).toBe('region');
        expect(await region.getAttribute('tabindex')).toBe('0');
        const label = await region.getAttribute('aria-labelledby');
        expect(await page.locator(`#${label}`).innerText()).toBe(
          'Keuzepunten tegen de scholen van Stichting Voorbeeldscholen Utrecht',
        );
        // The page itself never scrolls sideways; the region does at 360 px.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const size = await region.evaluate((el) => ({
          sw: el.scrollWidth,
          cw: el.clientWidth,
          sh: el.scrollHeight,
          ch: el.clientHeight,
        }));
        if (width === 360) expect(size.sw).toBeGreaterThan(size.cw);
        expect(size.sh).toBeGreaterThan(size.ch);

        await region.scrollIntoViewIfNeeded();
        await region.focus();
        expect(await page.evaluate(() => document.activeElement?.classList.contains('board-compare-wrap'))).toBe(true);
        // Keyboard scrolling: the arrow keys move the region, as for any scrollable area.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        if (width === 360) await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => (document.querySelector('.board-compare-wrap')?.scrollTop ?? 0) > 0);
        if (width === 360)
          await page.waitForFunction(() => (document.querySelector('.board-compare-wrap')?.scrollLeft ?? 0) > 0);
        await region.evaluate((el) => {
          el.scrollTop = el.scrollHeight;
          el.scrollLeft = el.scrollWidth;
        });
        const box = (await region.boundingBox())!;
        const corner = (await page.locator('table.board-compare thead th').first().boundingBox())!;
        const lastHead = (await page.locator('table.board-compare thead th').last().boundingBox())!;
        const lastRowHead = (await page.locator('table.board-compare tbody th').last().boundingBox())!;
        // Scrolled to the end both ways, the header row is still at the region's top and the first column at its left.
        expect(Math.abs(corner.y - box.y)).toBeLessThanOrEqual(2);
        expect(Math.abs(corner.x - box.x)).toBeLessThanOrEqual(2);
        expect(Math.abs(lastHead.y - box.y)).toBeLessThanOrEqual(2);
        expect(Math.abs(lastRowHead.x - box.x)).toBeLessThanOrEqual(2);
        await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/board-compare-${width}.png` });
      } finally {
        await page.close();
      }
    },
  );

  test.each([360, 1280])('has no axe violations at %i px, nor /besturen/', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      for (const path of [BOARD, '/besturen/']) {
        await page.goto(`${site.url}${path}`);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          path,
        ).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

describe('/protocollen/ grouped by board', () => {
  test("puts the board's schools under its name, with a link to its page", async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/`);
      const group = page.locator('section.board-group', {
        has: page.locator('h3', { hasText: 'Stichting Voorbeeldscholen Utrecht' }),
      });
      expect(await group.locator('h4 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/protocollen/de-esdoorn/',
        '/protocollen/de-linde/',
      ]);
      expect(await group.locator(`a[href="${BOARD}"]`).count()).toBe(1);
      await page.goto(`${site.url}/besturen/`);
      expect(
        fold(
          await page.locator('main .cards li').filter({ hasText: 'Stichting Voorbeeldscholen Utrecht' }).innerText(),
        ),
      ).toBe('Stichting Voorbeeldscholen Utrecht 2 scholen: Basisschool De Esdoorn, Basisschool De Linde');
    } finally {
      await page.close();
    }
  });
});

describe("a school's page says what comes from the board", () => {
  test('De Esdoorn: the board\'s vertrouwenspersoon, privacy officer and documents, marked "via het bestuur"', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-esdoorn/`);
      expect((await page.locator('.report li').allInnerTexts()).map(fold)).toEqual([
        'groepsleerkracht',
        'anti-pestcoördinator, antipesten@deesdoorn.example.nl',
        'vertrouwenspersoon, vertrouwenspersoon@voorbeeldscholen.example.nl, 030 765 43 21 (via het bestuur)',
      ]);
      expect((await page.locator('.from-board li').allInnerTexts()).map(fold)).toEqual([
        'functionaris gegevensbescherming, fg@voorbeeldscholen.example.nl (via het bestuur)',
      ]);
      expect((await page.locator('.school-documents li').allInnerTexts()).map(fold)).toEqual([
        'Klachtenregeling Stichting Voorbeeldscholen Utrecht (via het bestuur)',
        'Privacyreglement Stichting Voorbeeldscholen Utrecht (via het bestuur)',
      ]);
      expect(
        await page.locator('dl.meta a', { hasText: 'Stichting Voorbeeldscholen Utrecht' }).getAttribute('href'),
      ).toBe(BOARD);
    } finally {
      await page.close();
    }
  });

  test("De Linde: its own vertrouwenspersoon replaces the board's and carries no mark", async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/protocollen/de-linde/`);
      const report = (await page.locator('.report li').allInnerTexts()).map(fold);
      expect(report.at(-1)).toBe(
        'vertrouwenspersoon: Joost de Vries, vertrouwenspersoon@delinde.example.nl, 030 123 45 67',
      );
      expect(report.join(' ')).not.toContain('via het bestuur');
    } finally {
      await page.close();
    }
  });
});

describe("the build's PDF and Word file of De Esdoorn say what comes from the board", () => {
  const BOARD_CONTACT =
    'vertrouwenspersoon, vertrouwenspersoon@voorbeeldscholen.example.nl, 030 765 43 21 (via het bestuur)';
  /** The board's contact that is not for reporting, listed after the reporting ones as on the web page. */
  const BOARD_FG =
    'Ook te bereiken via het bestuur: functionaris gegevensbescherming, fg@voorbeeldscholen.example.nl (via het bestuur)';

  test('the cover of the PDF marks the board\'s contacts and documents "(via het bestuur)"', () => {
    assertBuilt();
    const pdf = path.join(DIST, 'protocollen/de-esdoorn/de-esdoorn.pdf');
    const cover = fold(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }));
    expect(cover).toContain(BOARD_CONTACT);
    expect(cover).toContain('anti-pestcoördinator, antipesten@deesdoorn.example.nl vertrouwenspersoon');
    expect(cover).toContain(BOARD_FG);
    expect(cover.match(/\(via het bestuur\)/g)).toHaveLength(4);
  });

  test('the .docx marks the same four', async () => {
    const docx = path.join(DIST, 'protocollen/de-esdoorn/de-esdoorn.docx');
    const text = await docxText(new Uint8Array(fs.readFileSync(docx)));
    expect(text).toContain(BOARD_CONTACT);
    expect(text).toContain(BOARD_FG);
    expect(text.match(/\(via het bestuur\)/g)).toHaveLength(4);
  });
});
