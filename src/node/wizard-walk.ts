/**
 * The keyboard walk of issue 13, shared by the browser test (tests/e2e/wizard-walk.test.ts) and the benchmark
 * (scripts/bench-wizard.ts): a new vo school goes from an empty wizard through the start, the decisions and the
 * values every school gives to the review, with the keyboard only, and the walk counts what it took.
 *
 * Counted: every key pressed to move (Tab, Shift+Tab), to act (Enter, Space) or to choose (arrow keys), and one
 * action per value typed into a field (typing a name is one action, however long the name). Screens: the height of
 * the step's form divided by the window's height, rounded up, per step.
 */
import type { Page } from 'playwright-core';

/** What the walk took, and where it ended. */
export interface WalkResult {
  /** Screen heights of each step's form, by step name. */
  screens: Record<string, number>;
  /** Key presses and typed values, and their sum. */
  actions: { tab: number; enter: number; arrows: number; typed: number; total: number };
  /** The review's summary line at the end (`De controle vond niets…` or the counts). */
  reviewSummary: string;
  /** The tab titles seen, one per step. */
  titles: string[];
}

/** The school the walk fills in. */
export const WALK_SCHOOL = {
  name: 'Het Baken College',
  place: 'Almere',
  role: 'mentor',
  email: 'mentor@hetbaken.example.nl',
} as const;

/**
 * Walks a new vo school through the wizard with the keyboard only: sector vo, the recommended start, the decisions
 * as the start made them but one (the first choice point's next variant, by arrow key, and back), the school's name,
 * place and a reporting contact, then "Klaar: naar Controleren".
 *
 * @param page a page at `/samenstellen/` with empty storage, already loaded.
 * @param check called at each step with its name, for the caller's own assertions (axe, screenshots); default none.
 * @throws Error when a control cannot be reached by Tab within 300 presses, or focus does not land on a step heading.
 */
export async function walkNewVoSchool(
  page: Page,
  check: (step: string) => Promise<void> = async () => {},
): Promise<WalkResult> {
  const actions = { tab: 0, enter: 0, arrows: 0, typed: 0, total: 0 };
  const screens: Record<string, number> = {};
  const titles: string[] = [];
  const press = async (key: string) => {
    await page.keyboard.press(key);
    if (key === 'Tab' || key === 'Shift+Tab') actions.tab++;
    else if (key === 'Enter' || key === 'Space') actions.enter++;
    else actions.arrows++;
  };
  const focusedLabel = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
    });
  const tabTo = async (name: string | RegExp) => {
    for (let i = 0; i < 300; i++) {
      await press('Tab');
      const label = await focusedLabel();
      if (typeof name === 'string' ? label.startsWith(name) : name.test(label)) return;
    }
    throw new Error(`Tab never reached "${String(name)}"`);
  };
  const type = async (text: string) => {
    await page.keyboard.type(text);
    actions.typed++;
  };
  const measure = async (stepName: string) => {
    screens[stepName] = await page.evaluate(() =>
      Math.ceil(document.querySelector('.wizard-form')!.getBoundingClientRect().height / window.innerHeight),
    );
    titles.push(await page.title());
    await check(stepName);
  };
  const next = async (heading: RegExp) => {
    await tabTo(/^(Volgende stap|Klaar: naar Controleren)/);
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    const text = (await page.locator('#step-heading').innerText()).replace(/\s+/g, ' ');
    if (!heading.test(text)) throw new Error(`expected step ${String(heading)}, got "${text}"`);
  };

  await page.locator('#school-sector').waitFor();
  await measure('Beginnen');
  await tabTo('Sector');
  // po is first, vo second: one arrow down on the closed select.
  await press('ArrowDown');
  await page.waitForFunction(() => (document.getElementById('school-sector') as HTMLSelectElement).value === 'vo');
  await tabTo('Kies dit startpunt');
  await press('Enter');
  await page.waitForFunction(() => document.querySelector('.starts li.chosen') !== null);

  await next(/Keuzes$/);
  await measure('Keuzes');
  // One decision looked at with the arrow keys and put back: the radio group moves the choice.
  for (
    let i = 0;
    i < 50 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio'));
    i++
  )
    await press('Tab');
  const first = await page.evaluate(() => (document.activeElement as HTMLInputElement).id);
  await press('ArrowDown');
  await press('ArrowUp');
  await page.waitForFunction((id) => (document.getElementById(id) as HTMLInputElement | null)?.checked === true, first);

  await next(/Gegevens$/);
  await measure('Gegevens');
  await tabTo('Naam van de school');
  await type(WALK_SCHOOL.name);
  await tabTo('Plaats');
  await type(WALK_SCHOOL.place);
  await tabTo('Contactpersoon toevoegen');
  await press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'contact-0-role');
  await type(WALK_SCHOOL.role);
  await tabTo('E-mailadres');
  await type(WALK_SCHOOL.email);

  await next(/Controleren$/);
  await measure('Controleren');
  const reviewSummary = (await page.locator('#review-findings-summary').innerText()).trim();
  actions.total = actions.tab + actions.enter + actions.arrows + actions.typed;
  return { screens, actions, reviewSummary, titles };
}
