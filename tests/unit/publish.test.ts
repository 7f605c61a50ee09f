import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { familyPageHtml } from '../../src/lib/publish/family-page.ts';
import { publicationPackage, readmeText, woff2DataUrl } from '../../src/lib/publish/publication-package.ts';
import { adoptionSentence } from '../../src/lib/text/format-date.ts';
import { SITE_FONT } from '../../src/node/paths.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { docxText, fold } from '../helpers/docx.ts';

const linde = loadSite().protocols.get('de-linde')!;
const inForce = linde.history.at(-1)!;
const font = woff2DataUrl(new Uint8Array(fs.readFileSync(SITE_FONT)));

describe('familyPageHtml', () => {
  const html = familyPageHtml(linde.doc, { status: 'Concept: nog niet vastgesteld.', fontDataUrl: font });

  test('is one self-contained file: inline CSS, the font embedded, no script, nothing loaded from anywhere', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\ssrc=/i);
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!.slice(0, 22))).toEqual(['data:font/woff2;base64']);
  });

  test('weighs at most 40 KB gzipped, font included', () => {
    expect(gzipSync(html).length).toBeLessThanOrEqual(40 * 1024);
  });

  test('is in Dutch, with a skip link, one h1 and every article of the protocol', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<a class="skip" href="#inhoud">Naar de inhoud</a>');
    expect(html.match(/<h1/g)).toHaveLength(1);
    for (const a of documentArticles(linde.doc)) expect(html).toContain(`id="${a.anchor}"`);
  });

  test('says a draft is a draft, and where to report a problem with tel: and mailto: links', () => {
    expect(html).toContain('<strong>Concept.</strong> Dit is een voorstel voor versie 2.0. Het geldt nog niet.');
    expect(html).toContain('<a href="tel:0301234567">030 123 45 67</a>');
    expect(html).toContain('<a href="mailto:ib@delinde.example.nl">');
  });

  test('uses system fonts when no font is given', () => {
    const plain = familyPageHtml(inForce.doc, { status: adoptionSentence(inForce.protocol.adoption)! });
    expect(plain).not.toContain('@font-face');
    expect(plain).toContain('font-family:system-ui,');
    expect(plain).toContain('<p class="status">Versie 1.0. Vastgesteld door het bestuur');
  });

  test('escapes what a school typed', () => {
    const doc = { ...linde.doc, organisation: '<script>alert(1)</script> "De Linde"' };
    const out = familyPageHtml(doc, { status: '<b>x</b>' });
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;De Linde&quot;');
  });
});

describe('publicationPackage', () => {
  test('zips the family page, the Word file, the work file and LEESMIJ.txt', async () => {
    const zip = await publicationPackage({
      doc: linde.doc,
      workFile: 'format: 1\n',
      status: 'Concept: nog niet vastgesteld.',
      base: 'basisschool-de-linde',
      wizardUrl: 'https://protocolwijzer.example/samenstellen/',
      fontDataUrl: font,
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'LEESMIJ.txt',
      'basisschool-de-linde.docx',
      'basisschool-de-linde.yaml',
      'index.html',
    ]);
    expect(strFromU8(files['index.html']!)).toBe(
      familyPageHtml(linde.doc, { status: 'Concept: nog niet vastgesteld.', fontDataUrl: font }),
    );
    expect(strFromU8(files['basisschool-de-linde.yaml']!)).toBe('format: 1\n');
    expect(await docxText(files['basisschool-de-linde.docx']!)).toContain(fold(documentArticles(linde.doc)[0]!.text));
  });

  test('LEESMIJ.txt says, in plain Dutch, how to publish and how to reopen the work, without developer words', () => {
    const text = readmeText({
      doc: linde.doc,
      base: 'basisschool-de-linde',
      wizardUrl: 'https://protocolwijzer.example/samenstellen/',
    });
    expect(text).toContain('Het protocol op de website van de school zetten');
    expect(text).toContain('2. Kies "Werkbestand openen" en kies basisschool-de-linde.yaml.');
    expect(text).toContain('1. Open de Protocolwijzer: https://protocolwijzer.example/samenstellen/');
    expect(text).not.toMatch(/content\/protocols|bouw de site|YAML|npm|git/);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
  });
});
