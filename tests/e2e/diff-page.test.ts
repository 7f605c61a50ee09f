import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { changeLabel } from '../../src/lib/render/change-text.ts';
import { diffVersions, VERSION_CHANGE_KINDS } from '../../src/lib/versions/diff-versions.ts';
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

describe('Basisschool De Linde compared with the SCOPE model (2012)', () => {
  const diff = diffVersions(scopeModel, protocols.get('de-linde')!.doc, {}, { against: 'model' });
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

  test('sums up as many differences of each kind as the one comparison finds, and the unchanged articles', async () => {
    const expected = Object.fromEntries([
      ...VERSION_CHANGE_KINDS.filter((k) => diff.counts[k] > 0).map((k) => [
        changeLabel(k, { against: 'model' }),
        diff.counts[k],
      ]),
      ['ongewijzigd', diff.unchanged],
    ]);
    expect(await summaryCounts(page)).toEqual(expected);
    // De Linde 2.0 moved to the current clauses: most of SCOPE is changed, added to or left out.
    expect(diff.changes.length).toBeGreaterThan(10);
    expect(fold(await page.locator('.diff-summary .total').innerText())).toBe(
      `${diff.changes.length} verschillen van SCOPE naar Basisschool De Linde.`,
    );
  });

  test("numbers the differences V1… in the comparison's order, each block printing its kind as a word", async () => {
    const blocks = await page
      .locator('.diff-changes article.change')
      .evaluateAll((els) =>
        els.map((el) => [
          el.id,
          el.className,
          el.querySelector('.change-number')?.textContent,
          el.querySelector('.change-kind')?.textContent,
        ]),
      );
    expect(blocks).toEqual(
      diff.changes.map((c) => [
        c.number!.toLowerCase(),
        `change change--${c.kind}`,
        c.number,
        changeLabel(c.kind, { against: 'model' }),
      ]),
    );
    expect(blocks.map((b) => b[2])).toEqual(Array.from({ length: diff.changes.length }, (_, i) => `V${i + 1}`));
  });

  test('marks an article SCOPE lacks as added, whole, under a caption that says so', async () => {
    const added = diff.changes.find((c) => c.kind === 'added')!;
    expect(added).toBeDefined();
    const block = page.locator(`article#${added.number!.toLowerCase()}`);
    expect(fold(await block.locator('.change-heading').innerText())).toBe(
      `${added.number} TOEGEVOEGD ${added.after!.title}`,
    );
    expect(fold(await block.locator('.change-where').innerText())).toMatch(
      /^alleen in Basisschool De Linde \(art\. .+\)$/,
    );
    expect(await block.locator('.block-caption').innerText()).toBe('Tekst in Basisschool De Linde, toegevoegd:');
    expect(await block.locator('ins.block').count()).toBe(1);
  });

  test("says of a text with only the school's name in place of SCOPE that only the name differs", async () => {
    const named = diff.changes.find((c) => c.kind === 'name')!;
    expect(named).toBeDefined();
    const block = page.locator(`article#${named.number!.toLowerCase()}`);
    expect(await block.locator('.change-kind').innerText()).toMatch(/^naam van de school ingevuld$/i);
    expect(await block.locator('.name-note').innerText()).toBe(
      'Alleen de naam is anders: SCOPE werd Basisschool De Linde. De tekst:',
    );
    expect(await block.locator('ins, del').count()).toBe(0);
  });

  test('says in words, for screen readers and copied text, what was inserted and deleted', async () => {
    expect(await page.locator('.diff-changes .words ins').first().textContent()).toMatch(/^\[toegevoegd: .+\]$/s);
    expect(await page.locator('.diff-changes .words del').first().textContent()).toMatch(/^\[verwijderd: .+\]$/s);
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

  test('reads without colour: inserted words underlined, deleted struck through, blocks with own bars', async () => {
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

  test('shows a whole left-out article in the text colour on white with a thin strike, under its caption', async () => {
    const removed = diff.changes.find((c) => c.kind === 'removed')!;
    expect(removed).toBeDefined();
    const block = page.locator(`article#${removed.number!.toLowerCase()}`);
    expect(await block.locator('.block-caption').innerText()).toBe('Tekst in SCOPE, weggelaten:');
    const style = await block.locator('del.block').evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        color: s.color,
        background: s.backgroundColor,
        line: s.textDecorationLine,
        thickness: s.textDecorationThickness,
      };
    });
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(style).toEqual({ color: text, background: 'rgba(0, 0, 0, 0)', line: 'line-through', thickness: '1px' });
  });
});

describe('the rebuilt SCOPE model compared with the SCOPE model itself', () => {
  const diff = diffVersions(scopeModel, protocols.get('scope-2012')!.doc, {}, { against: 'model' });
  let page: Page;
  beforeAll(async () => {
    page = await site.browser.newPage();
    const response = await page.goto(`${site.url}/protocollen/scope-2012/vergelijk/scope-2012/`);
    expect(response?.status()).toBe(200);
  });
  afterAll(() => page.close());

  test('shows no difference: the library reproduces the model, every article unchanged', async () => {
    const unchanged = documentArticles(scopeModel).length;
    expect([diff.changes.length, diff.unchanged]).toEqual([0, unchanged]);
    expect(await summaryCounts(page)).toEqual({ ongewijzigd: unchanged });
    expect(await page.locator('.diff-changes .no-changes').innerText()).toBe('Geen verschillen.');
  });

  test('marks no words', async () => {
    expect(await page.locator('.diff-changes ins, .diff-changes del').count()).toBe(0);
  });
});
