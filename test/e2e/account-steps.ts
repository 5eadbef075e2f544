import type { Page } from '@playwright/test';
import { expect, type RunningHost } from './browser-host';
import { maskedEmail, verificationCodeIn, verificationLinkIn, type E2ePlanService, type E2eUser } from './plan-service';

/** What a person does in the app to get an account; each ends on Access, signed in. */

/**
 * Fills in "Create your account" (the page must be open) and confirms the address with what the
 * plan mailed: the 6-digit code, or the link pasted under "Use the link instead".
 */
export async function registerInApp(page: Page, plan: E2ePlanService, user: E2eUser, verifyWith: 'code' | 'link' = 'code'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Plan service address').fill(plan.url);
  await page.getByLabel('User ID').fill(user.userId);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  const rules = page.getByRole('list', { name: 'Password rules' });
  // The checklist follows the typing: the confirmation is still missing.
  await expect(rules.getByRole('listitem').filter({ hasText: 'At least 12 characters' })).toContainText('done');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Passwords match' })).toContainText('not yet');
  await page.getByLabel('Confirm password').fill(user.password);
  await expect(rules.getByRole('listitem').filter({ hasText: 'Passwords match' })).toContainText('done');
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Verify your e-mail address' })).toBeVisible();
  await expect(page.getByText(`We sent a 6-digit code to ${maskedEmail(user.email)}`)).toBeVisible();
  const mail = await plan.inbox(user.email).next(/verification code/i);
  if (verifyWith === 'code') {
    await page.getByLabel('6-digit code').fill(verificationCodeIn(mail));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
  } else {
    await page.getByText('Use the link instead').click();
    await page.getByLabel('Link from the e-mail').fill(verificationLinkIn(mail));
    await page.getByRole('button', { name: 'Verify with the link' }).click();
  }
  // The password typed at registration is still in memory: the app signs in by itself.
  await expect(page.getByRole('heading', { level: 1, name: 'Access' })).toBeVisible({ timeout: 30_000 });
}

/** Opens the app (on the demo data, as after `--demo`) and signs in on the Sign in screen. */
export async function signInInApp(page: Page, host: RunningHost, plan: E2ePlanService, user: Pick<E2eUser, 'userId' | 'password'>): Promise<void> {
  await page.goto(host.appUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`${host.origin}/#/sign-in`);
  await fillSignIn(page, plan, user);
  await expect(page.getByRole('contentinfo')).toContainText(new URL(plan.url).host, { timeout: 30_000 });
}

export async function fillSignIn(page: Page, plan: E2ePlanService, user: Pick<E2eUser, 'userId' | 'password'>): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Plan service address').fill(plan.url);
  await page.getByLabel('User ID').fill(user.userId);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
}
