import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';
import { DEMO_GROUP, rpc } from './rpc';
import { chooseGroup } from './group-switcher';
import { typedDay } from './days';

// What makes an administrator trust what the screens say: a group switch that leaves nothing of the
// old group on screen, a move that takes the family along, a late enrollment refused until it has a
// reason, wrong numbers caught at their fields, and Activity's dates all in one format.

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
/** A plan date as a machine writes it: never what a user should read. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

test('switches groups on a member, moves a family, enrolls a late hire for a qualifying event after the wrong SSN and ZIP are caught, and reads Activity in one date format', async ({ page, host, request }) => {
  test.setTimeout(240_000);
  await page.goto(host.appUrl);
  // The sandbox data arrives by the first sync from the embedded plan service.
  await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
  await chooseGroup(page, DEMO_GROUP);
  const heading = page.getByRole('heading', { level: 1 });
  /** The changes Activity is read on: the family's move and the enrollment. */
  const changed: string[] = [];

  await test.step("switching groups on a member's detail shows the new group's members, and says so", async () => {
    const other = (await rpc(request, host, 'groups.list', {})).find((g) => g.groupNumber !== DEMO_GROUP);
    if (!other) throw new Error('the sandbox has only one group');
    const [member] = (await rpc(request, host, 'members.list', { groupNumber: DEMO_GROUP, relationships: ['subscriber'], statuses: ['active'], limit: 1 })).rows;
    if (!member) throw new Error('the sandbox group has no active employee');
    await page.goto(`${host.origin}/#/members/${member.memberId}`);
    await expect(heading).toContainText(member.lastName);

    await chooseGroup(page, other.groupNumber);
    await expect(heading).toHaveText('Members');
    await expect(page).not.toHaveURL(new RegExp(member.memberId));
    const [first] = (await rpc(request, host, 'members.list', { groupNumber: other.groupNumber, statuses: ['active', 'pending'], limit: 1 })).rows;
    await expect(page.getByRole('grid', { name: 'Members' }).getByRole('row').nth(1)).toContainText(first!.memberId);
    await expect(page.getByRole('grid', { name: 'Members' })).not.toContainText(member.memberId);
    await expect(page.getByRole('log', { name: 'Where you are' })).toContainText(`Switched to ${other.name} (group ${other.groupNumber}): showing its members.`);
    await expect(page.getByRole('combobox', { name: 'Group' })).toContainText(other.groupNumber);
    await chooseGroup(page, DEMO_GROUP);
    await expect(page.getByRole('log', { name: 'Where you are' })).toContainText(`(group ${DEMO_GROUP})`);
  });

  await test.step("an employee's new address moves the dependents who live with them", async () => {
    const employees = (await rpc(request, host, 'members.list', { groupNumber: DEMO_GROUP, relationships: ['subscriber'], statuses: ['active'], grouping: 'none', limit: 60 })).rows;
    let family: { employee: Awaited<ReturnType<typeof rpc<'members.get'>>>; living: string[] } | null = null;
    for (const row of employees) {
      const employee = await rpc(request, host, 'members.get', { groupNumber: DEMO_GROUP, memberId: row.memberId });
      const active = new Set(employee.dependents.filter((d) => d.status !== 'terminated').map((d) => d.memberId));
      const living = employee.dependentHomes.filter((h) => h.sameAddressAsSubscriber && active.has(h.memberId)).map((h) => h.memberId);
      if (living.length > 0) {
        family = { employee, living };
        break;
      }
    }
    if (!family) throw new Error('no employee of the sandbox has a dependent at the same address');
    const { employee, living } = family;
    changed.push(employee.lastName);

    await page.goto(`${host.origin}/#/members/${employee.memberId}`);
    await page.getByRole('link', { name: 'Update demographics' }).click();
    await expect(page.getByLabel('First name')).toHaveValue(employee.firstName);
    await next(page);
    const street = `${40 + (Date.now() % 900)} Juniper Court`;
    await page.getByLabel('Street address').fill(street);
    const who = page.getByRole('group', { name: `Who moves with ${employee.firstName}?` });
    await expect(who).toBeVisible();
    // Those living with the employee are checked; every offered box names a dependent of this family.
    for (const memberId of living) {
      const dependent = employee.dependents.find((d) => d.memberId === memberId)!;
      await expect(who.getByRole('checkbox', { name: new RegExp(`^${dependent.firstName} ${dependent.lastName} `) })).toBeChecked();
    }
    await next(page);
    await page.getByRole('radio', { name: /A change in the member’s life/ }).check();
    await next(page);
    await page.getByRole('button', { name: 'Submit changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Changes submitted' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toBeVisible({ timeout: 30_000 });

    for (const memberId of living) {
      await page.goto(`${host.origin}/#/members/${memberId}`);
      await expect(page.locator('address.address')).toContainText(street);
    }
  });

  await test.step('a late hire is refused until there is a reason, after the wrong SSN and ZIP are caught at their fields', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Enroll an employee' }).click();
    const form = page.locator('form');
    await form.getByLabel('First name').fill('Odalys');
    await form.getByLabel('Last name').fill('Brennan-Okoye');
    await form.getByLabel('Date of birth').fill('1986-02-19');
    await form.getByRole('radio', { name: 'Female', exact: true }).check();

    const ssn = form.getByRole('textbox', { name: 'Social Security number' });
    await ssn.fill('000-12-3456');
    await ssn.press('Tab');
    await expect(ssn).toHaveAccessibleDescription(/No SSN starts with 000: check the number on the card/);
    await expect(ssn).toHaveAttribute('aria-invalid', 'true');
    await ssn.fill('512-34-7716');
    await ssn.press('Tab');
    await expect(ssn).not.toHaveAttribute('aria-invalid', 'true');
    await next(page);

    await form.getByLabel('Street address').fill('18 Orchard Lane');
    await form.getByLabel('City').fill('Pittsburgh');
    await form.getByLabel('State').selectOption('PA');
    const zip = form.getByLabel('ZIP code');
    await zip.fill('75001');
    await zip.press('Tab');
    await expect(zip).toHaveAccessibleDescription(/75001 is a Texas ZIP code, not Pennsylvania's/);
    await zip.fill('15213');
    await zip.press('Tab');
    await expect(zip).not.toHaveAccessibleDescription(/Texas/);
    await next(page);

    // Hired more than a year ago: the first enrollment window has long closed.
    await form.getByLabel('Hire date').fill(typedDay(-400));
    await form.getByRole('radio', { name: /Full time/ }).check();
    await next(page);
    await expect(form).toContainText(/Odalys was hired on \d{2}\/\d{2}\/\d{4}: the first enrollment window closed on \d{2}\/\d{2}\/\d{4}/);
    const why = form.getByRole('group', { name: 'Why can this employee enroll now?' });
    await form.getByRole('group', { name: 'Plan' }).getByRole('radio').first().check();
    await next(page);
    // Refused: no start date is offered, and the step says what is missing.
    await expect(form.getByRole('group', { name: 'Coverage starts' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Choose why this employee can enroll now' })).toBeVisible();

    await why.getByRole('radio', { name: /For a qualifying event/ }).check();
    await form.getByLabel('Qualifying event', { exact: true }).selectOption({ label: 'Marriage' });
    await form.getByLabel('Date of the event').fill(typedDay(-10));
    await expect(form).toContainText(/Coverage for a marriage on \d{2}\/\d{2}\/\d{4} starts on \d{2}\/\d{2}\/\d{4}\./);
    await form.getByRole('group', { name: 'Coverage starts' }).getByRole('radio').first().check();
    await next(page);
    await next(page);
    await page.getByRole('button', { name: 'Submit enrollment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toContainText(/Confirmation number TX-\d{8}-\d+/, { timeout: 30_000 });
    // Accepted, the done screen names the plan's member ID, not the provisional one, and links to the member.
    await expect(page.getByText(/^Member ID/)).toHaveText(/^Member ID \d{9}$/);
    const memberId = (await page.getByText(/^Member ID/).innerText()).replace(/\D/g, '');
    changed.push('Brennan-Okoye');
    await page.getByRole('link', { name: 'Open Odalys Brennan-Okoye' }).click();
    await expect(heading).toHaveText('Odalys Brennan-Okoye');
    await expect(page).toHaveURL(new RegExp(`/members/${memberId}$`));
  });

  await test.step("Activity's dates read in one format", async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('row').filter({ hasText: 'Brennan-Okoye' }).first()).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const listed = await table.innerText();
    expect(listed).not.toMatch(ISO_DATE);
    // When each change was made: "Today 18:52", or "Dec 4, 23:59" for another day.
    expect(listed).toMatch(/Today \d{2}:\d{2}|[A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}/);

    for (const name of changed) {
      await table.getByRole('row').filter({ hasText: name }).first().getByRole('link').first().click();
      const detail = page.getByRole('dialog');
      await expect(detail).toContainText(/Confirmation number TX-/);
      await expect(detail.locator('[aria-busy="true"]')).toHaveCount(0);
      const text = await detail.innerText();
      expect(text).not.toMatch(ISO_DATE);
      // Plan dates (the hire date, the event, coverage start) as MM/DD/YYYY.
      expect(text).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
      await detail.getByRole('button', { name: 'Close' }).click();
    }
  });
});
