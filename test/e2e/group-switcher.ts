import type { Page } from '@playwright/test';

/** Opens the header's group switcher and picks the group with this number. */
export async function chooseGroup(page: Page, groupNumber: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: new RegExp(`\\b${groupNumber}\\b`) }).click();
}
