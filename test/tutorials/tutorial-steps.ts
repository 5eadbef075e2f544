import type { Locator, Page } from '@playwright/test';
import type { Tutorial, TutorialStep } from '@shared/help/tutorial-types';

/**
 * What the image generator (`npm run tutorials`) and the end-to-end check of the tours
 * (test/e2e/tutorials.spec.ts) share: how a tutorial's app is opened and how a step is done on the
 * real controls, so the pictures and the check cannot disagree about what a step means.
 */

/**
 * The instant both start the app at: the browser host's clock (launchBrowserHost's `clockStart`)
 * and the page's. The demo data is dated from its day, so the pictures are the same whatever day
 * they are made and the dates typed below stay valid. 09:00 UTC is the same calendar day from UTC-9
 * to UTC+14 (CI's Pacific/Kiritimati), so the plan service's day and the desktop's agree.
 */
export const TUTORIAL_CLOCK_START = '2026-03-02T09:00:00Z';

/**
 * Opens the app on the demo data and waits for the first sync to finish (the demo data arrives by
 * it). The page's clock stays at TUTORIAL_CLOCK_START; timers still run, so the app behaves as on any day.
 */
export async function openDemoApp(page: Page, host: { appUrl: string }): Promise<void> {
  await page.clock.setFixedTime(new Date(TUTORIAL_CLOCK_START));
  await page.goto(host.appUrl);
  await page.getByRole('contentinfo').getByText('Up to date').waitFor({ timeout: 60_000 });
}

/** The control marked `data-tour="<target>"`. */
const tourControl = (page: Page, target: string): Locator => page.locator(`[data-tour="${target}"]`);

/** The real control a step highlights: `[data-tour="<target>"]`, unique on its screen. */
export const stepControl = (page: Page, step: TutorialStep): Locator => tourControl(page, step.target);

const next = (form: Locator) => form.getByRole('button', { name: 'Next' }).click();

/**
 * How a person does a `click` step whose control is more than one button or link: a wizard page is
 * filled in with the demo walk-through's answers (the same in the pictures and in the check) and
 * continued; a list is opened at its first employee or invoice. Everything happens inside the highlighted
 * control, because a guided tour keeps the rest of the page inert while a step is open.
 */
const doers: Readonly<Record<string, (control: Locator) => Promise<void>>> = {
  'roster-grid': (grid) => grid.getByRole('row').filter({ hasText: 'Employee' }).first().click(),
  'billing-invoices': (list) => list.getByRole('link').first().click(),
  'enroll-person': async (form) => {
    await form.getByLabel('First name').fill('Rosa');
    await form.getByLabel('Last name').fill('Quintanilla');
    await form.getByLabel('Date of birth').fill('1988-04-12');
    await form.getByRole('radio', { name: 'Female', exact: true }).check();
    await form.getByRole('textbox', { name: 'Social Security number' }).fill('512-34-9876');
    await next(form);
  },
  'enroll-contact': async (form) => {
    await form.getByLabel('Street address').fill('18 Orchard Lane');
    await form.getByLabel('City').fill('Pittsburgh');
    await form.getByLabel('State').selectOption('PA');
    await form.getByLabel('ZIP code').fill('15213');
    await next(form);
  },
  'enroll-employment': async (form) => {
    // Four weeks before TUTORIAL_CLOCK_START: hired recently, as most enrollments are.
    await form.getByLabel('Hire date').fill('2026-02-02');
    await form.getByRole('radio', { name: /Full time/ }).check();
    await next(form);
  },
  'enroll-coverage': async (form) => {
    await form.getByRole('group', { name: 'Plan' }).getByRole('radio').first().check();
    await form.getByRole('group', { name: 'Coverage starts' }).getByRole('radio').first().check();
    await next(form);
  },
  'enroll-dependents': next,
  'enroll-review': (form) => form.getByRole('button', { name: 'Submit enrollment' }).click(),
  'add-dependent-event': async (form) => {
    await form.getByLabel('Relationship to the employee').selectOption('child');
    await form.getByRole('radio', { name: /^Birth/ }).check();
    await form.getByLabel('Date of the event').fill('2026-02-27');
    await next(form);
  },
  'add-dependent-person': async (form) => {
    await form.getByLabel('First name').fill('Noor');
    await form.getByLabel('Last name').fill('Aguilar');
    await form.getByLabel('Date of birth').fill('2026-02-27');
    await form.getByRole('radio', { name: 'Female', exact: true }).check();
    await next(form);
  },
  'add-dependent-review': (form) => form.getByRole('button', { name: 'Submit dependent' }).click(),
  'terminate-details': async (form) => {
    await form.getByLabel('Reason', { exact: true }).selectOption({ label: 'Quit' });
    await form.getByLabel('Date of the event').fill('2026-02-27');
    await next(form);
  },
  'terminate-review': (form) => form.getByRole('button', { name: 'Submit termination' }).click(),
  'demographics-identity': next,
  'demographics-contact': async (form) => {
    await form.getByLabel('Phone').fill('412-555-0187');
    await next(form);
  },
  'demographics-when': async (form) => {
    await form.getByRole('radio', { name: /^A change in the member’s life/ }).check();
    // TUTORIAL_CLOCK_START's day: a new phone number applies from today.
    await form.getByLabel('Effective date').fill('2026-03-02');
    await next(form);
  },
  'demographics-review': (form) => form.getByRole('button', { name: 'Submit changes' }).click(),
  'id-cards-members': next,
  'id-cards-details': async (form) => {
    await form.getByLabel('Reason', { exact: true }).selectOption({ label: 'Lost' });
    await form.getByRole('group', { name: 'Ship the cards' }).getByRole('radio').first().check();
    await next(form);
  },
  'id-cards-review': (form) => form.getByRole('button', { name: 'Submit request' }).click(),
  // The Pay wizard starts with every open invoice, the whole balance and the one verified account chosen.
  'pay-invoices': next,
  'pay-amount': next,
  'pay-account': next,
  'pay-date': async (form) => {
    await form.getByRole('button', { name: /^Use the earliest date/ }).click();
    await next(form);
  },
  'pay-review': async (form) => {
    await form.getByRole('checkbox', { name: 'I authorize this debit' }).check();
    await form.getByRole('button', { name: 'Submit payment' }).click();
  },
  'reinstate-details': next,
  'reinstate-review': (form) => form.getByRole('button', { name: 'Submit reinstatement' }).click(),
};

/**
 * What a step's control shows once the step's screen is complete, where it changes after it appears:
 * the status line after a wizard reads "Accepted by the plan" with the confirmation number once the
 * plan has answered.
 */
const finished: Readonly<Record<string, string>> = { 'wizard-done': 'Accepted by the plan' };

/** Waits until the step's control shows what it finally shows (`finished`). */
export async function stepFinished(control: Locator, step: TutorialStep): Promise<void> {
  const text = finished[step.target];
  if (text !== undefined) await control.filter({ hasText: text }).waitFor({ timeout: 30_000 });
}

/**
 * What the demo data must hold before a tutorial's walk, where it lacks something the task is for:
 * done through the app, as a user would have done it earlier.
 */
const preparations: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  // Reinstating is for coverage ended by mistake, and the demo group's terminated members ended too
  // long ago to be reinstated; so the first employee's coverage is ended first, as the tutorial
  // "Terminate coverage" ends it, and the tour reinstates them.
  'reinstate-coverage': async (page) => {
    await page.getByRole('link', { name: 'Members' }).click();
    await doers['roster-grid']!(tourControl(page, 'roster-grid'));
    await tourControl(page, 'member-terminate').click();
    await doers['terminate-details']!(tourControl(page, 'terminate-details'));
    await doers['terminate-review']!(tourControl(page, 'terminate-review'));
    await tourControl(page, 'wizard-done').filter({ hasText: finished['wizard-done'] }).waitFor({ timeout: 30_000 });
    await page.getByRole('contentinfo').getByText('Up to date').waitFor({ timeout: 30_000 });
  },
};

/** Brings the demo data to what the tutorial's walk starts from (`preparations`); most need nothing. */
export async function prepareTutorial(page: Page, tutorial: Tutorial): Promise<void> {
  await preparations[tutorial.id]?.(page);
}

/** The targets of `click` steps that are not a single button or link, for the check that each has a way to be done. */
export const doableTargets = (): string[] => Object.keys(doers);

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An option's accessible name starts with its visible label; a hint after it ("CSV Plain text with commas…") is allowed. */
const labelled = (label: string): RegExp => new RegExp(`^${escaped(label)}`);

/** The field a `type` step fills: the control itself when it is one, else the one text field inside it. */
async function fieldOf(control: Locator): Promise<Locator> {
  const isField = await control.evaluate((el) => el.matches('input, textarea, [contenteditable="true"]'));
  return isField ? control : control.getByRole('textbox').or(control.getByRole('searchbox'));
}

/** Picks the option labelled `label` in a native select, a listbox or a radio group. */
async function choose(control: Locator, label: string): Promise<void> {
  const kind = await control.evaluate((el) => (el instanceof HTMLSelectElement ? 'select' : el.querySelector('select') ? 'select-inside' : el.getAttribute('role') === 'listbox' ? 'listbox' : 'radios'));
  if (kind === 'select') await control.selectOption({ label });
  else if (kind === 'select-inside') await control.locator('select').selectOption({ label });
  else if (kind === 'listbox') await control.getByRole('option', { name: labelled(label) }).click();
  else await control.getByRole('radio', { name: labelled(label) }).check();
}

/**
 * Does the step as a person would: a `read` step asks nothing; `type` fills the sample in and
 * `choose` picks the option labelled with it; a `click` step on a button or link uses it, and on
 * anything else (a wizard page, a list) is done as `doers` says; a target it does not know fails
 * with the step's name.
 */
export async function doStep(control: Locator, tutorial: Tutorial, step: TutorialStep): Promise<void> {
  const action = step.action;
  if (action.kind === 'read') return;
  if (action.kind === 'type') return (await fieldOf(control)).fill(action.sample);
  if (action.kind === 'choose') return choose(control, action.sample);
  const doer = doers[step.target];
  if (doer !== undefined) return doer(control);
  const pressable = await control.evaluate((el) => el.matches('a[href], button, [role="button"], [role="link"]'));
  if (!pressable) throw new Error(`Tutorial "${tutorial.id}": no way to do the step "${step.title}" on [data-tour="${step.target}"]; say how in test/tutorials/tutorial-steps.ts`);
  await control.click();
}
