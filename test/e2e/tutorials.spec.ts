import { tutorials } from '@shared/help/tutorials';
import { expect, test } from './browser-host';
import { doStep, openDemoApp, prepareTutorial, stepControl, stepFinished, TUTORIAL_CLOCK_START } from '../tutorials/tutorial-steps';

// Every tutorial's guided tour, taken to its end on the demo data the way a user takes it: a change
// to the app that leaves a step without its control, or a step that can no longer be done, fails
// here instead of in front of a user. The steps are done as the tutorial images do them
// (test/tutorials/tutorial-steps.ts), on the same fixed clock.

for (const tutorial of tutorials) {
  if (tutorial.needsPlanSignIn) {
    // Its controls show only when signed in to the plan service, so on the demo data Help must say
    // so instead of offering a tour that would wait for them forever.
    test(`Help says the tour "${tutorial.title}" needs a plan-service sign-in on the demo data`, async ({ page, launchHost }) => {
      const host = await launchHost({ demo: true, clockStart: TUTORIAL_CLOCK_START });
      await openDemoApp(page, host);
      await page.getByRole('link', { name: 'Help' }).click();
      await page.getByRole('listbox', { name: 'Tasks' }).getByRole('option', { name: tutorial.title }).click();
      await expect(page.getByRole('heading', { level: 1, name: tutorial.title })).toBeVisible();
      await expect(page.getByText('The tour of this task needs a sign-in to the plan service')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start the tour' })).toHaveCount(0);
    });
    continue;
  }
  test(`the tour "${tutorial.title}" finds every control and runs to its end`, async ({ page, launchHost }) => {
    const host = await launchHost({ demo: true, clockStart: TUTORIAL_CLOCK_START });
    await openDemoApp(page, host);
    await prepareTutorial(page, tutorial);
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
