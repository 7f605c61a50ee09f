import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { diffDocuments, type ChangeKind } from '../../src/lib/diff/diff-documents.ts';
import { CHANGE_KINDS, CHANGE_LABELS } from '../../src/lib/render/render-diff.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { fold, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const { protocols, modelDocs } = loadSite();
const scopeModel = modelDocs.get('scope-2012')!;

/** The summary on a diff page as `{ label: count }`, read from its list of counts. */
async function summaryCounts(page: Page): Promise<Record<string, number>> {
  const items = await page.locator('.diff-summary .counts li').allTextContents();
  return Object.fromEntries(
    items.map((item) => {
      const m = /^(\d+) (.+)$/.exec(fold(item));
      if (!m) throw new Error(`a summary line should read "<count> <kind>", got "${item}"`);
      return [m[2]!, Number(m[1])];
    }),
  );
}

function expectedCounts(counts: Record<ChangeKind, number>): Record<string, number> {
  return Object.fromEntries(CHANGE_KINDS.map((k) => [CHANGE_LABELS[k], counts[k]]));
}

describe('Basisschool De Linde compared with the SCOPE model (2012)', () => {
  const diff = diffDocuments(scopeModel, protocols.get('de-linde')!.doc);
  let page: Page;
  beforeAll(async () => {
    page = await site.browser.newPage();
    const response = await page.goto(`${site.url}/protocollen/de-linde/vergelijk/scope-2012/`);
    expect(response?.status()).toBe(200);
  });
  afterAll(() => page.close());

  test('has the names of both in its h1', async () => {
    expect(fold(await page.locator('h1').innerText())).toBe('Basisschool De Linde vergeleken met SCOPE');
  });

  test('sums up as many changes of each kind as the differ finds', async () => {
    expect(diff.counts.changed).toBeGreaterThan(0);
    expect(diff.counts.added).toBeGreaterThan(0);
    expect(diff.counts.removed).toBeGreaterThan(0);
    expect(await summaryCounts(page)).toEqual(expectedCounts(diff.counts));
  });

  test('shows one block per aligned article, in the differ\'s order, each printing its kind as a word', async () => {
    const blocks = await page.locator('.diff-changes article.change').evaluateAll((els) =>
      els.map((el) => ({ className: el.className, kind: el.querySelector('.change-kind')?.textContent })),
    );
    expect(blocks).toEqual(diff.changes.map((c) => ({ className: `change change--${c.kind}`, kind: CHANGE_LABELS[c.kind] })));
    const words = new Set(blocks.map((b) => b.kind));
    for (const word of ['gewijzigd', 'toegevoegd', 'weggelaten', 'ongewijzigd']) expect(words).toContain(word);
  });

  test("marks the school's own article as added, whole, in an <ins>", async () => {
    const block = page.locator('article.change', { hasText: 'Groepsapps van ouders' });
    expect(fold(await block.locator('.change-heading').innerText())).toBe('TOEGEVOEGD Groepsapps van ouders');
    expect(await block.locator('.change-kind').textContent()).toBe('toegevoegd');
    expect(fold(await block.locator('.change-where').innerText())).toBe('alleen in Basisschool De Linde (5.1)');
    expect(await block.locator('ins.block').count()).toBe(1);
  });

  test('marks inserted words with <ins> and deleted words with <del>, as many as the word diff has', async () => {
    const expectedIns = diff.changes.reduce((n, c) => n + (c.words?.filter((w) => w.op === 'ins').length ?? 0) + (c.kind === 'added' ? 1 : 0), 0);
    const expectedDel = diff.changes.reduce((n, c) => n + (c.words?.filter((w) => w.op === 'del').length ?? 0) + (c.kind === 'removed' ? 1 : 0), 0);
    expect(expectedIns).toBeGreaterThan(0);
    expect(expectedDel).toBeGreaterThan(0);
    expect(await page.locator('.diff-changes ins').count()).toBe(expectedIns);
    expect(await page.locator('.diff-changes del').count()).toBe(expectedDel);
  });

  test('says in words, for screen readers and copied text, what was inserted and deleted', async () => {
    expect(await page.locator('.diff-changes ins').first().textContent()).toMatch(/^\[toegevoegd: .+\]$/s);
    expect(await page.locator('.diff-changes del').first().textContent()).toMatch(/^\[verwijderd: .+\]$/s);
  });

  /** Line style of the first `ins` and `del`, and the margin bar of an added and a removed block. */
  const marks = () =>
    page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        ins: style('.diff-changes ins').textDecorationLine,
        del: style('.diff-changes del').textDecorationLine,
        added: style('.change--added').borderLeftStyle,
        removed: style('.change--removed').borderLeftStyle,
      };
    });

  test('is readable without colour: inserted text underlined, deleted text struck through, blocks with their own bar', async () => {
    expect(await marks()).toEqual({ ins: 'underline', del: 'line-through', added: 'double', removed: 'dashed' });
  });

  test('keeps those marks in forced-colours mode (Windows high contrast)', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      expect(await marks()).toEqual({ ins: 'underline', del: 'line-through', added: 'double', removed: 'dashed' });
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });
});

describe('the rebuilt SCOPE model compared with the SCOPE model itself', () => {
  const diff = diffDocuments(scopeModel, protocols.get('scope-2012')!.doc);
  let page: Page;
  beforeAll(async () => {
    page = await site.browser.newPage();
    const response = await page.goto(`${site.url}/protocollen/scope-2012/vergelijk/scope-2012/`);
    expect(response?.status()).toBe(200);
  });
  afterAll(() => page.close());

  test('shows no changed, added, removed or moved article: the library reproduces the model', async () => {
    const unchanged = documentArticles(scopeModel).length;
    expect(diff.counts).toEqual({ unchanged, changed: 0, added: 0, removed: 0, moved: 0, 'moved-changed': 0 });
    expect(await summaryCounts(page)).toEqual({
      gewijzigd: 0,
      toegevoegd: 0,
      weggelaten: 0,
      verplaatst: 0,
      'verplaatst en gewijzigd': 0,
      ongewijzigd: unchanged,
    });
  });

  test('marks no words and says every choice point was settled the same way', async () => {
    expect(await page.locator('.diff-changes ins, .diff-changes del').count()).toBe(0);
    expect(await page.locator('.diff-summary').innerText()).toContain('Bij elk keuzepunt is dezelfde keuze gemaakt.');
  });
});
