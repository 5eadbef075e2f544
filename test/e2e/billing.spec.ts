import type { Page } from '@playwright/test';
import { expect, test } from './plan-test';
import { signInInApp } from './account-steps';
import { rpc } from './rpc';
import { planDay } from './days';
import { pdfText } from '../support/pdf-text';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import type { InvoiceDetail } from '@shared/plan-api/invoices';
import type { MemberSnapshot } from '@shared/plan-api/members';
import { formatUsd } from '@shared/util/money';
import { chooseGroup } from './group-switcher';

// The journey of Bill Pay part 1, in the browser host against a real plan service started for this file (plan-test.ts).

/** The smaller sandbox employer (40 subscribers), so the first sync is quick. */
const GROUP = '100871';
const GROUP_NAME = 'Allegheny Valley Dental Partners';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

const monthAfter = (periodStart: string): string => {
  const [year, month] = periodStart.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
};
const monthWords = (month: string): string => new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

test('an operator issues an invoice; the administrator is told, reconciles it with the roster, disputes a mismatch, reads the PDF and goes paperless', async ({ page, host, plan }) => {
  test.setTimeout(240_000);
  await signInInApp(page, host, plan, plan.admin);
  await chooseGroup(page, GROUP);
  // The group's invoices so far arrive with its first sync, quietly: only a new one is announced.
  await expect.poll(async () => (await rpc(page.request, host, 'billing.invoices', { groupNumber: GROUP })).length, { timeout: 60_000 }).toBeGreaterThan(0);

  const token = await plan.signIn(plan.admin);
  const before = (await plan.api<BillingSummary>('GET', `/v1/groups/${GROUP}/billing-summary`, { token })).body;
  if (!before.lastInvoice) throw new Error('the sandbox group has no invoice');
  const month = monthAfter(before.lastInvoice.periodStart);
  await plan.ops('issue-invoice', '--group', GROUP, '--period', month);
  const after = (await plan.api<BillingSummary>('GET', `/v1/groups/${GROUP}/billing-summary`, { token })).body;
  const invoice = after.lastInvoice;
  if (invoice?.periodStart !== `${month}-01`) throw new Error(`the operator's invoice for ${month} was not issued`);
  const detail = (await plan.api<InvoiceDetail>('GET', `/v1/groups/${GROUP}/invoices/${invoice.invoiceNumber}`, { token })).body;

  // The e-mail gives the amount and the due date, and names no member.
  const mail = await plan.inbox(plan.admin.email).next(new RegExp(`New invoice ${invoice.invoiceNumber}`));
  expect(mail.text).toContain(`Amount due: ${formatUsd(invoice.totalDueCents)}`);
  for (const line of detail.lines) expect(mail.text).not.toContain(line.memberName);

  // The app announces it, and the switcher's balance follows.
  await expect(page.getByRole('combobox', { name: 'Group' })).toContainText(`balance ${formatUsd(after.balanceCents)}`, { timeout: 60_000 });
  await page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
  const centre = page.getByRole('dialog', { name: 'Notifications' });
  await expect(centre).toContainText(`New invoice for ${GROUP_NAME} (group ${GROUP})`);
  await centre.getByText(`Invoice ${invoice.invoiceNumber}`).click();
  await expect(heading(page, `Invoice for ${monthWords(month)}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(formatUsd(invoice.totalDueCents));

  // Another administrator ends a billed subscriber's coverage this month, after the invoice was issued:
  // the invoice still bills them for the month it covers, which the roster no longer does.
  const billed = detail.lines[0];
  if (!billed) throw new Error('the invoice has no lines');
  const member = (await plan.api<MemberSnapshot>('GET', `/v1/groups/${GROUP}/members/${billed.memberId}`, { token })).body;
  const ended = await plan.api('POST', `/v1/groups/${GROUP}/terminations`, {
    token,
    headers: { 'idempotency-key': `e2e-billing-${Date.now()}` },
    body: { memberId: billed.memberId, reason: 'termination_of_employment', requestedDate: planDay(), expectedVersion: member.version },
  });
  expect(ended.status, JSON.stringify(ended.body)).toBeLessThan(300);

  await page.getByRole('tab', { name: /^Member lines/ }).click();
  await page.getByRole('searchbox', { name: 'Search member lines' }).fill(billed.memberName);
  await expect(page.getByRole('table', { name: 'Member lines' })).toContainText(billed.memberId);

  await page.getByRole('tab', { name: 'Reconcile' }).click();
  const terminated = page.getByRole('region', { name: /^Billed but no longer covered/ });
  await expect(terminated).toContainText(billed.memberName, { timeout: 60_000 });
  await terminated.getByRole('button', { name: `Dispute ${billed.memberName}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Terminated at the end of last month; please credit this month.');
  await dialog.getByRole('button', { name: 'Send dispute' }).click();
  await expect(terminated).toContainText(/Disputed .* — open/);
  expect(await plan.ops('disputes', '--group', GROUP, '--status', 'open')).toContain(billed.memberId);

  // The PDF the plan prints, as the app received it and opened it: read back as text, it is this invoice.
  const answer = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postDataJSON() as { method?: string } | null)?.method === 'billing.pdf');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Print / Save PDF' }).click();
  const pdf = ((await (await answer).json()) as { ok: true; value: { base64: string } }).value;
  await (await popup).close();
  const bytes = Buffer.from(pdf.base64, 'base64');
  const text = await pdfText(new Uint8Array(bytes));
  expect(text).toContain(invoice.invoiceNumber);
  expect(text).toContain(formatUsd(invoice.totalDueCents));
  expect(text).toMatch(/Page 1 of \d+/);

  // Paper off: confirmed first, recorded with who and when, and the primary administrators are told.
  await nav(page, 'Billing').click();
  await expect(heading(page, 'Billing')).toBeVisible();
  const delivery = page.getByRole('region', { name: 'Invoice delivery' });
  await delivery.getByRole('radio', { name: 'Paperless' }).click();
  await page.getByRole('button', { name: 'Go paperless' }).click();
  await expect(delivery.getByRole('radio', { name: 'Paperless' })).toBeChecked();
  await expect(delivery).toContainText(`Last changed by ${plan.admin.userId}`);
  await expect((await plan.inbox(plan.admin.email).next(new RegExp(`Billing preferences changed for group ${GROUP}`))).text).toMatch(/paperless/i);
  expect(await plan.ops('paper-invoices', '--period', month)).not.toContain(GROUP);
});
