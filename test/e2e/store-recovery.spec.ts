import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowserHost, stopBrowserHost } from './browser-host';

test('a foreign file where the database should be is explained, kept aside, and replaced by a fresh store', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-corrupt-'));
  const foreign = 'These are somebody else\'s meeting notes, not a database.\n'.repeat(200);
  writeFileSync(path.join(dataDir, 'groupdesk.sqlite3'), foreign);
  const { host, child } = await launchBrowserHost(dataDir);
  try {
    await page.goto(host.appUrl);
    await expect(page.getByRole('heading', { name: 'GroupDesk cannot read its data file' })).toBeVisible();
    await page.getByRole('button', { name: /start fresh/i }).click();
    // A confirmation names what happens to the old file before anything moves.
    await page.getByRole('alertdialog', { name: /start fresh/i }).getByRole('button', { name: 'Start fresh' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Membership counts' })).toBeVisible();

    const keptAside = readdirSync(dataDir).find((name) => name.startsWith('groupdesk.corrupt-'));
    expect(keptAside, 'the unreadable file is kept, never deleted').toBeDefined();
    expect(readFileSync(path.join(dataDir, keptAside!), 'utf8')).toBe(foreign);
  } finally {
    await stopBrowserHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
