import { describe, expect, test } from 'vitest';
import { documentArticles, type ProtocolDocument } from '../../src/lib/compose/document.ts';
import { bodyBlocks } from '../../src/lib/text/body-blocks.ts';
import { DOCX_AUTHOR, protocolDocx } from '../../src/lib/docx/protocol-docx.ts';
import { redlineDocx, revisionDate, trackedWords } from '../../src/lib/docx/redline-docx.ts';
import { adoptionSentence } from '../../src/lib/text/format-date.ts';
import { renderBody } from '../../src/lib/render/render-html.ts';
import { modelRedlineSpec, versionRedlineSpec, type RedlineSpec } from '../../src/lib/versions/redline-specs.ts';
import { statusSentence } from '../../src/lib/versions/status.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { acceptAll, docxPart, docxText, fold, rejectAll, revisions } from '../helpers/docx.ts';

const site = loadSite();
const linde = site.protocols.get('de-linde')!;
const inForce = linde.history.at(-1)!;

/** The text a reader sees of an article body, list markers dropped. */
function plain(text: string): string {
  return fold(
    bodyBlocks(text)
      .flatMap((b) => ('paragraph' in b ? [b.paragraph] : b.items))
      .join(' '),
  );
}

/** What the protocol's sections say, in order, as mammoth reads a .docx: headings without their numbers. */
function expectedBody(doc: ProtocolDocument): string {
  return fold(
    doc.sections
      .map((s) => {
        const articles = s.items.flatMap((i) => ('article' in i ? [i.article] : []));
        const summaries = articles.flatMap((a) => (a.summary ? [a.summary] : []));
        return [
          s.title,
          ...(summaries.length ? ['In het kort', ...summaries] : []),
          ...articles.map((a) =>
            [
              a.title,
              a.origin === 'custom'
                ? 'eigen artikel van de school'
                : a.origin === 'override'
                  ? 'eigen tekst van de school'
                  : '',
              plain(a.text),
            ].join(' '),
          ),
        ].join(' ');
      })
      .join(' '),
  );
}

describe('bodyBlocks', () => {
  test('splits a body into the same paragraphs and list items as renderBody', () => {
    const text = 'Eerste alinea\nloopt door.\n\n- punt een\n  gaat verder\n- punt twee\n\nSlot.';
    expect(bodyBlocks(text)).toEqual([
      { paragraph: 'Eerste alinea loopt door.' },
      { items: ['punt een gaat verder', 'punt twee'] },
      { paragraph: 'Slot.' },
    ]);
    expect(renderBody(text)).toBe(
      '<p>Eerste alinea loopt door.</p>\n<ul><li>punt een gaat verder</li><li>punt twee</li></ul>\n<p>Slot.</p>',
    );
  });
});

describe('protocolDocx', () => {
  test('holds every section, summary, article title and text of the draft, in order, as mammoth reads it back', async () => {
    const bytes = await protocolDocx(linde.doc, { status: statusSentence(linde.protocol, linde.history) });
    const text = await docxText(bytes);
    expect(text.endsWith(expectedBody(linde.doc))).toBe(true);
  });

  test('gives the same bytes for the same protocol and date, dated in its core properties (a reproducible build)', async () => {
    const date = new Date('2024-03-01T12:00:00Z');
    const status = statusSentence(linde.protocol, linde.history);
    const first = await protocolDocx(linde.doc, { status, date });
    await new Promise((r) => setTimeout(r, 1100)); // past a second: the clock would now give other bytes
    const second = await protocolDocx(linde.doc, { status, date });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(docxPart(first, 'docProps/core.xml')).toContain('>2024-03-01T12:00:00Z</dcterms:created>');
    expect(docxPart(first, 'docProps/core.xml')).toContain('>2024-03-01T12:00:00Z</dcterms:modified>');
    expect((await docxText(first)).endsWith(expectedBody(linde.doc))).toBe(true);
  });

  test('a date before 1980 (a build without SOURCE_DATE_EPOCH dates a draft 1970) still gives a file, the same each time', async () => {
    const status = statusSentence(linde.protocol, linde.history);
    const first = await protocolDocx(linde.doc, { status, date: new Date(0) });
    const second = await protocolDocx(linde.doc, { status, date: new Date(0) });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(docxPart(first, 'docProps/core.xml')).toContain('>1970-01-01T00:00:00Z</dcterms:created>');
  });

  test('opens with the title page: title, school, CONCEPT, version, board, status, reporting contacts and documents', async () => {
    const status = statusSentence(linde.protocol, linde.history);
    const text = await docxText(await protocolDocx(linde.doc, { status }));
    expect(
      text.startsWith(
        fold(`Protocol sociale media Basisschool De Linde CONCEPT Versie: concept versie 2.0 Bestuur: Stichting Voorbeeldscholen Utrecht Status: ${status}
        Een probleem melden Zie of hoor je iets wat niet goed is, online of op school? Je kunt altijd terecht bij:
        groepsleerkracht intern begeleider: Fatima el Amrani, ib@delinde.example.nl
        vertrouwenspersoon: Joost de Vries, vertrouwenspersoon@delinde.example.nl, 030 123 45 67
        Andere documenten van de school Anti-pestprotocol: https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf
        Privacyreglement (op te vragen bij de directie)
        Klachtenregeling Stichting Voorbeeldscholen Utrecht: https://www.voorbeeldscholen.example.nl/documenten/klachtenregeling.pdf
        Privacyreglement Stichting Voorbeeldscholen Utrecht: https://www.voorbeeldscholen.example.nl/documenten/privacyreglement.pdf Inhoud`),
      ),
    ).toBe(true);
  });

  test('an adopted version is no concept: no CONCEPT on the title page, "versie 1.0" in the page header', async () => {
    const bytes = await protocolDocx(inForce.doc, { status: adoptionSentence(inForce.protocol.adoption)! });
    const text = await docxText(bytes);
    expect(text).not.toContain('CONCEPT');
    expect(text).toContain('Versie: versie 1.0');
    expect(docxPart(bytes, 'word/header1.xml') + docxPart(bytes, 'word/header2.xml')).toContain('versie 1.0');
  });

  test('numbers sections and articles with a real Word list (%1. and %1.%2, [%1] in prose sections), not typed numbers', async () => {
    const bytes = await protocolDocx(linde.doc, { status: '' });
    const numbering = docxPart(bytes, 'word/numbering.xml');
    expect(numbering).toContain('w:val="%1.%2"');
    expect(numbering).toContain('w:val="[%1]"');
    const xml = docxPart(bytes, 'word/document.xml');
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g),
    ].map((m) => m[0]);
    const articles = documentArticles(linde.doc);
    expect(headings).toHaveLength(articles.length);
    for (const h of headings) expect(h).toMatch(/<w:numPr><w:ilvl w:val="[01]"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    // No heading text starts with its number: the number is the list's.
    for (const a of articles) expect(xml).not.toContain(`>${a.number} ${a.title}<`);
  });

  test('has a table of contents field over headings 1–2, and Word is asked to update it on opening', async () => {
    const bytes = await protocolDocx(linde.doc, { status: '' });
    expect(docxPart(bytes, 'word/document.xml')).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  test('puts "In het kort" in a styled box (its own paragraph style with a border and shading)', async () => {
    const bytes = await protocolDocx(linde.doc, { status: '' });
    const styles = docxPart(bytes, 'word/styles.xml');
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="InHetKort"[\s\S]*?<w:pBdr>[\s\S]*?<w:shd [^>]*w:fill="EEF2F6"/,
    );
    const summaries = documentArticles(linde.doc).filter((a) => a.summary).length;
    expect([...docxPart(bytes, 'word/document.xml').matchAll(/<w:pStyle w:val="InHetKort"\/>/g)]).toHaveLength(
      summaries,
    );
  });

  test('says a refused consent on the title page', async () => {
    const adoption = {
      by: 'de directie',
      date: '2024-03-01',
      consent: [{ body: 'MR', date: '2024-02-20', outcome: 'niet-ingestemd' as const }],
    };
    const doc = { ...inForce.doc, adoption };
    const text = await docxText(await protocolDocx(doc, { status: adoptionSentence(adoption)! }));
    expect(text).toContain(
      'Status: Vastgesteld door de directie op 1 maart 2024. De MR stemde op 20 februari 2024 niet in.',
    );
  });
});

/** A redline's bytes and document.xml. */
async function redline(spec: RedlineSpec) {
  const bytes = await redlineDocx(spec.diff, spec.before, spec.after, {
    ...spec,
    ...spec.opts,
    date: revisionDate(spec.after, spec.before),
  });
  return { bytes, xml: docxPart(bytes, 'word/document.xml') };
}

describe('trackedWords', () => {
  test('keeps every space, so rejecting an insertion keeps the old words apart and accepting it the new ones', () => {
    const before = 'ouders/verzorgers en mensen';
    const after = 'ouders/verzorgers, vrijwilligers en mensen';
    const words = trackedWords(before, after);
    const text = (ops: string[]) =>
      words
        .filter((w) => ops.includes(w.op))
        .map((w) => w.text)
        .join('');
    expect(text(['same', 'del'])).toBe(before);
    expect(text(['same', 'ins'])).toBe(after);
    expect(words.filter((w) => w.op === 'ins').map((w) => w.text.trim())).toEqual([',', 'vrijwilligers']);
  });
});

describe('redlineDocx', () => {
  const versionSpec = versionRedlineSpec('de-linde', linde.current, linde.history, site.library.clauses)!;
  const scope = site.models.get('scope-2012')!;
  const modelSpec = modelRedlineSpec(
    'de-linde',
    linde.current,
    linde.history,
    { ...scope, doc: site.modelDocs.get('scope-2012')! },
    site.library.clauses,
  )!;

  test('the date of every change comes from the protocol (the previous adoption for a draft), never the clock', () => {
    expect(revisionDate(linde.doc, inForce.doc)).toBe('2023-06-19');
    expect(revisionDate(inForce.doc, linde.doc)).toBe('2023-06-19');
  });

  for (const [name, spec] of [
    ['version diff 1.0 → 2.0', versionSpec],
    ['model diff SCOPE → De Linde', modelSpec],
  ] as const) {
    test(`${name}: every change is a Word revision by Protocolwijzer, with unique ids`, async () => {
      const { xml } = await redline(spec);
      const revs = revisions(xml);
      expect(revs.filter((r) => r.kind === 'ins').length).toBeGreaterThan(5);
      expect(revs.filter((r) => r.kind === 'del').length).toBeGreaterThan(5);
      expect(new Set(revs.map((r) => r.author))).toEqual(new Set([DOCX_AUTHOR]));
      expect(new Set(revs.map((r) => r.date))).toEqual(new Set([`${revisionDate(spec.after, spec.before)}T00:00:00Z`]));
      expect(new Set(revs.map((r) => r.id)).size).toBe(revs.length);
    });

    test(`${name}: opens with the numbered change list, in order, before the first revision`, async () => {
      const { xml } = await redline(spec);
      const head = fold(acceptAll(xml.slice(0, xml.search(/<w:(ins|del)\s/))));
      let at = 0;
      for (const c of spec.diff.changes) {
        const i = head.indexOf(`${c.number} `, at);
        expect(i, c.number).toBeGreaterThanOrEqual(at);
        at = i + 1;
      }
      expect(spec.diff.changes.length).toBeGreaterThan(3);
    });

    test(`${name}: accepting every change gives the new text, rejecting every change the old one`, async () => {
      const { xml } = await redline(spec);
      const accepted = acceptAll(xml).replace(/• /g, '');
      const rejected = rejectAll(xml).replace(/• /g, '');
      for (const a of documentArticles(spec.after)) expect(accepted, a.key).toContain(plain(a.text));
      for (const a of documentArticles(spec.before)) expect(rejected, a.key).toContain(plain(a.text));
      // What only the other version has is gone.
      for (const c of spec.diff.changes.filter((e) => e.kind === 'removed'))
        expect(accepted).not.toContain(plain(c.before!.text));
      for (const c of spec.diff.changes.filter((e) => e.kind === 'added'))
        expect(rejected).not.toContain(plain(c.after!.text));
    });
  }

  test('a move is marked at both ends: "VERPLAATST NAAR ART." where it stood and "(was art. …)" where it stands', async () => {
    const moves = versionSpec.diff.changes.filter((c) => c.kind === 'moved' || c.kind === 'moved-changed');
    expect(moves.length).toBeGreaterThan(0);
    const text = await docxText((await redline(versionSpec)).bytes);
    for (const m of moves) {
      expect(text).toContain(`${m.number} VERPLAATST NAAR ART. ${m.after!.number}`);
      expect(text).toContain(`(was art. ${m.before!.number})`);
    }
  });

  test('carries the reason (toelichting) of each change that has one', async () => {
    const text = await docxText((await redline(versionSpec)).bytes);
    const withReason = versionSpec.diff.changes.filter((c) => c.reason);
    expect(withReason.length).toBeGreaterThan(0);
    for (const c of withReason) expect(text).toContain(`Toelichting: ${fold(c.reason!)}`);
  });
});
