import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expect, test } from './plan-test';
import { newPerson } from './plan-service';
import { fillSignIn, signInInApp } from './account-steps';

// Two-step sign-in, in the browser host against a real plan service (plan-test.ts).

const STEP_MS = 30_000;
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/**
 * What an authenticator app holding `secret` shows. The journey runs the real programs, so the plan
 * service reads the real clock; a code is accepted once and one step either side, so each sign-in
 * uses the next step's code, later than the step enrollment used up.
 */
const codeFor = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

test('a user turns on two-step sign-in in Settings, signs in again with a code from the secret shown, and uses a recovery code once', async ({ page, host, plan }, testInfo) => {
  const user = newPerson('Rowan', 'Tally');
  await plan.registerUser(user);
  await signInInApp(page, host, plan, user);

  await nav(page, 'Settings').click();
  const security = page.getByRole('region', { name: 'Security: two-step sign-in' });
  await expect(security).toContainText('Off.');
  await security.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(security.getByRole('img', { name: /QR code for your authenticator app/ })).toBeVisible();
  const groups = await security.locator('.two-factor-secret span').allTextContents();
  expect(groups).toHaveLength(8);
  const secret = groups.join('');
  for (const [width, height] of [[1280, 720], [420, 900]] as const) {
    await page.setViewportSize({ width, height });
    await security.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`two-factor-enroll-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  const started = Date.now();
  await security.getByLabel('Enter the 6-digit code the app now shows').fill(codeFor(secret, started));
  await security.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(security.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  const recoveryCodes = await security.getByRole('list', { name: `Recovery codes for ${user.userId}` }).getByRole('listitem').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.screenshot({ path: testInfo.outputPath('two-factor-recovery-codes-1280.png'), fullPage: true });
  await security.getByRole('button', { name: 'I have saved them' }).click();
  await expect(security).toContainText('10 of 10 recovery codes left.');

  // Signed out, the password alone is not enough.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(`${host.origin}/#/sign-in`);
  await fillSignIn(page, plan, user);
  const code = page.getByLabel('6-digit code');
  await expect(code).toBeFocused();
  for (const [width, height] of [[1280, 720], [420, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`two-factor-sign-in-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await code.fill(codeFor(secret, started + STEP_MS));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('contentinfo')).toContainText(new URL(plan.url).host, { timeout: 30_000 });

  // No phone at hand: a recovery code signs in, once.
  for (const expected of ['signed in', 'refused'] as const) {
    await nav(page, 'Settings').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${host.origin}/#/sign-in`);
    await fillSignIn(page, plan, user);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await expect(page.getByLabel(/Recovery code/)).toBeFocused();
    await page.getByLabel(/Recovery code/).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    if (expected === 'signed in') {
      await expect(page.getByRole('contentinfo')).toContainText(new URL(plan.url).host, { timeout: 30_000 });
      await nav(page, 'Settings').click();
      await expect(page.getByRole('region', { name: 'Security: two-step sign-in' })).toContainText('9 of 10 recovery codes left.');
    } else {
      await expect(page.getByText('That recovery code is not right or was already used.')).toBeVisible();
    }
  }
});
