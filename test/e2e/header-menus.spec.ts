import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

/** An axe WCAG 2 AA scan of what is open now, failing on serious and critical findings. */
async function expectAxeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

// 800×600, and 200% zoom on a 1280×720 screen (a 640×360 window), where the switcher's names wrap.
for (const size of [
  { width: 800, height: 600 },
  { width: 640, height: 360 },
]) {
  test(`the group switcher and the account menu pass axe and work from the keyboard at ${size.width}×${size.height}`, async ({ page, host }) => {
    await page.setViewportSize(size);
    await page.goto(host.appUrl);
    await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });

    const switcher = page.getByRole('combobox', { name: 'Group' });
    await switcher.focus();
    await page.keyboard.press('ArrowDown');
    const list = page.getByRole('listbox', { name: 'Group' });
    await expect(list).toBeFocused();
    // Every group's name is shown whole: no option is wider than the list that holds it.
    for (const option of await list.getByRole('option').all()) {
      expect(await option.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await expectAxeClean(page, 'group switcher open');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(switcher).toBeFocused();

    const account = page.getByRole('button', { name: /^Account: / });
    await account.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
    await expectAxeClean(page, 'account menu open');
    await page.keyboard.press('Escape');
    await expect(account).toBeFocused();
  });
}
