/**
 * Issue 13 in Chromium: a new vo school reaches a review-clean protocol through the start, the decisions and the
 * values every school gives, with the keyboard only, at 360 and 1280 px; axe finds nothing on any step; in
 * forced-colours mode the current step stays marked; on a phone the sticky preview button never covers the focus.
 * The screens and actions the walk takes are the benchmark's to record (scripts/bench-wizard.ts), not asserted here.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { walkNewVoSchool, WALK_SCHOOL } from '../../src/node/wizard-walk.ts';
import { useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

async function axeClean(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect(violations.length, `axe on ${where}:\n${report}`).toBe(0);
}

/** The walk takes a few hundred key presses and seven axe scans; on a shared two-core machine that needs minutes. */
const WALK_MS = 240_000;

/** Whether the focused element and the sticky preview button overlap on screen (WCAG 2.4.11). */
function focusCovered(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const toggle = document.querySelector('.wizard-preview-toggle')!.getBoundingClientRect();
    const el = document.activeElement;
    if (!el || el === document.body || el.classList.contains('wizard-preview-toggle')) return false;
    const r = el.getBoundingClientRect();
    if (toggle.height === 0) return false;
    return r.top < toggle.bottom && r.bottom > toggle.top && r.left < toggle.right && r.right > toggle.left;
  });
}

describe.each([360, 1280])('a new vo school by keyboard at %i px', (width) => {
  test(
    'goes through the start, the decisions and the school’s details to a protocol the review finds nothing wrong with',
    async () => {
      const context = await site.browser.newContext({ viewport: { width, height: width < 600 ? 740 : 900 } });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept());
      try {
        await page.goto(`${site.url}/samenstellen/`);
        const covered: string[] = [];
        const result = await walkNewVoSchool(page, async (step) => {
          await axeClean(page, `${step} at ${width}px`);
          if (width < 600 && (await focusCovered(page))) covered.push(step);
        });
        // Review-clean: no error and no warning (the library's clauses no longer say "retweeten").
        expect(result.reviewSummary).toMatch(/^De controle vond niets|^0 fouten, 0 waarschuwingen/);
        expect(result.titles.map((x) => x.split(' ')[0])).toEqual(['Beginnen', 'Keuzes', 'Gegevens', 'Controleren']);
        expect(covered).toEqual([]);
        // The step list marks where the school is.
        expect(await page.locator('.wizard-steps [aria-current="step"]').innerText()).toContain('Controleren');
        // The preview has the school's details and its reporting route.
        expect(await page.locator('.preview-title').innerText()).toContain(WALK_SCHOOL.name);
        expect(await page.locator('#preview-melden + ul').innerText()).toContain(WALK_SCHOOL.email);
        // The other steps are clean too.
        for (const name of ['Alle artikelen', 'Eigen artikelen', 'Meenemen']) {
          await page.locator('.wizard-steps button', { hasText: name }).click();
          await page.waitForFunction((n) => document.querySelector('#step-heading')?.textContent?.endsWith(n), name);
          await axeClean(page, `${name} at ${width}px`);
        }
      } finally {
        await context.close();
      }
    },
    WALK_MS,
  );
});

describe('progress and focus', () => {
  test('in forced-colours mode the current step keeps a mark of its own', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${site.url}/samenstellen/`);
      await page.locator('#school-sector').waitFor();
      const style = (sel: string) =>
        page
          .locator(sel)
          .first()
          .evaluate((el) => {
            const s = getComputedStyle(el);
            return [s.borderTopWidth, s.textDecorationLine, s.backgroundColor, s.color].join(' ');
          });
      const current = await style('.wizard-steps button[aria-current="step"]');
      const other = await style('.wizard-steps button:not([aria-current])');
      expect(current).not.toBe(other);
    } finally {
      await context.close();
    }
  });

  test('removing a contact puts the focus on its neighbour; an error shows only after the field is left', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}/samenstellen/`);
      await page.getByRole('button', { name: 'Kies dit startpunt' }).first().click();
      await page.locator('.wizard-steps button', { hasText: 'Gegevens' }).click();
      // Required and unmarked until left.
      expect(await page.locator('label[for="school-name"]').innerText()).toContain('(verplicht)');
      expect(await page.locator('#school-name').getAttribute('aria-invalid')).toBe(null);
      await page.locator('#school-name').focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('#school-name').getAttribute('aria-invalid')).toBe('true');

      await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
      await page.locator('#contact-0-role').fill('mentor');
      await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
      await page.locator('#contact-1-role').fill('vertrouwenspersoon');
      await page.getByRole('button', { name: /^Verwijderen\s*: mentor$/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-0-role');
      expect(await page.locator('#contact-0-role').inputValue()).toBe('vertrouwenspersoon');
      await page.getByRole('button', { name: /^Verwijderen\s*: vertrouwenspersoon$/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-add');
    } finally {
      await context.close();
    }
  });

  test('values typed for one variant come back after looking at another; an own article moves with one control', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}/samenstellen/`);
      await page.getByRole('button', { name: 'Kies dit startpunt' }).first().click();
      await page.locator('.wizard-steps button', { hasText: 'Keuzes' }).click();
      const group = page.locator('#decision-phones-at-school');
      const field = group.locator('.decision-values input, .decision-values textarea').first();
      await field.fill('alleen in de pauze');
      const chosenId = await group.locator('input[type="radio"]:checked').getAttribute('id');
      await group.locator('input[type="radio"]:checked').focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => group.locator('input[type="radio"]:checked').getAttribute('id')).not.toBe(chosenId);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => group.locator('input[type="radio"]:checked').getAttribute('id')).toBe(chosenId);
      expect(await group.locator('.decision-values input, .decision-values textarea').first().inputValue()).toBe(
        'alleen in de pauze',
      );

      await page.locator('.wizard-steps button', { hasText: 'Eigen artikelen' }).click();
      await page
        .getByRole('button', { name: /Eigen artikel toevoegen/ })
        .first()
        .click();
      await page.keyboard.type('Onze afspraak');
      const move = page.locator('.own-item--custom select').first();
      await move.selectOption('0');
      await expect.poll(() => page.locator('.wizard-notice').innerText()).toContain('staat nu op plaats 1');
      await expect
        .poll(() => page.locator('.own-list').first().locator('.own-title').first().innerText())
        .toContain('Onze afspraak');
      expect(await page.locator('button', { hasText: /^Omhoog/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
