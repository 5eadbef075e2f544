import { tutorials } from '@shared/help/tutorials';
import { expect, test } from './browser-host';
import { doStep, openDemoApp, stepControl, stepFinished, TUTORIAL_CLOCK_START } from '../tutorials/tutorial-steps';

// Every tutorial's guided tour, taken to its end on the demo data the way a user takes it: a change
// to the app that leaves a step without its control, or a step that can no longer be done, fails
// here instead of in front of a user. The steps are done as the tutorial images do them
// (test/tutorials/tutorial-steps.ts), on the same fixed clock.

/**
 * Tours this check cannot take yet, each with why. Each shows in the report as "fixme", not as a
 * pass; the entry goes once the reason is dealt with.
 */
const notYetTaken: Readonly<Record<string, string>> = {
  'reinstate-coverage': 'opens the first employee of the roster, who is active, so the member page offers no Reinstate',
  'update-demographics': 'no answers yet for the Update details wizard (demographics-identity and on) in test/tutorials/tutorial-steps.ts',
  'request-id-cards': 'no answers yet for the ID cards wizard (id-cards-members and on)',
  'read-invoice': 'no way yet to choose an invoice in billing-invoices',
  'reconcile-invoice': 'no way yet to choose an invoice in billing-invoices',
  'pay-invoice': 'no answers yet for the Pay wizard (pay-invoices and on)',
  'set-up-autopay': 'no way yet to do the autopay-card step',
  'enter-access-code': 'on the demo data the Access link (nav-access) never shows, so the first step never opens',
  'request-primary-admin': 'on the demo data the Access link (nav-access) never shows, so the first step never opens',
};

for (const tutorial of tutorials) {
  test(`the tour "${tutorial.title}" finds every control and runs to its end`, async ({ page, launchHost }) => {
    test.fixme(tutorial.id in notYetTaken, notYetTaken[tutorial.id]);
    const host = await launchHost({ demo: true, clockStart: TUTORIAL_CLOCK_START });
    await openDemoApp(page, host);
    await page.getByRole('link', { name: 'Help' }).click();
    await page.getByRole('listbox', { name: 'Tasks' }).getByRole('option', { name: tutorial.title }).click();
    await page.getByRole('button', { name: 'Start the tour' }).click();

    for (const [index, step] of tutorial.steps.entries()) {
      const dialog = page.getByRole('dialog', { name: step.title });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(`Step ${index + 1} of ${tutorial.steps.length}`);
      const control = stepControl(page, step);
      await expect(control).toBeVisible();
      await stepFinished(control, step);
      await doStep(control, tutorial, step);
      if (step.action.kind !== 'click') await dialog.getByRole('button', { name: index === tutorial.steps.length - 1 ? 'Done' : 'Next' }).click();
      await expect(dialog).toBeHidden();
    }
  });
}
