/**
 * The wizard at /samenstellen/ in Chromium: a whole composition by keyboard, autosave and reload, undo,
 * export and import, the build of the exported file, invalid imports, hostile input, share links, axe.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { fold, readableText, useBuiltSite } from './built-site.ts';

const site = useBuiltSite();
const content = loadSite();
const modelIds = [...content.models.keys()];

const HOSTILE_NAME = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const HOSTILE_TEXT = [
  '[klik hier](javascript:window.__pwned=3) en ![beeld](javascript:window.__pwned=4)',
  '<a href="javascript:window.__pwned=5">link</a> <b onmouseover="window.__pwned=6">vet</b>',
  '‮gnp.exe‬ met nul\u200bbreedte\u200d',
  'lang'.repeat(1500),
].join('\n\n');

async function newWizard(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/samenstellen/`);
  await page.locator('#school-sector').waitFor();
  return { context, page };
}

/** Goes to a step by the step list and waits until its heading shows. */
async function gotoStep(page: Page, name: string): Promise<void> {
  await page.locator('.wizard-steps button', { hasText: name }).click();
  await page.waitForFunction((n) => document.querySelector('#step-heading')?.textContent?.trim().endsWith(n), name);
}

/**
 * Chooses a starting point in step 1: `sector:po`, or a model such as `model:hoeksche-2020` (the models sit behind
 * "Of begin met het protocol van een andere school").
 */
async function chooseStart(page: Page, id: string): Promise<void> {
  await gotoStep(page, 'Beginnen');
  if (id.startsWith('model:')) {
    const more = page.locator('.more-starts');
    if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator('summary').click();
  }
  await page.locator(`.starts li:has(#start-${id.replace(':', '-')}) button`).click();
  await page.locator(`.starts li.chosen:has(#start-${id.replace(':', '-')})`).waitFor();
}

/** Goes to step 3 and types the school's name. */
async function fillName(page: Page, name: string): Promise<void> {
  await gotoStep(page, 'Gegevens');
  await page.locator('#school-name').fill(name);
}

/** Presses Tab until the focused element's label or text starts with `name` (fails after 400 presses). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
    });
    if (typeof name === 'string' ? label.startsWith(name) : name.test(label)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

/** Goes to the next step by keyboard and checks that focus lands on the new step's heading. */
async function nextStep(page: Page, heading: string): Promise<void> {
  await tabTo(page, /^Volgende stap/);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
  expect(fold(await page.locator('#step-heading').innerText())).toBe(`Stap ${heading}`);
}

/** The article bodies of the preview, as a reader sees them. */
async function previewTexts(page: Page): Promise<string[]> {
  return (await page.locator('.preview-body article.article .body').allInnerTexts()).map(fold);
}

async function axeClean(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect(violations.length, `axe on ${where}:\n${report}`).toBe(0);
}

/** Composes a protocol by keyboard only, from an empty wizard to the download; returns the page and the file. */
async function composeByKeyboard(width: number) {
  const { context, page } = await newWizard(width);
  // Step 1: sector po (the first) and the recommended start, the sector default.
  await tabTo(page, 'Kies dit startpunt');
  await page.keyboard.press('Enter');
  await page.locator('.starts li.chosen').waitFor();
  await axeClean(page, `step 1 at ${width}px`);

  await nextStep(page, '2 van 7: Keuzes');
  await axeClean(page, `step 2 at ${width}px`);

  await nextStep(page, '3 van 7: Gegevens');
  await tabTo(page, 'Naam van de school');
  await page.keyboard.type('Basisschool Het Anker');
  await tabTo(page, 'Plaats');
  await page.keyboard.type('Zwolle');
  await tabTo(page, 'Contactpersoon toevoegen');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-0-role');
  await page.keyboard.type('vertrouwenspersoon');
  await tabTo(page, 'E-mailadres');
  await page.keyboard.type('vp@hetanker.example.nl');
  await axeClean(page, `step 3 at ${width}px`);

  await nextStep(page, '4 van 7: Alle artikelen');
  const before = (await previewTexts(page)).length;
  // Open the first section (collapsed by default) and switch its first article off with the space bar.
  await tabTo(page, /^Inleiding/);
  await page.keyboard.press('Enter');
  await tabTo(page, 'Opnemen in het protocol');
  await page.keyboard.press('Space');
  await expect.poll(async () => (await previewTexts(page)).length).toBe(before - 1);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await previewTexts(page)).length).toBe(before);
  await axeClean(page, `step 4 at ${width}px`);

  await nextStep(page, '5 van 7: Eigen artikelen');
  await tabTo(page, 'Eigen artikel toevoegen');
  await page.keyboard.press('Enter');
  // The new article's title field takes the focus once it is rendered; a person starts typing when it has.
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement instanceof HTMLInputElement && document.activeElement.value === ''),
    )
    .toBe(true);
  await page.keyboard.type('Ons eigen afspraak');
  await tabTo(page, 'Tekst');
  await page.keyboard.type('Wij bespreken sociale media elk jaar in de groep.');
  await expect
    .poll(() => page.locator('.preview-body').innerText())
    .toContain('Wij bespreken sociale media elk jaar in de groep.');
  await axeClean(page, `step 5 at ${width}px`);

  await nextStep(page, '6 van 7: Controleren');
  // The answers come first; the comparison with the starting model opens on request.
  expect(await page.locator('#review-answers').innerText()).toBe('Uw antwoorden');
  await tabTo(page, /^Vergeleken met het startpunt/);
  await page.keyboard.press('Enter');
  await page.locator('.review-diff .diff-summary').waitFor();
  // The review shows the one comparison, as the model-diff page does: differences V1, V2, … with their kind in words.
  expect(fold(await page.locator('.review-diff .change-list li').first().innerText())).toMatch(/^V1 [A-Z]/);
  expect(await page.locator('.review-diff .change-list a').count()).toBe(0);
  await axeClean(page, `step 6 at ${width}px`);

  await nextStep(page, '7 van 7: Meenemen');
  await axeClean(page, `step 7 at ${width}px`);
  await tabTo(page, 'Download het werkbestand');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const yaml = fs.readFileSync((await download.path())!, 'utf8');
  return { context, page, yaml, fileName: download.suggestedFilename() };
}

/**
 * The whole keyboard flow is a few hundred key presses, each waited for; on a shared 2-core machine under load it has
 * taken 110–180 s (it asserts behaviour, never speed), so these two tests get more time than the default 60 s.
 */
const KEYBOARD_FLOW_MS = 240_000;

describe('the wizard', () => {
  // Six axe scans of a protocol of about a hundred articles, typed key by key: on a shared two-core machine this
  // takes longer than the default minute. The limit is no speed requirement (that is the benchmark's job).
  test(
    'composes a protocol from scratch by keyboard; the downloaded YAML builds to the preview’s articles',
    async () => {
      const { context, page, yaml, fileName } = await composeByKeyboard(1280);
      try {
        expect(fileName).toBe('basisschool-het-anker.yaml');
        const protocol = parseProtocol(yaml, fileName, content.library, modelIds);
        expect(protocol.school).toEqual({
          name: 'Basisschool Het Anker',
          sector: 'po',
          place: 'Zwolle',
          pupils: 'leerlingen',
          contacts: [{ role: 'vertrouwenspersoon', email: 'vp@hetanker.example.nl', reporting: true }],
          documents: [],
        });
        const built = documentArticles(composeProtocol('x', protocol, content.library));
        expect(built.map((a) => readableText(a.text))).toEqual(await previewTexts(page));
        expect(built.filter((a) => a.origin === 'custom').map((a) => [a.title, a.text])).toEqual([
          ['Ons eigen afspraak', 'Wij bespreken sociale media elk jaar in de groep.'],
        ]);
      } finally {
        await context.close();
      }
    },
    KEYBOARD_FLOW_MS,
  );

  test(
    'works at 360 px by keyboard, with the preview one tap away',
    async () => {
      const { context, page } = await composeByKeyboard(360);
      try {
        expect(await page.locator('#wizard-preview').isVisible()).toBe(false);
        await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
        expect(await page.locator('#wizard-preview').isVisible()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await axeClean(page, 'preview at 360px');
      } finally {
        await context.close();
      }
    },
    KEYBOARD_FLOW_MS,
  );

  test('brings the work back after a reload, and undoes a change', async () => {
    const { context, page } = await newWizard();
    try {
      await fillName(page, 'De Regenboog');
      await chooseStart(page, 'model:lankforst-2024');
      const preview = await previewTexts(page);
      expect(preview.length).toBeGreaterThan(30);
      await page.reload();
      await page.locator('#step-heading').waitFor();
      expect(await page.locator('.wizard-notice').innerText()).toContain('Uw werk van de vorige keer is teruggezet.');
      expect(await previewTexts(page)).toEqual(preview);
      await gotoStep(page, 'Gegevens');
      expect(await page.locator('#school-name').inputValue()).toBe('De Regenboog');

      await page.locator('#school-name').fill('De Regenboog en De Zon');
      await expect.poll(() => page.locator('.preview-title').innerText()).toContain('De Regenboog en De Zon');
      await page.getByRole('button', { name: 'Ongedaan maken' }).click();
      expect(await page.locator('#school-name').inputValue()).toBe('De Regenboog');
      expect(await page.locator('.preview-title').innerText()).toContain('De Regenboog');
      await page.getByRole('button', { name: 'Opnieuw doen' }).click();
      expect(await page.locator('#school-name').inputValue()).toBe('De Regenboog en De Zon');

      await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
      expect(await page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:v1'))).toBe(null);
      await gotoStep(page, 'Gegevens');
      expect(await page.locator('#school-name').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });

  test('exports YAML that, imported on a fresh page, gives the same preview; a share link does too', async () => {
    const { context, page } = await newWizard();
    const fresh = await newWizard();
    const shared = await newWizard();
    try {
      await fillName(page, 'Het Baken');
      // Hoeksche 2020: a model start whose review finds no error for a po school.
      await chooseStart(page, 'model:hoeksche-2020');
      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const file = (await download.path())!;
      const preview = await previewTexts(page);

      await fresh.page
        .locator('#import-file')
        .setInputFiles({ name: 'het-baken.yaml', mimeType: 'text/yaml', buffer: fs.readFileSync(file) });
      await expect.poll(() => previewTexts(fresh.page)).toEqual(preview);

      await page.getByRole('button', { name: 'Deellink maken' }).click();
      const link = await page.locator('#share-link').inputValue();
      expect(link).toMatch(new RegExp(`^${site.url}/samenstellen/#p=[A-Za-z0-9_-]+$`));
      await shared.page.goto(link);
      await expect.poll(() => previewTexts(shared.page)).toEqual(preview);
      expect(await shared.page.evaluate(() => location.hash)).toBe('');
    } finally {
      await context.close();
      await fresh.context.close();
      await shared.context.close();
    }
  });

  test.each([
    ['bad YAML', 'format: 1\nschool: [oeps\n', /kapot\.yaml:\d+: ongeldige YAML/],
    [
      'an unknown clause',
      'format: 1\nschool: { name: X, sector: po }\nversion: "1"\nstartsFrom: scope-2012\nsections:\n  - title: A\n    articles:\n      - clause: all-users/bestaat-niet\n',
      /kapot\.yaml:8: sections\.0\.articles\.0\.clause: bepaling `all-users\/bestaat-niet` bestaat niet/,
    ],
    [
      'a wrongly typed variable',
      'format: 1\nschool: { name: X, sector: po }\nversion: "1"\nstartsFrom: hoeksche-2020\nsections:\n  - title: A\n    articles:\n      - clause: all-users/openbaar-blijft\n        values: { publishedKinds: 16 }\n',
      /kapot\.yaml:9: sections\.0\.articles\.0\.values\.publishedKinds: verwacht een lijst/,
    ],
    ['a newer format', 'format: 2\n', /kapot\.yaml:1: format: dit bestand heeft formaat 2/],
  ])('an import with %s says what and where, and leaves the work untouched', async (_name, yaml, message) => {
    const { context, page } = await newWizard();
    try {
      await fillName(page, 'De Wilg');
      await chooseStart(page, 'model:lankforst-2024');
      const preview = await previewTexts(page);
      const saved = await page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:v1'));
      await page
        .locator('#import-file')
        .setInputFiles({ name: 'kapot.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
      await page.locator('#import-errors').waitFor();
      expect(await page.locator('#import-errors').innerText()).toMatch(message);
      expect(await page.locator('#import-errors').innerText()).toContain(
        'Dit bestand is niet geopend; uw werk is niet veranderd.',
      );
      expect(await page.locator('#import-file').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#import-file').getAttribute('aria-describedby')).toBe('import-help import-errors');
      expect(await previewTexts(page)).toEqual(preview);
      expect(await page.evaluate(() => localStorage.getItem('protocolwijzer:samenstellen:v1'))).toBe(saved);
    } finally {
      await context.close();
    }
  });

  test("edits the school's other documents: an unsafe address is refused at its field, the rest is exported and imported", async () => {
    const { context, page } = await newWizard();
    const fresh = await newWizard();
    try {
      await fillName(page, 'De Esch');
      await page.getByRole('button', { name: 'Document toevoegen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('document-0-title');
      await page.keyboard.type(HOSTILE_NAME);
      await page.locator('#document-0-url').fill('javascript:window.__pwned=7');
      const url = page.locator('#document-0-url');
      // The error shows once the field is left.
      await url.blur();
      await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
      expect(await url.getAttribute('aria-describedby')).toBe('document-0-url-help document-0-url-error');
      expect(await page.locator('#document-0-url-error').innerText()).toBe(
        'geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.',
      );
      // "Volgende stap" would stop at the invalid address; the list of steps always lets the user look ahead.
      await chooseStart(page, 'model:lankforst-2024');
      // The preview shows the title as text and never links the unsafe address.
      const listed = page.locator('.preview-documents li');
      expect(await listed.allInnerTexts()).toEqual([HOSTILE_NAME]);
      expect(
        await page.locator('.preview-documents a, .preview-documents script, .preview-documents img').count(),
      ).toBe(0);

      await gotoStep(page, 'Gegevens');
      await page.locator('#document-0-url').fill('https://www.deesch.example.nl/privacy');
      await expect.poll(() => page.locator('#document-0-url').getAttribute('aria-invalid')).toBe(null);
      await page.getByRole('button', { name: 'Document toevoegen' }).click();
      await page.locator('#document-1-title').fill('Anti-pestprotocol');
      await page.getByRole('button', { name: 'Document toevoegen' }).click();
      await page.locator('#document-2-title').fill('Weg ermee');
      await page.getByRole('button', { name: /^Verwijderen\s*: Weg ermee$/ }).click();
      // The focus goes to the neighbour: the document before the removed last one.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('document-1-title');
      expect(
        await page
          .locator('.preview-documents a')
          .evaluateAll((a) => a.map((x) => [x.textContent, x.getAttribute('href')])),
      ).toEqual([[HOSTILE_NAME, 'https://www.deesch.example.nl/privacy']]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(undefined);

      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const file = fs.readFileSync((await download.path())!, 'utf8');
      expect(parseProtocol(file, 'de-esch.yaml', content.library, modelIds).school.documents).toEqual([
        { title: HOSTILE_NAME, url: 'https://www.deesch.example.nl/privacy' },
        { title: 'Anti-pestprotocol' },
      ]);

      await fresh.page
        .locator('#import-file')
        .setInputFiles({ name: 'de-esch.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file) });
      await gotoStep(fresh.page, 'Gegevens');
      await expect
        .poll(() =>
          fresh.page
            .locator('#document-1-title')
            .inputValue()
            .catch(() => ''),
        )
        .toBe('Anti-pestprotocol');
      expect(await fresh.page.locator('#document-0-title').inputValue()).toBe(HOSTILE_NAME);
      expect(await fresh.page.locator('#document-0-url').inputValue()).toBe('https://www.deesch.example.nl/privacy');
      expect(await fresh.page.locator('#document-1-url').inputValue()).toBe('');
      await axeClean(fresh.page, 'step 3 with documents');
    } finally {
      await context.close();
      await fresh.context.close();
    }
  });

  test('records the adoption and the (G)MR consent; a model as starting point does not bring its own adoption', async () => {
    const { context, page } = await newWizard();
    const fresh = await newWizard();
    try {
      await fillName(page, 'De Esch');
      // Hoeksche 2020 was adopted by its board; that is not this school's adoption.
      await chooseStart(page, 'model:hoeksche-2020');
      expect(await page.locator('.preview-status').innerText()).toBe('Concept: nog niet vastgesteld.');

      await gotoStep(page, 'Gegevens');
      await page.locator('#adoption-by').fill('de directie');
      // The date's error shows once the date field has been left.
      await page.locator('#adoption-date').focus();
      await page.locator('#adoption-date').blur();
      await expect.poll(() => page.locator('#adoption-date').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#adoption-date-error').innerText()).toBe('ontbreekt. Kies een datum.');
      await page.locator('#adoption-date').fill('2025-10-01');
      await page.getByRole('button', { name: 'Besluit van de (G)MR toevoegen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('consent-0-body');
      await page.keyboard.type('MR');
      await page.locator('#consent-0-date').fill('2025-09-24');
      await page.getByRole('button', { name: 'Besluit van de (G)MR toevoegen' }).click();
      await page.locator('#consent-1-body').fill('GMR');
      await page.locator('#consent-1-date').fill('2025-09-20');
      await expect
        .poll(() => page.locator('.preview-status').innerText())
        .toBe(
          'Vastgesteld door de directie op 1 oktober 2025, na instemming van de MR op 24 september 2025 en de GMR op 20 september 2025.',
        );
      await page.getByRole('button', { name: /^Verwijderen\s*: GMR$/ }).click();
      await expect
        .poll(() => page.locator('.preview-status').innerText())
        .toBe('Vastgesteld door de directie op 1 oktober 2025, na instemming van de MR op 24 september 2025.');
      await axeClean(page, 'step 3 with adoption');

      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const file = fs.readFileSync((await download.path())!, 'utf8');
      expect(parseProtocol(file, 'de-esch.yaml', content.library, modelIds).adoption).toEqual({
        by: 'de directie',
        date: '2025-10-01',
        // The wizard records consent given; the file format's outcome defaults to `ingestemd`.
        consent: [{ body: 'MR', date: '2025-09-24', outcome: 'ingestemd' }],
      });

      await fresh.page
        .locator('#import-file')
        .setInputFiles({ name: 'de-esch.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file) });
      await gotoStep(fresh.page, 'Gegevens');
      await expect.poll(() => fresh.page.locator('#adoption-by').inputValue()).toBe('de directie');
      expect(await fresh.page.locator('#adoption-date').inputValue()).toBe('2025-10-01');
      expect(await fresh.page.locator('#consent-0-body').inputValue()).toBe('MR');
      expect(await fresh.page.locator('#consent-0-date').inputValue()).toBe('2025-09-24');
      expect(await fresh.page.locator('#consent-1-body').count()).toBe(0);
    } finally {
      await context.close();
      await fresh.context.close();
    }
  });

  test("a contact's phone number shows in the preview's reporting list and goes through export and import", async () => {
    const { context, page } = await newWizard();
    const fresh = await newWizard();
    try {
      await fillName(page, 'De Esch');
      await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
      await page.locator('#contact-0-role').fill('vertrouwenspersoon');
      await page.getByLabel('Telefoonnummer').fill('030 765 43 21');
      expect(await page.locator('#contact-0-phone').getAttribute('type')).toBe('tel');
      await chooseStart(page, 'model:lankforst-2024');
      expect((await page.locator('section[aria-labelledby="preview-melden"] li').allInnerTexts()).map(fold)).toEqual([
        'vertrouwenspersoon, 030 765 43 21',
      ]);
      // The number is a tel: link.
      expect(await page.locator('section[aria-labelledby="preview-melden"] a').getAttribute('href')).toBe(
        'tel:0307654321',
      );

      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const file = fs.readFileSync((await download.path())!, 'utf8');
      expect(parseProtocol(file, 'de-esch.yaml', content.library, modelIds).school.contacts).toEqual([
        { role: 'vertrouwenspersoon', phone: '030 765 43 21', reporting: true },
      ]);
      await fresh.page
        .locator('#import-file')
        .setInputFiles({ name: 'de-esch.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file) });
      await gotoStep(fresh.page, 'Gegevens');
      await expect
        .poll(() =>
          fresh.page
            .locator('#contact-0-phone')
            .inputValue()
            .catch(() => ''),
        )
        .toBe('030 765 43 21');
    } finally {
      await context.close();
      await fresh.context.close();
    }
  });

  test('Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y undo and redo outside text fields; in a text field the browser keeps its own undo', async () => {
    const { context, page } = await newWizard();
    try {
      await fillName(page, 'De Esch');
      await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
      await page.locator('#contact-0-role').fill('vertrouwenspersoon');
      const reporting = page.locator('#contact-0-reporting');
      await reporting.focus();
      await page.keyboard.press('Space');
      expect(await reporting.isChecked()).toBe(false);
      // On the checkbox the wizard's undo applies.
      await page.keyboard.press('Control+z');
      expect(await reporting.isChecked()).toBe(true);
      await page.keyboard.press('Control+Shift+z');
      expect(await reporting.isChecked()).toBe(false);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+y');
      expect(await reporting.isChecked()).toBe(false);

      // From a button, three undos take back the checkbox, the role and the added contact.
      await page.getByRole('button', { name: 'Document toevoegen' }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
      expect(await page.locator('#contact-0-role').count()).toBe(0);
      expect(await page.locator('#school-name').inputValue()).toBe('De Esch');
      const redoButton = page.getByRole('button', { name: 'Opnieuw doen' });
      expect(await redoButton.isEnabled()).toBe(true);

      // In a text field Ctrl+Z is the browser's own: it undoes the typing there, and that edit is a new change
      // in the wizard's history (which the wizard's undo would not be: it would leave something to redo).
      await page.locator('#school-place').focus();
      await page.keyboard.type('Zwolle');
      await page.keyboard.press('Control+z');
      expect(await page.locator('#school-place').inputValue()).toBe('');
      expect(await redoButton.isEnabled()).toBe(false);
      expect(await page.locator('#school-name').inputValue()).toBe('De Esch');
      expect(await page.getByRole('button', { name: 'Ongedaan maken' }).getAttribute('aria-keyshortcuts')).toBe(
        'Control+Z',
      );
    } finally {
      await context.close();
    }
  });

  test("a school of a known board: Gegevens and the preview show what it inherits, marked, and an own contact replaces the board's", async () => {
    const board = [...content.boards.values()][0]!.board;
    const role = board.contacts.find((c) => c.reporting)!.role;
    for (const width of [360, 1280]) {
      const { context, page } = await newWizard(width);
      try {
        await chooseStart(page, 'sector:po');
        await fillName(page, 'De Esch');
        await page.locator('#school-board').fill(board.name);
        const fromBoard = page.locator('section[aria-labelledby="wizard-from-board"]');
        await expect.poll(() => fromBoard.count()).toBe(1);
        for (const c of board.contacts) expect(await fromBoard.innerText()).toContain(c.role);
        for (const d of board.documents) expect(await fromBoard.innerText()).toContain(`${d.title} (via het bestuur)`);
        // The preview marks the inherited reporting route and documents as the published page does.
        await page.locator('#school-board').blur();
        const reporting = page.locator('section[aria-labelledby="preview-melden"] li');
        expect((await reporting.allTextContents()).map(fold)).toContainEqual(
          expect.stringMatching(new RegExp(`^${role}.*\\(via het bestuur\\)$`)),
        );
        expect((await page.locator('.preview-documents li').allTextContents()).map(fold)).toEqual(
          board.documents.map((d) => `${d.title} (via het bestuur)`),
        );
        await axeClean(page, `Gegevens with a board at ${width}px`);
        if (width === 360) await page.screenshot({ path: '/tmp/w13b/shots/360-Gegevens-board.png', fullPage: true });

        // Replace the board's contact by the school's own: the focus goes to its name.
        await page
          .getByRole('button', { name: new RegExp(`^Eigen contactpersoon in plaats hiervan\\s*: ${role}$`) })
          .click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-0-name');
        expect(await page.locator('#contact-0-role').inputValue()).toBe(role);
        await page.keyboard.type('Mevr. Jansen');
        await expect
          .poll(async () => (await reporting.allTextContents()).map(fold))
          .toContainEqual(`${role}: Mevr. Jansen`);
        expect((await reporting.allTextContents()).filter((x) => x.startsWith(role))).toHaveLength(1);
        await page.locator('#contact-0-email').fill('jansen@de-esch.example.nl');
        expect(await fromBoard.innerText()).not.toContain(`${role},`);

        // The exported file holds the school's own values and names the board; the board's stay in its file.
        await gotoStep(page, 'Meenemen');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download het werkbestand' }).click(),
        ]);
        const file = parseProtocol(
          fs.readFileSync((await download.path())!, 'utf8'),
          'de-esch.yaml',
          content.library,
          modelIds,
        );
        expect(file.school.board).toBe(board.name);
        expect(file.school.contacts.map((c) => c.role)).toEqual([role]);
        expect(file.school.documents).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  test('"Volgende" on Beginnen without a starting point stays there, says so at the starting points and focuses one', async () => {
    for (const width of [360, 1280]) {
      const { context, page } = await newWizard(width);
      try {
        await page.getByRole('button', { name: /Volgende stap/ }).click();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
          .toBe('Kies dit startpunt');
        expect(fold(await page.locator('#step-heading').innerText())).toBe('Stap 1 van 7: Beginnen');
        expect(await page.locator('#start-error').innerText()).toMatch(/^Kies eerst een startpunt/);
        const describedBy = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'));
        expect(describedBy?.split(' ')).toContain('start-error');
        await axeClean(page, `step 1 without a start at ${width}px`);
        await page.keyboard.press('Enter');
        await page.locator('.starts li.chosen').waitFor();
        expect(await page.locator('#start-error').count()).toBe(0);
        await page.getByRole('button', { name: /Volgende stap/ }).click();
        await expect.poll(() => page.locator('#step-heading').innerText().then(fold)).toBe('Stap 2 van 7: Keuzes');
      } finally {
        await context.close();
      }
    }
  });

  test('going on or exporting with a problem puts the focus on the first invalid field, on its own step', async () => {
    const { context, page } = await newWizard();
    const active = () => page.evaluate(() => document.activeElement?.id);
    try {
      await chooseStart(page, 'model:lankforst-2024');
      await gotoStep(page, 'Gegevens');
      // No error before anything was typed or left.
      expect(await page.locator('#school-name').getAttribute('aria-invalid')).toBe(null);
      await page.getByRole('button', { name: /Volgende stap/ }).click();
      expect(fold(await page.locator('#step-heading').innerText())).toBe('Stap 3 van 7: Gegevens');
      await expect.poll(active).toBe('school-name');
      expect(await page.locator('#school-name').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.wizard-notice').innerText()).toContain(
        'Los eerst dit op (de cursor staat bij het veld): Naam van de school: mag niet leeg zijn.',
      );

      await page.keyboard.type('De Esch');
      await page.getByRole('button', { name: 'Document toevoegen' }).click();
      await expect.poll(active).toBe('document-0-title');
      await page.keyboard.type('Privacyreglement');
      await page.locator('#document-0-url').fill('privacy.pdf');
      await page.getByRole('button', { name: /Volgende stap/ }).click();
      await expect.poll(active).toBe('document-0-url');
      await page.locator('#document-0-url').fill('');
      await page.getByRole('button', { name: /Volgende stap/ }).click();
      await expect.poll(active).toBe('step-heading');
      expect(fold(await page.locator('#step-heading').innerText())).toBe('Stap 4 van 7: Alle artikelen');

      await gotoStep(page, 'Eigen artikelen');
      await page
        .getByRole('button', { name: /Eigen artikel toevoegen/ })
        .nth(2)
        .click();
      await gotoStep(page, 'Meenemen');
      await expect.poll(active).toBe('step-heading');
      const download = page.getByRole('button', { name: 'Download het werkbestand' });
      expect(await download.getAttribute('aria-disabled')).toBe('true');
      await download.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('#step-heading').innerText().then(fold))
        .toBe('Stap 5 van 7: Eigen artikelen');
      await expect.poll(active).toMatch(/^u\d+-title$/);
      const field = page.locator(`#${await active()}`);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.inputValue()).toBe('');
      expect(await page.locator('.wizard-notice').innerText()).toContain(
        'Los eerst dit op (de cursor staat bij het veld): Sectie 3',
      );
    } finally {
      await context.close();
    }
  });

  test('the review step shows the review; an error blocks the export until it is accepted with a reason, which the file keeps', async () => {
    const { context, page } = await newWizard();
    const active = () => page.evaluate(() => document.activeElement?.id);
    try {
      await fillName(page, 'De Wissel');
      // SCOPE 2012: its image rule is opt-out, which the review finds as an error.
      await chooseStart(page, 'model:scope-2012');
      await gotoStep(page, 'Controleren');
      const optOut = page.locator('.finding-error[data-rule="outdated-image-consent"]');
      await optOut.waitFor();
      expect(fold(await optOut.innerText())).toMatch(/^FOUT .*opt-out.*Bron: Autoriteit Persoonsgegevens/);
      expect(await page.locator('.finding[data-rule="dead-platform"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#review-findings-summary').innerText()).toMatch(/^1 fout, \d+ waarschuwingen/);
      await axeClean(page, 'the review step with findings');

      // The error's button goes to the decision that fixes it, in step 2, with the focus on the variant chosen.
      await optOut.getByRole('button', { name: 'Naar het artikel' }).click();
      await expect.poll(() => page.locator('#step-heading').innerText().then(fold)).toBe('Stap 2 van 7: Keuzes');
      await expect.poll(active).toBe('cp-image-consent-opt-out-yearly');

      // Exporting is blocked while the error stands: the button takes the user to it.
      await gotoStep(page, 'Meenemen');
      const download = page.getByRole('button', { name: 'Download het werkbestand' });
      expect(await download.getAttribute('aria-disabled')).toBe('true');
      expect(await page.locator('#download-blocked').innerText()).toContain('opt-out');

      // Accepting needs a reason; with one, the export goes on and the file keeps it.
      await gotoStep(page, 'Controleren');
      await optOut.getByRole('button', { name: 'Fout accepteren' }).click();
      expect(await optOut.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
      await optOut
        .getByRole('textbox')
        .fill('Wij vragen toestemming via het ouderportaal; dit artikel gaat eruit bij de volgende versie.');
      await optOut.getByRole('button', { name: 'Fout accepteren' }).click();
      await expect
        .poll(() => optOut.innerText().then(fold))
        .toContain('Geaccepteerd, met als reden: “Wij vragen toestemming via het ouderportaal');
      expect(await page.locator('#review-findings-summary').innerText()).toMatch(/^1 fout \(1 geaccepteerd\)/);
      await gotoStep(page, 'Meenemen');
      expect(await download.getAttribute('aria-disabled')).toBeNull();
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      const protocol = parseProtocol(
        fs.readFileSync((await file.path())!, 'utf8'),
        'de-wissel.yaml',
        content.library,
        modelIds,
      );
      expect(protocol.accepted).toEqual([
        {
          rule: 'outdated-image-consent',
          article: 'all-users/beeld-bezwaar',
          reason: 'Wij vragen toestemming via het ouderportaal; dit artikel gaat eruit bij de volgende versie.',
        },
      ]);
    } finally {
      await context.close();
    }
  });

  test("a custom article's audiences and summary: ticked, checked, exported and imported", async () => {
    const { context, page } = await newWizard();
    const fresh = await newWizard();
    try {
      await fillName(page, 'De Esch');
      await chooseStart(page, 'model:lankforst-2024');
      await gotoStep(page, 'Eigen artikelen');
      await page
        .getByRole('button', { name: /Eigen artikel toevoegen/ })
        .first()
        .click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^u\d+-title$/);
      const uid = (await page.evaluate(() => document.activeElement!.id)).replace(/-title$/, '');
      await page.keyboard.type('Telefoon op kamp');
      await page.locator(`#${uid}-text`).fill('Op kamp blijft de telefoon thuis.');
      const group = page.getByRole('group', { name: 'Voor wie is dit artikel?' });
      const ticked = () => group.locator('input:checked + label').allInnerTexts();
      expect(await ticked()).toEqual(['iedereen']);

      await group.getByLabel('iedereen').uncheck();
      await expect
        .poll(() =>
          page
            .locator(`#${uid}-audiences-error`)
            .innerText()
            .catch(() => ''),
        )
        .toBe('kies minstens één doelgroep.');
      expect(await group.getByLabel('leerlingen').getAttribute('aria-describedby')).toBe(`${uid}-audiences-error`);
      expect(await group.getByLabel('leerlingen').getAttribute('aria-invalid')).toBe('true');
      await group.getByLabel('ouders/verzorgers').check();
      await group.getByLabel('leerlingen').check();
      await expect.poll(() => page.locator(`#${uid}-audiences-error`).count()).toBe(0);
      expect(await ticked()).toEqual(['leerlingen', 'ouders/verzorgers']);
      await page.getByLabel('In het kort (mag leeg blijven)').fill('Geen telefoon op kamp.');
      await axeClean(page, 'step 5 with audiences and summary');

      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const file = fs.readFileSync((await download.path())!, 'utf8');
      const custom = parseProtocol(file, 'de-esch.yaml', content.library, modelIds)
        .sections.flatMap((s) => s.articles)
        .filter((a) => 'custom' in a);
      expect(custom).toEqual([
        {
          custom: expect.stringMatching(/^eigen-artikel-\d+$/),
          title: 'Telefoon op kamp',
          text: 'Op kamp blijft de telefoon thuis.',
          audiences: ['pupils', 'parents'],
          summary: 'Geen telefoon op kamp.',
        },
      ]);

      await fresh.page
        .locator('#import-file')
        .setInputFiles({ name: 'de-esch.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file) });
      await expect
        .poll(() =>
          fresh.page
            .locator('.preview-title')
            .innerText()
            .catch(() => ''),
        )
        .toContain('De Esch');
      await gotoStep(fresh.page, 'Eigen artikelen');
      const freshGroup = fresh.page.getByRole('group', { name: 'Voor wie is dit artikel?' });
      expect(await freshGroup.locator('input:checked + label').allInnerTexts()).toEqual([
        'leerlingen',
        'ouders/verzorgers',
      ]);
      expect(await fresh.page.getByLabel('In het kort (mag leeg blijven)').inputValue()).toBe('Geen telefoon op kamp.');
    } finally {
      await context.close();
      await fresh.context.close();
    }
  });

  test('renders hostile input as text in the page, the export and the print edition', async () => {
    const { context, page } = await newWizard(1280);
    try {
      await fillName(page, HOSTILE_NAME);
      await chooseStart(page, 'model:lankforst-2024');
      await gotoStep(page, 'Eigen artikelen');
      await page
        .getByRole('button', { name: /Eigen artikel toevoegen/ })
        .first()
        .click();
      await page.locator('.own-fields input').first().fill(HOSTILE_NAME);
      await page.locator('.own-fields textarea').first().fill(HOSTILE_TEXT);
      const preview = page.locator('#wizard-preview');
      await expect.poll(() => preview.innerText()).toContain('[klik hier](javascript:window.__pwned=3)');
      expect(await preview.innerText()).toContain(HOSTILE_NAME);
      expect(await preview.locator('script, img, a, b, [onerror], [onmouseover]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(undefined);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

      await gotoStep(page, 'Meenemen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download het werkbestand' }).click(),
      ]);
      const protocol = parseProtocol(
        fs.readFileSync((await download.path())!, 'utf8'),
        'x.yaml',
        content.library,
        modelIds,
      );
      expect(protocol.school.name).toBe(HOSTILE_NAME);
      const custom = protocol.sections.flatMap((s) => s.articles).find((a) => 'custom' in a);
      expect(custom && 'text' in custom ? custom.text : '').toBe(HOSTILE_TEXT);

      const [print] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).click(),
      ]);
      await print.waitForLoadState();
      await print.goto(`${site.url}/samenstellen/afdrukken/?geen-afdrukvenster`);
      await print.waitForFunction(
        () => (window as unknown as { __paged?: { done: boolean } }).__paged?.done,
        undefined,
        { timeout: 30_000 },
      );
      expect(await print.locator('.pagedjs_page').count()).toBeGreaterThan(3);
      expect(await print.locator('body').innerText()).toContain(HOSTILE_NAME);
      expect(await print.locator('.pagedjs_pages script, .pagedjs_pages img, .pagedjs_pages [onerror]').count()).toBe(
        0,
      );
      expect(await print.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(undefined);
    } finally {
      await context.close();
    }
  });
});
