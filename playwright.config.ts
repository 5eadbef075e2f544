import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright downloads no browser. The background-networking flags keep
// Chromium from dialling out on a machine whose network is closed.
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
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'debian-chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 } } }],
});
