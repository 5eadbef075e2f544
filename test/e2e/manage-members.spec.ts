import type { Page } from '@playwright/test';
import type { RunningHost } from './browser-host';
import { expect, test } from './plan-test';
import type { E2ePlanService } from './plan-service';
import { rpc } from './rpc';
import type { Group } from '@shared/contract/schemas/group';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { planDay, typedDay } from './days';
import { chooseGroup } from './group-switcher';

// The journeys of issue 4, in the browser host against a real plan service started for this file (plan-test.ts).

const GROUP = '100871';

/** Opens the app (sandbox first, as on a first launch) and signs in to the plan service from Settings. */
async function signIn(page: Page, host: RunningHost, plan: E2ePlanService): Promise<void> {
  await page.goto(host.appUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Plan service address').fill(plan.url);
  await page.getByLabel('User ID').fill(plan.userId);
  await page.getByLabel('Password').fill(plan.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The header's account menu names who signed in.
  await expect(page.getByRole('button', { name: 'Account: Dana Whitfield' })).toBeVisible();
  const status = page.getByRole('contentinfo');
  await expect(status).toContainText(new URL(plan.url).host);
  await expect(status).toContainText('Up to date', { timeout: 30_000 });
  await chooseGroup(page, GROUP);
}

/** Fills the person fields inside `scope` (a wizard step or a dependent's fieldset). */
async function fillPerson(scope: ReturnType<Page['locator']>, person: { first: string; last: string; dob: string; gender: 'Female' | 'Male'; ssn?: string }) {
  await scope.getByLabel('First name').fill(person.first);
  await scope.getByLabel('Last name').fill(person.last);
  await scope.getByLabel('Date of birth').fill(person.dob);
  await scope.getByRole('radio', { name: person.gender, exact: true }).check();
  if (person.ssn) await scope.getByRole('textbox', { name: 'Social Security number' }).fill(person.ssn);
}

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

test('enrolls a family, adds a newborn, terminates a dependent and requests ID cards for several members, each accepted by the plan', async ({ page, host, plan, request }) => {
  test.setTimeout(240_000);
  await signIn(page, host, plan);

  // Enroll a subscriber with a spouse and a child.
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('link', { name: 'Enroll an employee' }).click();
  const form = page.locator('form');
  await fillPerson(form, { first: 'Rosa', last: 'Quintanilla', dob: '1988-04-12', gender: 'Female', ssn: '512-34-9876' });
  await next(page);
  await form.getByLabel('Street address').fill('18 Orchard Lane');
  await form.getByLabel('City').fill('Pittsburgh');
  await form.getByLabel('State').selectOption('PA');
  await form.getByLabel('ZIP code').fill('15213');
  await next(page);
  await form.getByLabel('Hire date').fill(typedDay(-20));
  await form.getByRole('radio', { name: /Full time/ }).check();
  await next(page);
  await form.getByRole('group', { name: 'Plan' }).getByRole('radio').first().check();
  await form.getByRole('group', { name: 'Coverage starts' }).getByRole('radio').first().check();
  await next(page);
  await page.getByRole('button', { name: 'Add spouse or domestic partner' }).click();
  await fillPerson(form.getByRole('group', { name: 'Spouse or domestic partner' }), { first: 'Mateo', last: 'Quintanilla', dob: '1987-09-30', gender: 'Male' });
  await page.getByRole('button', { name: 'Add child' }).click();
  await fillPerson(form.getByRole('group', { name: 'Child 1' }), { first: 'Lucia', last: 'Quintanilla', dob: '2019-06-15', gender: 'Female' });
  await next(page);
  // The review shows what will be sent, the SSN masked, and the family tier.
  await expect(form).toContainText('***-**-9876');
  await expect(form).toContainText('Family');
  await page.getByRole('button', { name: 'Submit enrollment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toContainText(/TX-\d{8}-\d+/, { timeout: 30_000 });

  const [enrolled] = (await rpc(request, host, 'members.list', { groupNumber: GROUP, query: 'Quintanilla', grouping: 'none', limit: 10 })).rows.filter((r) => r.relationship === 'subscriber');
  expect(enrolled?.memberId).toMatch(/^\d{9}$/);
  expect(enrolled?.pendingSync).toBe(false);

  // Add a newborn to an existing family of the group.
  const [parent] = (await rpc(request, host, 'members.list', { groupNumber: GROUP, relationships: ['subscriber'], statuses: ['active'], limit: 1 })).rows;
  if (!parent) throw new Error('the group has no active subscriber');
  await page.goto(`${host.origin}/#/members/${parent.memberId}`);
  await page.getByRole('link', { name: 'Add a dependent' }).click();
  await page.getByLabel('Relationship to the employee').selectOption('child');
  await page.getByRole('radio', { name: /^Birth/ }).check();
  await page.getByLabel('Date of the event').fill(typedDay(-3));
  await next(page);
  await fillPerson(form, { first: 'Noor', last: parent.lastName, dob: typedDay(-3), gender: 'Female' });
  await next(page);
  await page.getByRole('button', { name: 'Submit dependent' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toContainText(/TX-/, { timeout: 30_000 });

  // Terminate one dependent of another family.
  const dependent = (await rpc(request, host, 'members.list', { groupNumber: GROUP, relationships: ['child'], statuses: ['active'], grouping: 'none', limit: 50 })).rows.find((r) => r.subscriberId !== parent.subscriberId && r.terminationDate === null);
  if (!dependent) throw new Error('the group has no other active child');
  await page.goto(`${host.origin}/#/members/${dependent.memberId}`);
  await page.getByRole('link', { name: 'Terminate' }).click();
  await page.getByLabel('Reason', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Date of the event').fill(typedDay(0));
  await next(page);
  await page.getByRole('button', { name: 'Submit termination' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toContainText(/TX-/, { timeout: 30_000 });
  const ended = await rpc(request, host, 'members.get', { groupNumber: GROUP, memberId: dependent.memberId });
  expect(ended.terminationDate).not.toBeNull();

  // Request ID cards for three members at once from the roster.
  await page.getByRole('link', { name: 'Members' }).click();
  const grid = page.getByRole('grid', { name: 'Members' });
  for (const row of [1, 2, 3]) await grid.getByRole('row').nth(row).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Request ID cards…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason', { exact: true }).selectOption({ index: 1 });
  await dialog.getByRole('radio').first().check();
  await dialog.getByRole('button', { name: 'Check what will happen' }).click();
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.getByRole('link', { name: 'Open Activity' }).click();
  // Activity opens on the request: accepted, with its confirmation number and the printable form.
  const detail = page.getByRole('dialog', { name: /ID cards for 3 members/ });
  await expect(detail).toContainText(/Accepted\s*Confirmation number TX-\d{8}-\d+/, { timeout: 30_000 });
  await expect(detail.getByRole('button', { name: 'Print form' })).toBeVisible();
});

test('a change made while the plan service is down is queued, then accepted when it returns; counts follow the plan live', async ({ page, host, plan, request }) => {
  test.setTimeout(240_000);
  await signIn(page, host, plan);
  const status = page.getByRole('contentinfo');

  await plan.stop();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toContainText('Offline', { timeout: 30_000 });

  const dependent = (await rpc(request, host, 'members.list', { groupNumber: GROUP, relationships: ['spouse'], statuses: ['active'], grouping: 'none', limit: 50 })).rows.find((r) => r.terminationDate === null);
  if (!dependent) throw new Error('the group has no active spouse');
  await page.goto(`${host.origin}/#/members/${dependent.memberId}`);
  await page.getByRole('link', { name: 'Terminate' }).click();
  await page.getByLabel('Reason', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Date of the event').fill(typedDay(0));
  await next(page);
  await page.getByRole('button', { name: 'Submit termination' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting to send' })).toBeVisible();
  await page.getByRole('link', { name: 'See it in Activity' }).click();
  const detail = page.getByRole('dialog');
  await expect(detail).toContainText('Waiting to send');
  await detail.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('tab', { name: /Waiting to send/ })).toContainText('1');

  await plan.start();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: dependent.lastName }).first()).toContainText('Accepted', { timeout: 30_000 });
  await expect(status).toContainText('Up to date');

  // Another administrator enrolls someone at the plan: the dashboard follows without a reload.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const counts = page.getByRole('region', { name: 'Membership counts' });
  const pending = counts.getByRole('group', { name: 'Pending' }).locator('.stat-value');
  const before = Number((await pending.innerText()).replace(/\D/g, ''));
  const session = await request.post(`${plan.url}/v1/sessions`, { data: { userId: plan.userId, password: plan.password } });
  const { token } = (await session.json()) as { token: string };
  const group = (await (await request.get(`${plan.url}/v1/groups/${GROUP}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Group;
  const hireDate = planDay(-10);
  const enrolled = await request.post(`${plan.url}/v1/groups/${GROUP}/enrollments`, {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${Date.now()}` },
    data: {
      subscriber: {
        firstName: 'Imani',
        lastName: 'Okafor',
        dateOfBirth: '1992-01-20',
        gender: 'F',
        ssn: '623-45-1188',
        address: { line1: '400 Grant St', city: 'Pittsburgh', state: 'PA', zip: '15219' },
        hireDate,
        employmentStatus: 'FT',
      },
      planCode: group.plans[0]?.code,
      effectiveDate: firstEligibleEffectiveDate(hireDate, group.policy),
      dependents: [],
    },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(201);
  await expect(pending).toHaveText(String(before + 1), { timeout: 30_000 });
});
