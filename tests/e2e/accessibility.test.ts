import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { PAGE_TYPES, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();

const PAGES = PAGE_TYPES;

const WIDTHS = [360, 1280] as const;

describe('axe-core finds no accessibility violations', () => {
  test.each(WIDTHS.flatMap((width) => PAGES.map(([name, path]) => [name, width, path] as const)))(
    '%s page at %i px (%s)',
    async (_name, width, path) => {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${site.url}${path}`);
        expect(response?.status()).toBe(200);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const report = violations
          .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
          .join('\n');
        expect(violations.length, `axe violations on ${path} at ${width}px:\n${report}`).toBe(0);
      } finally {
        await context.close();
      }
    },
  );
});
