import { expect, test } from './browser-host';
import { DEMO_GROUP, rpc } from './rpc';
import { chooseGroup } from './group-switcher';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Headings show the whole name, middle name included: "First … Last". */
const fullName = (m: { firstName: string; lastName: string }) => new RegExp(`^${escape(m.firstName)}( .+)? ${escape(m.lastName)}$`);

test.beforeEach(async ({ page, host }) => {
  await page.goto(host.appUrl);
  // The sandbox data arrives by the first sync from the embedded plan service.
  await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
  await chooseGroup(page, DEMO_GROUP);
});

test('finds a member by part of the last name, opens the detail, and follows a dependent to the subscriber and back', async ({ page, host, request }) => {
  const [child] = (await rpc(request, host, 'members.list', { groupNumber: DEMO_GROUP, relationships: ['child'], statuses: ['active'], limit: 1 })).rows;
  if (!child) throw new Error('the sandbox has no active child');
  const subscriber = await rpc(request, host, 'members.get', { groupNumber: DEMO_GROUP, memberId: child.subscriberId });
  // Lists show names as "Last, First"; page headings as "First Last".
  const listed = (m: { firstName: string; lastName: string }) => `${m.lastName}, ${m.firstName}`;

  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('searchbox', { name: 'Search members' }).fill(subscriber.lastName.slice(0, 4));
  const grid = page.getByRole('grid', { name: 'Members' });
  const subscriberRow = grid.getByRole('row').filter({ hasText: subscriber.memberId }).first();
  await expect(subscriberRow).toContainText(subscriber.lastName);
  await subscriberRow.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName(subscriber));
  // The SSN is shown masked, never whole.
  await expect(page.getByText(/\*\*\*-\*\*-\d{4}/).first()).toBeVisible();

  await page.getByRole('list', { name: 'Dependents' }).getByRole('link', { name: listed(child) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName(child));
  await page.getByRole('link', { name: listed(subscriber) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName(subscriber));
});

test('dashboard counts equal what the roster shows', async ({ page }) => {
  const counts = page.getByRole('region', { name: 'Membership counts' });
  const figure = async (label: string): Promise<number> => Number((await counts.getByRole('group', { name: label }).locator('.stat-value').innerText()).replace(/\D/g, ''));
  await expect(counts).toBeVisible();
  const figures = { subscribers: await figure('Employees'), dependents: await figure('Dependents'), total: await figure('Total members') };
  expect(figures.subscribers + figures.dependents).toBe(figures.total);

  // Each card opens the roster filtered to what it counts; the roster's total must be the same number.
  for (const [button, expected] of [
    ['View active employees in the roster', figures.subscribers],
    ['View active dependents in the roster', figures.dependents],
    ['View all active members in the roster', figures.total],
  ] as const) {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await counts.getByRole('button', { name: button }).click();
    await expect(page.locator('#roster-summary')).toHaveText(new RegExp(`^${expected.toLocaleString('en-US')} members?`));
  }
});

test('the roster works with the keyboard alone', async ({ page, host, request }) => {
  const firstRows = (await rpc(request, host, 'members.list', { groupNumber: DEMO_GROUP, statuses: ['active', 'pending'], limit: 3 })).rows;
  const third = firstRows[2];
  if (!third) throw new Error('the roster has fewer than three members');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: /find a member|search members/i });
  await expect(palette).toBeVisible();
  await page.keyboard.type(third.lastName.slice(0, 5));
  await expect(palette.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.getByRole('link', { name: 'Members' }).focus();
  await page.keyboard.press('Enter');
  const grid = page.getByRole('grid', { name: 'Members' });
  await expect(grid.getByRole('row').nth(1)).toContainText(firstRows[0]!.lastName);
  // Tab from the search box through the filters and the sortable headers reaches the rows; arrows move, Enter opens.
  await page.getByRole('searchbox', { name: 'Search members' }).focus();
  const rowHasFocus = () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'row');
  for (let presses = 0; presses < 25 && !(await rowHasFocus()); presses++) await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'row');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toContainText(third.memberId);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName(third));
});
