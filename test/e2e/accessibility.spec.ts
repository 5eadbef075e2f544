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
