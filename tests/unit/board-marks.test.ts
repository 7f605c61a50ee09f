/**
 * "(via het bestuur)" beyond the web page (issue 15): the print edition's cover, the Word file and the publication
 * package mark the contacts and documents a school inherits from its board, in the words of the web page, from the
 * `BoardInheritance` that `withBoard` found (the build's `inheritanceOf`, the wizard's evaluation); each lists the
 * board's contacts that are not for reporting (its privacy officer) under "Ook te bereiken via het bestuur", as the
 * web page does.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { protocolDocx } from '../../src/lib/docx/protocol-docx.ts';
import { familyPageHtml } from '../../src/lib/publish/family-page.ts';
import { publicationPackage } from '../../src/lib/publish/publication-package.ts';
import { renderPrintHtml } from '../../src/lib/render/render-print.ts';
import { draftFromProtocol } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { inheritanceOf, loadSite, versionsOf } from '../../src/node/site-data.ts';
import { docxText } from '../helpers/docx.ts';

const site = loadSite();
const esdoorn = site.protocols.get('de-esdoorn')!;
const linde = site.protocols.get('de-linde')!;
const shown = versionsOf(esdoorn).main;
const inherited = inheritanceOf(esdoorn, shown)!;

/** The board's reporting contact and its documents as the web page writes them (tests/e2e/boards.test.ts). */
const BOARD_CONTACT =
  'vertrouwenspersoon, vertrouwenspersoon@voorbeeldscholen.example.nl, 030 765 43 21 (via het bestuur)';

/** The board's contact that is not for reporting, as every rendering lists it under "Ook te bereiken via het bestuur". */
const BOARD_FG = 'functionaris gegevensbescherming, fg@voorbeeldscholen.example.nl (via het bestuur)';

/** The text of each `<li>` in the `<ul class="board-contacts">` of `html`, tags dropped. */
function boardContacts(html: string): string[] {
  const list = /<ul class="board-contacts">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** The text of each `<li>` of the element with `class` in `html`, tags dropped and white space folded. */
function items(html: string, cls: string): string[] {
  const at = html.indexOf(`class="${cls}`);
  if (at < 0) return [];
  const section = html.slice(at, html.indexOf('</section>', at));
  return [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The part of a print edition before its table of contents: the cover. */
const coverOf = (html: string) => html.slice(0, html.indexOf('<nav class="toc"'));

describe('the fixture: De Esdoorn names Stichting Voorbeeldscholen Utrecht', () => {
  test("inherits the board's vertrouwenspersoon, privacy officer and both documents", () => {
    expect(inherited).toMatchObject({ boardId: 'voorbeeldscholen-utrecht', contacts: [2, 3], documents: [0, 1] });
  });
});

describe('renderPrintHtml: the cover of the PDF', () => {
  const cover = coverOf(renderPrintHtml(shown.doc, 'Vastgesteld.', { summaries: true, inherited }));

  test('marks the board\'s reporting contact "(via het bestuur)" and not the school\'s own', () => {
    expect(items(cover, 'callout report')).toEqual([
      'groepsleerkracht',
      'anti-pestcoördinator, antipesten@deesdoorn.example.nl',
      BOARD_CONTACT,
    ]);
    expect(cover).toContain('<span class="via-board">(via het bestuur)</span>');
  });

  test("lists the board's contact that is not for reporting (its privacy officer) after the reporting ones", () => {
    expect(boardContacts(cover)).toEqual([BOARD_FG]);
    expect(cover.indexOf('board-contacts')).toBeGreaterThan(cover.indexOf('callout report'));
    expect(coverOf(renderPrintHtml(shown.doc))).not.toContain('board-contacts');
  });

  test("marks the board's documents, after their addresses written out for the paper copy", () => {
    expect(items(cover, 'school-documents')).toEqual([
      'Klachtenregeling Stichting Voorbeeldscholen Utrecht: ' +
        'https://www.voorbeeldscholen.example.nl/documenten/klachtenregeling.pdf (via het bestuur)',
      'Privacyreglement Stichting Voorbeeldscholen Utrecht: ' +
        'https://www.voorbeeldscholen.example.nl/documenten/privacyreglement.pdf (via het bestuur)',
    ]);
  });

  test("marks nothing without the inheritance, or for De Linde's own vertrouwenspersoon", () => {
    expect(coverOf(renderPrintHtml(shown.doc))).not.toContain('via het bestuur');
    const lindeShown = versionsOf(linde).main;
    const lindeCover = coverOf(renderPrintHtml(lindeShown.doc, '', { inherited: inheritanceOf(linde, lindeShown) }));
    expect(items(lindeCover, 'callout report').join(' ')).not.toContain('via het bestuur');
    // De Linde inherits the board's documents, which are marked.
    expect(items(lindeCover, 'school-documents').filter((l) => l.endsWith('(via het bestuur)')).length).toBe(
      inheritanceOf(linde, lindeShown)!.documents.length,
    );
  });
});

describe('protocolDocx: the Word file, read back with mammoth', () => {
  test('ends the board\'s contact and documents with "(via het bestuur)", the school\'s own contacts not', async () => {
    const text = await docxText(await protocolDocx(shown.doc, { status: 'Vastgesteld.', inherited }));
    const cover = text.slice(0, text.indexOf('Inhoud'));
    expect(cover).toContain(`Een probleem melden`);
    expect(cover).toContain(BOARD_CONTACT);
    expect(cover).toContain(
      'groepsleerkracht anti-pestcoördinator, antipesten@deesdoorn.example.nl vertrouwenspersoon',
    );
    expect(cover).toContain(
      'Klachtenregeling Stichting Voorbeeldscholen Utrecht: ' +
        'https://www.voorbeeldscholen.example.nl/documenten/klachtenregeling.pdf (via het bestuur)',
    );
    expect(cover).toContain(`Ook te bereiken via het bestuur: ${BOARD_FG}`);
    expect(cover.match(/\(via het bestuur\)/g)).toHaveLength(4);
  });

  test('marks nothing without the inheritance', async () => {
    expect(await docxText(await protocolDocx(shown.doc, { status: '' }))).not.toContain('via het bestuur');
  });
});

describe('the publication package of a school of a board (the wizard)', () => {
  // As the wizard has it: the school's own file in the draft, the board's values from the evaluation.
  const boards = new Map([...site.boards.values()].map((b) => [b.id, b.board]));
  const ev = evaluateDraft(
    draftFromProtocol(esdoorn.own!, `model:${esdoorn.own!.startsFrom}`),
    site.library,
    [...site.models.keys()],
    undefined,
    boards,
  );

  test('the evaluation says which come from the board, as the build does', () => {
    expect(ev.problems).toEqual([]);
    expect(ev.inherited).toEqual(esdoorn.inherited);
  });

  test('the family page marks the board\'s reporting contact and documents "(via het bestuur)"', () => {
    const html = familyPageHtml(ev.doc!, { status: 'Vastgesteld.', inherited: ev.inherited });
    expect(items(html, 'callout report').at(-1)).toBe(BOARD_CONTACT);
    expect(items(html, 'callout report').slice(0, 2).join(' ')).not.toContain('via het bestuur');
    expect(items(html, 'school-documents')).toEqual([
      'Klachtenregeling Stichting Voorbeeldscholen Utrecht (via het bestuur)',
      'Privacyreglement Stichting Voorbeeldscholen Utrecht (via het bestuur)',
    ]);
    expect(boardContacts(html)).toEqual([BOARD_FG]);
    expect(html).toMatch(/\.via-board\{[^}]*font-style:italic/);
  });

  test("the zip's index.html and Word file both carry the mark", async () => {
    const zip = unzipSync(
      await publicationPackage({
        doc: ev.doc!,
        workFile: 'format: 1\n',
        status: 'Vastgesteld.',
        base: 'de-esdoorn',
        wizardUrl: 'https://example.nl/samenstellen/',
        inherited: ev.inherited,
      }),
    );
    expect(items(strFromU8(zip['index.html']!), 'callout report').at(-1)).toBe(BOARD_CONTACT);
    expect(await docxText(zip['de-esdoorn.docx']!)).toContain(BOARD_CONTACT);
  });
});
