import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './plan-test';
import { signInInApp } from './account-steps';
import { rpc } from './rpc';
import { pdfText } from '../support/pdf-text';
import { returnsFile } from '../../server/test/ach/returns-file';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { formatUsd } from '@shared/util/money';
import { chooseGroup } from './group-switcher';

// The journey of Bill Pay part 2, in the browser host against a real plan service started for this file (plan-test.ts).

/** The smaller sandbox employer: seeded with a verified operating account and its latest invoice open. */
const GROUP = '100871';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Steps through the Pay wizard from Billing, on the earliest date the plan takes, and submits. */
async function payFromBilling(page: Page, amount: 'whole' | string): Promise<string> {
  await page.goto(page.url().replace(/#.*$/, '#/billing'));
  await page.getByRole('link', { name: 'Pay invoices' }).first().click();
  await expect(heading(page, 'Pay invoices')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  if (amount !== 'whole') {
    await page.getByRole('radio', { name: /Another amount/ }).check();
    await page.getByLabel('Amount to pay ($)').fill(amount);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /Operating account/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /Use the earliest date/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: 'I authorize this debit' }).check();
  await page.getByRole('button', { name: 'Submit payment' }).click();
  await expect(heading(page, 'Payment scheduled')).toBeVisible({ timeout: 30_000 });
  const confirmation = /PAY-\d{6}-[0-9A-Z]{6}/.exec((await page.getByText(/Confirmation number/).textContent()) ?? '')?.[0];
  if (!confirmation) throw new Error('no confirmation number on the done screen');
  return confirmation;
}

test('an administrator adds an account, schedules and cancels a payment, pays an invoice with a receipt, enrolls in autopay, and sees an R01 return reopen the balance', async ({ page, host, plan }) => {
  test.setTimeout(240_000);
  await signInInApp(page, host, plan, plan.admin);
  await chooseGroup(page, GROUP);
  await expect.poll(async () => (await rpc(page.request, host, 'billing.invoices', { groupNumber: GROUP })).length, { timeout: 60_000 }).toBeGreaterThan(0);
  const token = await plan.signIn(plan.admin);
  const summary = async () => (await plan.api<BillingSummary>('GET', `/v1/groups/${GROUP}/billing-summary`, { token })).body;
  const open = await summary();
  if (!open.lastInvoice || open.balanceCents <= 0) throw new Error('the sandbox group has nothing open to pay');

  // A bank account: a mistyped routing number is refused at its field, before anything is sent.
  await page.goto(`${host.origin}/#/billing/accounts`);
  await expect(heading(page, 'Bank accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Add a bank account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a bank account' });
  await dialog.getByLabel('Nickname').fill('Payroll reserve');
  await dialog.getByLabel('Account holder').fill('Allegheny Valley Dntl');
  await dialog.getByLabel('Routing number').fill('021000022');
  await dialog.getByRole('textbox', { name: 'Account number', exact: true }).click();
  await expect(dialog.getByText('This routing number has a typo: check the 9 digits at the bottom left of your check')).toBeVisible();
  await dialog.getByLabel('Routing number').fill('011000015');
  await dialog.getByRole('textbox', { name: 'Account number', exact: true }).fill('55501234');
  await dialog.getByRole('textbox', { name: 'Account number again' }).fill('55501234');
  await dialog.getByRole('radio', { name: /Checking/ }).check();
  await dialog.getByRole('radio', { name: /Two small deposits/ }).check();
  await dialog.getByLabel('Your password').fill(plan.admin.password);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const accounts = page.getByRole('list', { name: 'Bank accounts' });
  await expect(accounts).toContainText('Payroll reserve');
  await expect(accounts).toContainText('1234');
  await expect(page.getByText('55501234')).toHaveCount(0);

  // A partial payment, scheduled and then cancelled before its cut-off.
  const partial = await payFromBilling(page, '10.00');
  await page.goto(`${host.origin}/#/billing/payments`);
  const history = page.getByRole('table', { name: 'Payments, newest first' });
  await expect(history).toContainText(partial);
  await history.getByRole('button', { name: /Cancel the payment of \$10\.00/ }).click();
  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(history.getByRole('row', { name: new RegExp(partial) })).toContainText('Cancelled', { timeout: 30_000 });

  // The whole balance, with a receipt read back as text.
  const paid = await payFromBilling(page, 'whole');
  const answer = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postDataJSON() as { method?: string } | null)?.method === 'payments.receipt');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Receipt (PDF)' }).click();
  const receipt = ((await (await answer).json()) as { ok: true; value: { base64: string } }).value;
  await (await popup).close();
  const receiptText = await pdfText(Buffer.from(receipt.base64, 'base64'));
  expect(receiptText).toContain(paid);
  expect(receiptText).toContain(formatUsd(open.balanceCents));
  await expect.poll(async () => (await summary()).balanceCents).toBe(0);

  // Autopay, authorized with the password.
  await page.goto(`${host.origin}/#/billing/autopay`);
  await expect(heading(page, 'Autopay')).toBeVisible();
  await page.getByRole('button', { name: 'Enroll in autopay' }).click();
  const form = page.getByRole('form', { name: 'Enroll in autopay' });
  // The only verified account: the new one is still waiting for its deposits.
  await form.getByLabel('Debit from').selectOption({ index: 1 });
  await expect(form.getByLabel('Debit from')).toContainText('Operating account');
  await form.getByRole('radio', { name: /On the due date/ }).check();
  await form.getByRole('checkbox', { name: 'I authorize autopay' }).check();
  await form.getByLabel('Your password').fill(plan.admin.password);
  await form.getByRole('button', { name: 'Enroll in autopay' }).click();
  await expect(page.getByRole('heading', { name: 'Autopay: Active' })).toBeVisible({ timeout: 30_000 });

  // The operator sends the payment's day's file early, and the bank returns the debit R01.
  const payments = await rpc(page.request, host, 'payments.list', { groupNumber: GROUP });
  const record = payments.find((p) => p.payment?.confirmationNumber === paid)?.payment;
  if (!record) throw new Error(`${paid} is not in the app's payment list`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-ach-'));
  const achFile = path.join(folder, 'day.ach');
  expect(await plan.ops('ach-file', '--date', record.paymentDate, '--before-cutoff', '--out', achFile)).toMatch(/written now/);
  const entry = readFileSync(achFile, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('627') && Number(line.slice(29, 39)) === record.amountCents);
  if (!entry) throw new Error('the payment is not in the ACH file');
  const returns = path.join(folder, 'returns.ach');
  writeFileSync(returns, returnsFile([{ kind: 'return', code: 'R01', originalTrace: entry.slice(79, 94), amountCents: record.amountCents }]));
  expect(await plan.ops('ach-returns', returns)).toContain('R01');

  await page.goto(`${host.origin}/#/billing/payments`);
  await expect(page.getByRole('table', { name: 'Payments, newest first' }).getByRole('row', { name: new RegExp(paid) })).toContainText(/Returned/, { timeout: 60_000 });
  await page.goto(`${host.origin}/#/billing/autopay`);
  await expect(page.getByRole('heading', { name: 'Autopay: Suspended' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await summary()).balanceCents).toBe(open.balanceCents);
  await expect(page.getByRole('combobox', { name: 'Group' })).toContainText(`balance ${formatUsd(open.balanceCents)}`, { timeout: 30_000 });
});
