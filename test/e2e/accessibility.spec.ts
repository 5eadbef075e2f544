import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './browser-host';
import { DEMO_GROUP, rpc } from './rpc';
import { chooseGroup } from './group-switcher';

const screens = [
  { name: 'dashboard', hash: '#/', ready: 'Membership counts' },
  { name: 'members', hash: '#/members', ready: 'Members' },
  { name: 'activity', hash: '#/activity', ready: 'Activity' },
  { name: 'settings', hash: '#/settings', ready: 'Settings' },
  { name: 'enroll wizard', hash: '#/enroll', ready: 'Enroll an employee' },
  { name: 'users', hash: '#/users', ready: 'Users' },
  { name: 'access', hash: '#/access', ready: 'Access' },
  { name: 'access request', hash: '#/access/request', ready: 'Request primary administrator access' },
  { name: 'bill pay sign-up', hash: '#/bill-pay/sign-up', ready: 'Sign up for Bill Pay' },
  { name: 'sign in', hash: '#/sign-in', ready: 'Sign in' },
  { name: 'create account', hash: '#/register', ready: 'Create your account' },
  { name: 'verify e-mail', hash: '#/verify', ready: 'Verify your e-mail address' },
] as const;

for (const zoom of [1, 2]) {
  test(`every screen passes an axe WCAG 2 AA scan at ${zoom * 100}% zoom`, async ({ page, host, request }) => {
    // 200% zoom on a 1280×720 screen lays out like a 640×360 window.
    await page.setViewportSize({ width: 1280 / zoom, height: 720 / zoom });
    await page.goto(host.appUrl);
    // The sandbox data arrives by the first sync from the embedded plan service.
    await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
    const [member] = (await rpc(request, host, 'members.list', { groupNumber: DEMO_GROUP, limit: 1 })).rows;
    await chooseGroup(page, DEMO_GROUP);
    const targets = [
      ...screens.map((s) => ({ name: s.name, hash: s.hash })),
      { name: 'member detail', hash: `#/members/${member!.memberId}` },
      { name: 'terminate wizard', hash: `#/members/${member!.memberId}/terminate` },
    ];
    for (const target of targets) {
      await page.goto(`${host.origin}/${target.hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${target.name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  });
}

test('Help, a task’s article and an open guided-tour step pass an axe WCAG 2 AA scan, in light and dark', async ({ page, host }) => {
  await page.goto(host.appUrl);
  await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
  const scan = async (name: string) => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  };
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${host.origin}/#/help`);
    await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Contact the plan' })).toContainText('Group Billing Services');
    await scan(`help (${colorScheme})`);
    await page.getByRole('option', { name: /Enroll an employee/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enroll an employee' })).toBeVisible();
    await scan(`article (${colorScheme})`);
    await page.getByRole('button', { name: 'Start the tour' }).click();
    const step = page.getByRole('dialog', { name: 'Open Members' });
    await expect(step).toBeVisible();
    await expect(step.getByRole('button', { name: 'Go to it' })).toBeFocused();
    await scan(`tour step (${colorScheme})`);
    await step.getByRole('button', { name: 'Leave the tour' }).click();
    await expect(step).toHaveCount(0);
  }
});
