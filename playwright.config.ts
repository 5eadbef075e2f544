import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER } from './test/support/find-browser';

// Without a browser every test would fail with the same long stack trace; one line saying how to
// install one is all a new machine needs.
const browser = findBrowser({ playwrightChromium: chromium.executablePath(), chromiumPath: process.env.CHROMIUM_PATH, exists: existsSync });
if (browser === null) {
  console.error(NO_BROWSER);
  process.exit(1);
}

export default defineConfig({
  testDir: './test/e2e',
  testMatch: /.*\.spec\.ts/,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 } } }],
});
