import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentArticles, type ProtocolDocument } from '../../src/lib/compose/document.ts';
import { NON_NORMATIVE_LABELS, type NonNormativePart } from '../../src/lib/schema/reference-model.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { fold, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const { models, modelDocs } = loadSite();

/** Every non-normative part of a model document in reading order: front, within sections, back. */
function nonNormativeParts(doc: ProtocolDocument): NonNormativePart[] {
  return [
    ...doc.front,
    ...doc.sections.flatMap((s) => s.items.flatMap((i) => ('nonNormative' in i ? [i.nonNormative] : []))),
    ...doc.back,
  ];
}

/** Text with each line's white space folded (HTML shows a tab as a space), line breaks kept. */
function foldLines(text: string): string {
  return text.split('\n').map(fold).join('\n');
}

/** The labelled asides on a page: accessible name, printed label (as written, before `text-transform`) and text. */
async function asides(page: Page) {
  const found = await page.locator('aside.non-normative').evaluateAll((els) =>
    els.map((el) => ({
      name: el.getAttribute('aria-label'),
      label: el.querySelector('.kind')?.textContent,
      text: (el.querySelector('.text') as HTMLElement).innerText,
    })),
  );
  return found.map((a) => ({ ...a, text: foldLines(a.text) }));
}

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

describe('the model page of Lankforst College (2024)', () => {
  const doc = modelDocs.get('lankforst-2024')!;
  let page: Page;
  beforeAll(async () => {
    page = await open('/modellen/lankforst-2024/');
  });
  afterAll(() => page.close());

  test('lists every correction, among them “Al-beelden” → “AI-beelden” with its reason', async () => {
    const items = (await page.locator('section[aria-labelledby="correcties"] li').allTextContents()).map(fold);
    const model = models.get('lankforst-2024')!;
    const all = [
      ...doc.front.flatMap((p) => p.corrections),
      ...model.sections.flatMap((s) => [
        ...s.corrections,
        ...s.parts.flatMap((p) => ('article' in p ? p.article.corrections : p.nonNormative.corrections)),
      ]),
      ...doc.back.flatMap((p) => p.corrections),
    ];
    expect(all.length).toBe(12); // "meida" and "Afthankelijk" are the authors' own slips: kept with a note, not corrected
    expect(items).toHaveLength(all.length);
    all.forEach((c, i) => {
      expect(items[i]).toContain(`“${c.original}” → “${c.corrected}”`);
      expect(items[i]).toContain(fold(c.reason));
    });
    const ai = items.filter((item) => item.includes('“Al-beelden” → “AI-beelden”'));
    expect(ai).toHaveLength(2);
    for (const item of ai) expect(item).toContain("Tekstherkenning las 'AI' als 'Al'.");
  });

  test('shows each correction beside the article it corrects, and the corrected text in the article', async () => {
    const corrected = documentArticles(doc).filter((a) => a.corrections?.length);
    expect(corrected.length).toBeGreaterThan(0);
    for (const a of corrected) {
      const article = page.locator(`article.article[id="${a.anchor}"]`);
      const shown = (await article.locator('.corrections li').allTextContents()).map(fold);
      expect(shown, a.anchor).toHaveLength(a.corrections!.length);
      a.corrections!.forEach((c, i) => {
        expect(shown[i], a.anchor).toContain(`“${c.original}” → “${c.corrected}”`);
        expect(shown[i], a.anchor).toContain(fold(c.reason));
      });
    }
    const withAi = documentArticles(doc).filter((a) => a.text.includes('AI-beelden'));
    expect(withAi.length).toBe(2);
    for (const a of withAi) {
      const body = await page.locator(`article.article[id="${a.anchor}"] .body`).innerText();
      expect(body).toContain('AI-beelden');
      expect(body).not.toContain('Al-beelden');
    }
  });

  test('shows the parts that are no rules in labelled boxes, not as articles', async () => {
    const parts = nonNormativeParts(doc);
    expect(parts.map((p) => p.kind)).toEqual(['title', 'document-reference', 'drafting-note', 'appendix-reference']);
    expect(await asides(page)).toEqual(
      parts.map((p) => ({
        name: NON_NORMATIVE_LABELS[p.kind],
        label: NON_NORMATIVE_LABELS[p.kind],
        text: foldLines(p.text),
      })),
    );
    expect(parts.map((p) => NON_NORMATIVE_LABELS[p.kind])).toEqual([
      'Titel',
      'Verwijzing naar een ander document van de school',
      'Notitie van de opstellers (geen regel)',
      'Verwijzing naar een bijlage die ontbreekt',
    ]);
    expect(await page.locator('article.article').count()).toBe(documentArticles(doc).length);
  });
});

describe('the model page of Mill Hill College (2023)', () => {
  const doc = modelDocs.get('mill-hill-2023')!;
  const quotes = [
    "'LEERLINGEN MOGEN NIETS SLECHTS OVER DE SCHOOL ZEGGEN, DOEN ZE DAT WEL WORDEN ZE HOOGSTWAARSCHIJNLIJK GESCHORST.'",
    '1. IK VIND HET HEEL GOED ALS EEN SCHOOL MET COMPUTERS WERKT',
  ];
  let page: Page;
  beforeAll(async () => {
    page = await open('/modellen/mill-hill-2023/');
  });
  afterAll(() => page.close());

  test('shows both ALL-CAPS pupil quotes in "Citaat in de opmaak (geen regel)" boxes', async () => {
    const quoteBoxes = (await asides(page)).filter((a) => a.label === 'Citaat in de opmaak (geen regel)');
    expect(quoteBoxes).toHaveLength(2);
    expect(quoteBoxes.map((q) => q.name)).toEqual([
      'Citaat in de opmaak (geen regel)',
      'Citaat in de opmaak (geen regel)',
    ]);
    expect(fold(quoteBoxes[0]!.text)).toBe(quotes[0]);
    expect(fold(quoteBoxes[1]!.text).startsWith(quotes[1]!)).toBe(true);
  });

  test('does not show either quote as an article', async () => {
    expect(await page.locator('article.article', { hasText: 'LEERLINGEN MOGEN NIETS SLECHTS' }).count()).toBe(0);
    expect(await page.locator('article.article', { hasText: 'IK VIND HET HEEL GOED' }).count()).toBe(0);
    expect(await page.locator('article.article').count()).toBe(documentArticles(doc).length);
  });

  test('keeps every other part that is no rule in its labelled box too', async () => {
    expect(await asides(page)).toEqual(
      nonNormativeParts(doc).map((p) => ({
        name: NON_NORMATIVE_LABELS[p.kind],
        label: NON_NORMATIVE_LABELS[p.kind],
        text: foldLines(p.text),
      })),
    );
  });
});
