import type { Page } from '@playwright/test';
import { expect, test } from './plan-test';
import { accessCodeIn, newPerson, type E2ePlanService } from './plan-service';
import { fillSignIn, registerInApp, signInInApp } from './account-steps';
import { rpc } from './rpc';
import { planDay, planDaysUntil } from './days';
import type { GroupUsersResponse, Invitation } from '@shared/plan-api/invitations';
import type { BillingSummary, TermsOfService } from '@shared/plan-api/bill-pay';
import { formatUsd } from '@shared/util/money';
import { chooseGroup } from './group-switcher';

// The journeys of issue 5, in the browser host against a real plan service started for this file (plan-test.ts).

/** The smaller sandbox employer (40 subscribers), so a new user's first sync is quick. */
const GROUP = '100871';
const GROUP_NAME = 'Allegheny Valley Dental Partners';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const groupSwitcher = (page: Page) => page.getByRole('combobox', { name: 'Group' });
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
/** Beside the group switcher. */
const roleBadge = (page: Page, label: string) => page.getByRole('banner').getByText(`Your role: ${label}`);

/**
 * "Expected by 03/04/2027" (the screen's one date format, United States in the test browser) is 3–5
 * business days ahead: 3 to 12 calendar days (weekends, and the year-end's two holidays), counted on
 * the plan's calendar, which the service keeps in UTC.
 */
function expectBusinessDaysAhead(text: string): void {
  const [, month, day, year] = /Expected by (\d{2})\/(\d{2})\/(\d{4})/.exec(text) ?? [];
  expect(month, `an expected date in: ${text}`).toBeDefined();
  const days = planDaysUntil(`${year}-${month}-${day}`);
  expect(days).toBeGreaterThanOrEqual(3);
  expect(days).toBeLessThanOrEqual(12);
}

/** A valid enrollment sent with the user's own API token: what the service itself allows their role. */
async function enrollmentAttempt(plan: E2ePlanService, token: string) {
  return plan.api('POST', `/v1/groups/${GROUP}/enrollments`, {
    token,
    headers: { 'idempotency-key': `e2e-role-${Date.now()}` },
    body: {
      subscriber: {
        firstName: 'Imani',
        lastName: 'Okafor',
        dateOfBirth: '1992-01-20',
        gender: 'F',
        ssn: '623-45-1188',
        address: { line1: '400 Grant St', city: 'Pittsburgh', state: 'PA', zip: '15219' },
        hireDate: planDay(),
        employmentStatus: 'FT',
      },
      planCode: 'PPO-CHOICE',
      effectiveDate: planDay(),
      dependents: [],
    },
  });
}

test.describe('a first launch', () => {
  test.use({ demo: false });

  test('Welcome offers the demo data, which opens the dashboard on the sandbox', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await expect(heading(page, 'Welcome to GroupDesk')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Explore with demo data' }).click();
    await expect(page.getByRole('region', { name: 'Membership counts' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
  });

  test('a new user registers, verifies the mailed code, asks to be primary administrator, and sees the group once the operator approves', async ({ page, host, plan }) => {
    test.setTimeout(180_000);
    const user = newPerson('Jordan', 'Reyes');
    await page.goto(host.appUrl);
    await expect(heading(page, 'Welcome to GroupDesk')).toBeVisible();
    await page.getByRole('button', { name: 'Create an account' }).click();
    await registerInApp(page, plan, user);
    // Signed in without a group yet: the dashboard says how to get one.
    await expect(nav(page, 'Access')).toBeVisible();

    await page.getByRole('link', { name: 'Request primary administrator access' }).click();
    await expect(heading(page, 'Request primary administrator access')).toBeVisible();
    await page.getByLabel('Company name').fill(GROUP_NAME);
    await page.getByLabel('Group number').fill(GROUP);
    await page.getByLabel("Officer's name").fill('Morgan Lee');
    await page.getByLabel("Officer's title").fill('Chief Financial Officer');
    await page.getByLabel('Contact phone').fill('412-555-0140');
    await page.getByLabel('Contact e-mail').fill(user.email);
    await page.getByRole('checkbox', { name: 'I attest that I am authorized to act for this employer' }).check();
    await page.getByRole('button', { name: 'Submit request' }).click();

    const received = page.getByRole('region', { name: 'Request received' });
    await expect(received).toContainText(/Confirmation number\s*PA-\d{4}-\d{6,}/);
    await expect(received.getByRole('button', { name: /Print/ })).toBeVisible();
    const receivedText = await received.innerText();
    const confirmation = /PA-\d{4}-\d{6,}/.exec(receivedText)![0];
    expectBusinessDaysAhead(receivedText);
    await expect((await plan.inbox(user.email).next(/We received your GroupDesk request/)).text).toContain(confirmation);

    await nav(page, 'Access').click();
    const requests = page.getByRole('region', { name: 'Your requests' });
    const row = requests.getByRole('row').filter({ hasText: confirmation });
    await expect(row).toContainText('Pending');
    await expect(row).toContainText(/Expected by \d{2}\/\d{2}\/\d{4}/);

    // The operator approves from the command line; the app follows without a reload.
    expect(await plan.ops('approve', confirmation)).toContain(`${user.userId} is now primary administrator of group ${GROUP}`);
    await expect(row).toContainText('Approved', { timeout: 60_000 });
    await expect(groupSwitcher(page)).toContainText(GROUP_NAME, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: /Notifications, \d+ unread/ })).toBeVisible();
    await page.getByRole('button', { name: /Notifications/ }).click();
    await expect(page.getByRole('dialog', { name: 'Notifications' })).toContainText(`Access to ${GROUP_NAME} (group ${GROUP}) is ready`);
    await page.keyboard.press('Escape');
    await expect((await plan.inbox(user.email).next(new RegExp(`access to group ${GROUP} is ready`))).text).toContain(confirmation);

    await nav(page, 'Members').click();
    await expect(page.getByRole('grid', { name: 'Members' }).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: 'Enroll an employee' })).toBeVisible();
  });
});

test('a primary administrator invites a read-only user, who joins with the mailed code and can change nothing until given another role', async ({ page, host, plan, browser, launchHost }) => {
  test.setTimeout(240_000);
  const invitee = newPerson('Priya', 'Natarajan');

  // The primary administrator invites.
  await signInInApp(page, host, plan, plan.admin);
  await chooseGroup(page, GROUP);
  await nav(page, 'Users').click();
  await expect(heading(page, 'Users')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: plan.admin.userId })).toContainText('Primary administrator');
  await page.getByRole('button', { name: 'Invite a user' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a user' });
  await invite.getByLabel('Name').fill(invitee.name);
  await invite.getByLabel('E-mail address').fill(invitee.email);
  await invite.getByLabel('Role').selectOption({ label: 'Read-only' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(new RegExp(`Invitation sent to ${invitee.email}\\. The access code expires on .+\\.`))).toBeVisible();
  const invitations = page.getByRole('region', { name: 'Invitations' });
  await expect(invitations.getByRole('row').filter({ hasText: invitee.name })).toContainText('Pending');
  const invitationMail = await plan.inbox(invitee.email).next(new RegExp(`You are invited to group ${GROUP} on GroupDesk`));
  expect(invitationMail.text).toContain(plan.admin.name);
  const code = accessCodeIn(invitationMail);

  // The invitee, on another computer, creates an account (verifying with the link this time) and enters the code.
  const inviteeHost = await launchHost({ demo: false });
  const inviteeContext = await browser.newContext();
  const other = await inviteeContext.newPage();
  await other.goto(inviteeHost.appUrl);
  await other.getByRole('button', { name: 'Create an account' }).click();
  await registerInApp(other, plan, invitee, 'link');
  await other.getByRole('textbox', { name: 'Access code' }).fill(code.toLowerCase());
  await other.getByRole('button', { name: 'Join group' }).click();
  await expect(other.getByText(`You joined ${GROUP_NAME} (group ${GROUP}) as Read-only.`)).toBeVisible();
  await expect(groupSwitcher(other)).toContainText(GROUP_NAME, { timeout: 60_000 });
  await expect(roleBadge(other, 'Read-only')).toBeVisible();
  await expect(groupSwitcher(other)).toContainText(new RegExp(`${GROUP_NAME} · ${GROUP} · \\d+ members · balance \\$[\\d,]+\\.\\d{2}`));

  // Read-only: the roster and a member's page show no way to change anything, and a wizard's address says why.
  await nav(other, 'Members').click();
  const grid = other.getByRole('grid', { name: 'Members' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  await expect(other.getByText('Read-only: you can view members but not change them.')).toBeVisible();
  await expect(other.getByRole('link', { name: 'Enroll an employee' })).toHaveCount(0);
  await grid.getByRole('row').nth(1).click();
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Terminate' })).toHaveCount(0);
  await expect(other.getByRole('link', { name: 'Add a dependent' })).toHaveCount(0);
  await other.goto(`${inviteeHost.origin}/#/enroll`);
  await expect(other.getByText('Your role (Read-only) cannot change members.')).toBeVisible();

  // The service refuses the same change to this user, whatever the app shows.
  const inviteeToken = await plan.signIn(invitee);
  const refused = await enrollmentAttempt(plan, inviteeToken);
  expect(refused.status, JSON.stringify(refused.body)).toBe(403);
  expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });

  // The primary administrator makes them an administrator: their app offers enrollment without a reload.
  // The Users page reads the plan when opened; it has no live feed of who redeemed a code.
  await page.reload();
  const inviteeRole = page.getByRole('combobox', { name: `Role for ${invitee.name}` });
  await expect(inviteeRole).toHaveValue('read_only');
  await expect(invitations.getByRole('row').filter({ hasText: invitee.name })).toContainText('Accepted');
  await inviteeRole.selectOption({ label: 'Administrator' });
  await expect(inviteeRole).toHaveValue('admin');
  await nav(other, 'Members').click();
  await expect(other.getByRole('link', { name: 'Enroll an employee' })).toBeVisible({ timeout: 60_000 });
  await expect(roleBadge(other, 'Administrator')).toBeVisible();

  // A pending invitation is withdrawn: its code stops working.
  const second = newPerson('Luis', 'Ortega');
  await page.getByRole('button', { name: 'Invite a user' }).click();
  await invite.getByLabel('Name').fill(second.name);
  await invite.getByLabel('E-mail address').fill(second.email);
  await invite.getByLabel('Role').selectOption({ label: 'Billing' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invitations.getByRole('row').filter({ hasText: second.name })).toContainText('Pending');
  await page.getByRole('button', { name: `Revoke invitation to ${second.name}` }).click();
  await expect(invitations.getByRole('row').filter({ hasText: second.name })).toContainText('Revoked');
  const adminToken = await plan.signIn(plan.admin);
  const listed = await plan.api<GroupUsersResponse>('GET', `/v1/groups/${GROUP}/users`, { token: adminToken });
  expect(listed.body.invitations.find((i: Invitation) => i.email === second.email)?.status).toBe('revoked');

  // Removed from the group, the user loses it at once, data and all.
  await page.getByRole('button', { name: `Remove ${invitee.name}` }).click();
  await page.getByRole('alertdialog', { name: `Remove ${invitee.name}?` }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(inviteeRole).toHaveCount(0);
  await nav(other, 'Dashboard').click();
  await expect(other.getByText('You do not have access to a group yet.')).toBeVisible({ timeout: 60_000 });
  await inviteeContext.close();
});

test('guessing access codes and passwords is throttled', async ({ page, host, plan }) => {
  test.setTimeout(180_000);
  const user = newPerson('Sam', 'Kowalski');
  await plan.registerUser(user);
  const adminToken = await plan.signIn(plan.admin);
  const invited = await plan.api('POST', `/v1/groups/${GROUP}/invitations`, { token: adminToken, body: { name: user.name, email: user.email, role: 'read_only' } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const rightCode = accessCodeIn(await plan.inbox(user.email).next(/You are invited/));

  await signInInApp(page, host, plan, user);
  await expect(heading(page, 'Access')).toBeVisible();
  const codeField = page.getByRole('textbox', { name: 'Access code' });
  const join = page.getByRole('button', { name: 'Join group' });
  // Each wrong code says how many tries are left; then code entry locks, even for the right code.
  for (const left of [4, 3, 2, 1]) {
    await codeField.fill('ABCD-EFGH-JKMN');
    await join.click();
    await expect(page.getByText(new RegExp(`That access code is not right\\. ${left} tr(y|ies) left\\.`))).toBeVisible();
  }
  await codeField.fill('ABCD-EFGH-JKMN');
  await join.click();
  const locked = /Too many wrong access codes: try again after (today|[A-Z][a-z]{2} \d{1,2},) \d{2}:\d{2}\./;
  await expect(page.getByText(locked)).toBeVisible();
  await codeField.fill(rightCode);
  await join.click();
  await expect(page.getByText(locked)).toBeVisible();
  await expect(page.getByText(/You joined/)).toHaveCount(0);

  // Wrong passwords: the fifth locks the user ID, and then the right one is refused too.
  await nav(page, 'Settings').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(`${host.origin}/#/sign-in`);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await fillSignIn(page, plan, { userId: user.userId, password: `Wrong-Password-${attempt}-xyz` });
    await expect(page.getByRole('alert')).toContainText('The user ID or password is not right.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await fillSignIn(page, plan, { userId: user.userId, password: 'Wrong-Password-5-xyz' });
  const lockedOut = /Too many failed sign-ins: this user ID is locked for \d+ more minutes? \(until (today|[A-Z][a-z]{2} \d{1,2},) \d{2}:\d{2}\)/;
  await expect(page.getByRole('alert')).toContainText(lockedOut);
  await fillSignIn(page, plan, user);
  await expect(page.getByRole('alert')).toContainText(lockedOut);
  await expect(heading(page, 'Sign in')).toBeVisible();
});

test('a user signs up for Bill Pay with the latest invoice the operator issued, and gains the billing role', async ({ page, host, plan }) => {
  test.setTimeout(180_000);
  const user = newPerson('Avery', 'Chen');
  await plan.registerUser(user);
  const adminToken = await plan.signIn(plan.admin);
  const before = (await plan.api<BillingSummary>('GET', `/v1/groups/${GROUP}/billing-summary`, { token: adminToken })).body;
  if (!before.lastInvoice) throw new Error('the sandbox group has no invoice');
  // The operator issues the next month's invoice: the one before it no longer proves anything.
  const [year, month] = before.lastInvoice.periodStart.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  await plan.ops('issue-invoice', '--group', GROUP, '--period', next);
  const after = (await plan.api<BillingSummary>('GET', `/v1/groups/${GROUP}/billing-summary`, { token: await plan.signIn(plan.admin) })).body;
  expect(after.lastInvoice?.periodStart).toBe(`${next}-01`);
  const latest = after.lastInvoice!.invoiceNumber;

  await signInInApp(page, host, plan, user);
  await page.getByRole('link', { name: 'Sign up for Bill Pay' }).click();
  await expect(heading(page, 'Sign up for Bill Pay')).toBeVisible();
  await page.getByLabel('Group number').fill(GROUP);
  const invoiceNumber = page.getByRole('textbox', { name: 'Invoice number', exact: true });
  // The earlier invoice's number with the latest amount: both must be the latest invoice's.
  await invoiceNumber.fill(before.lastInvoice.invoiceNumber);
  await page.getByRole('textbox', { name: 'Amount billed', exact: true }).fill((after.lastInvoice!.amountCents / 100).toFixed(2));
  // The terms in force, as the plan publishes them: the sign-up names their version.
  const terms = (await plan.api<TermsOfService>('GET', '/v1/bill-pay/terms')).body;
  await expect(page.getByRole('region', { name: /terms/i })).toContainText(`Version ${terms.version}`);
  await page.getByRole('checkbox', { name: 'I accept the terms of service' }).check();
  await page.getByRole('button', { name: 'Sign up for Bill Pay' }).click();
  // The plan's one answer for any wrong proof (no probing of group numbers), shown on the group number.
  await expect(page.getByText('Check the group number printed on the latest invoice')).toBeVisible();

  await invoiceNumber.fill(latest);
  await page.getByRole('button', { name: 'Sign up for Bill Pay' }).click();
  await expect(page.getByText(`You can now see the invoices of ${GROUP_NAME} (group ${GROUP}).`)).toBeVisible();
  await expect((await plan.inbox(user.email).next(/Bill Pay/)).text).toContain(`terms version ${terms.version}`);

  // The group arrives with the billing role and its balance; billing users never see the roster.
  await expect(groupSwitcher(page)).toContainText(`${GROUP_NAME} · ${GROUP}`, { timeout: 60_000 });
  await expect(groupSwitcher(page)).toContainText(`balance ${formatUsd(after.balanceCents)}`, { timeout: 30_000 });
  await expect(roleBadge(page, 'Billing')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Billing: you see this group’s invoices and balance.' })).toBeVisible();
  await expect(nav(page, 'Members')).toHaveCount(0);
  const session = await rpc(page.request, host, 'session.get', {});
  expect(session.groups).toContainEqual({ groupNumber: GROUP, name: GROUP_NAME, role: 'billing' });
});

test('the screen locks after the chosen inactivity and by shortcut, refuses work while locked, and unlocks with the password', async ({ page, host, plan }) => {
  test.setTimeout(120_000);
  const user = newPerson('Robin', 'Adeyemi');
  await plan.registerUser(user);
  // The page's clock, so five idle minutes pass at once.
  await page.clock.install();
  await signInInApp(page, host, plan, user);

  await nav(page, 'Settings').click();
  await page.getByLabel('Lock after inactivity').selectOption({ label: '5 minutes' });
  await expect.poll(async () => (await rpc(page.request, host, 'session.get', {})).autoLockMinutes).toBe(5);
  await page.clock.fastForward('04:00');
  await expect(heading(page, 'Settings')).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(heading(page, 'GroupDesk is locked')).toBeVisible();

  // Locked, the core refuses everything but unlocking (the address and the token are no way round).
  const refused = await page.request.post(`${host.origin}/rpc`, {
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    data: { method: 'access.overview', input: {} },
  });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'AUTH', message: 'GroupDesk is locked. Enter your password to continue.' } });

  await page.getByLabel('Password').fill('not-my-password-at-all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(heading(page, 'GroupDesk is locked')).toBeVisible();
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(heading(page, 'Settings')).toBeVisible();

  // Ctrl+Shift+L locks at once.
  await page.keyboard.press('Control+Shift+L');
  await expect(heading(page, 'GroupDesk is locked')).toBeVisible();
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(heading(page, 'Settings')).toBeVisible();
});
