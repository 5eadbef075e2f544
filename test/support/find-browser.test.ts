import { describe, expect, it } from 'vitest';
import { findBrowser, SYSTEM_CHROMIUM } from './find-browser';

const playwrightChromium = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const custom = '/opt/google/chrome/chrome';
const lookup = (installed: string[], chromiumPath?: string) => findBrowser({ playwrightChromium, chromiumPath, exists: (file) => installed.includes(file) });

describe('finding a browser for the end-to-end tests', () => {
  it.each([
    { case: "Playwright's own Chromium first", installed: [playwrightChromium, SYSTEM_CHROMIUM, custom], expected: { executablePath: playwrightChromium, source: 'playwright' } },
    { case: "the system's Chromium without Playwright's", installed: [SYSTEM_CHROMIUM, custom], expected: { executablePath: SYSTEM_CHROMIUM, source: 'system' } },
    { case: 'CHROMIUM_PATH when neither is installed', installed: [custom], expected: { executablePath: custom, source: 'CHROMIUM_PATH' } },
    { case: 'none when CHROMIUM_PATH names a missing file', installed: [], expected: null },
  ])('$case', ({ installed, expected }) => {
    expect(lookup(installed, custom)).toEqual(expected);
  });

  it('finds none without a browser or CHROMIUM_PATH, and never asks about an empty path', () => {
    const asked: string[] = [];
    const found = findBrowser({ playwrightChromium: '', chromiumPath: '', exists: (file) => (asked.push(file), false) });
    expect(found).toBeNull();
    expect(asked).toEqual([SYSTEM_CHROMIUM]);
  });
});
