import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import type { Tutorial } from '@shared/help/tutorial-types';
import { stepImagePath, tutorialThemes } from '@shared/help/tutorial-format';
import { tutorials } from '@shared/help/tutorials';
import { launchBrowserHost, stopBrowserHost } from '../e2e/browser-host';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER } from '../support/find-browser';
import { imagesRoot, staleFolders, staleImages } from './step-images';
import { doStep, openDemoApp, prepareTutorial, stepControl, stepFinished, TUTORIAL_CLOCK_START } from './tutorial-steps';

/**
 * `npm run tutorials [-- --only <tutorial-id>]`: pictures every step of every tutorial by doing the
 * tutorial in the built browser host on demo data, in Chromium, and writes them to
 * docs/tutorials/<tutorial-id>/ (docs/help-and-tutorials.md says how it stays deterministic).
 */

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const outline = 'tutorial-outline';

/**
 * Dims the page around the control and rings it, so a picture says at a glance what the step is
 * about. Drawn on top of the page, outside the app's own elements, and removed after each shot. The
 * ring goes round the part of the control one can see: a form taller than its scrolling dialog is
 * ringed to the dialog's edge, not beyond it.
 */
async function drawOutline(control: Locator): Promise<void> {
  await control.evaluate((el, id) => {
    // No helper functions in here: the bundler would wrap them in a name-keeping call the page lacks.
    const clips = [el.getBoundingClientRect()];
    for (let up = el.parentElement; up !== null; up = up.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(up);
      if (overflowX !== 'visible' || overflowY !== 'visible') clips.push(up.getBoundingClientRect());
    }
    const seen = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    for (const r of clips) {
      seen.left = Math.max(seen.left, r.left);
      seen.top = Math.max(seen.top, r.top);
      seen.right = Math.min(seen.right, r.right);
      seen.bottom = Math.min(seen.bottom, r.bottom);
    }
    const pad = 4;
    const ring = document.createElement('div');
    ring.id = id;
    Object.assign(ring.style, {
      position: 'fixed',
      left: `${seen.left - pad}px`,
      top: `${seen.top - pad}px`,
      width: `${seen.right - seen.left + 2 * pad}px`,
      height: `${seen.bottom - seen.top + 2 * pad}px`,
      border: '3px solid #f76707',
      borderRadius: '8px',
      boxSizing: 'border-box',
      boxShadow: '0 0 0 9999px rgba(0, 0, 0, 0.35)',
      pointerEvents: 'none',
      zIndex: '2147483647',
    });
    document.body.append(ring);
  }, outline);
}

const removeOutline = (page: Page): Promise<void> => page.evaluate((id) => document.getElementById(id)?.remove(), outline);

/** Waits until the screen's data has loaded (nothing `aria-busy`) and its fonts are in. */
async function settled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * How long the screen must stay the same before it is pictured: longer than the app's own delays
 * (a wizard saves its draft 700 ms after the last change and then says "Draft saved"; the roster's
 * search waits 150 ms after the last key), so a change on its way is not missed.
 */
const STILL_MS = 1000;

/**
 * Screenshots the page with the control outlined until the picture has not changed for STILL_MS, as
 * Playwright's own screenshot assertions wait for a stable page: a search or a sync still landing
 * would otherwise make a different picture on each run. The outline is drawn afresh for each shot,
 * so it follows the control when the screen moves it.
 */
async function stillScreenshot(page: Page, control: Locator): Promise<Buffer> {
  const shoot = async () => {
    await drawOutline(control);
    try {
      return await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
    } finally {
      await removeOutline(page);
    }
  };
  let picture = await shoot();
  let since = performance.now();
  for (let shots = 0; shots < 100; shots++) {
    const next = await shoot();
    if (!next.equals(picture)) {
      picture = next;
      since = performance.now();
    } else if (performance.now() - since >= STILL_MS) {
      return picture;
    }
  }
  throw new Error(`the screen kept changing at ${page.url()}`);
}

/** Walks one tutorial on a fresh demo data folder, writing two pictures per step; returns the files written. */
async function pictureTutorial(browser: Browser, tutorial: Tutorial): Promise<string[]> {
  const folder = path.join(imagesRoot(repoRoot), tutorial.id);
  mkdirSync(folder, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-tutorial-'));
  const { host, child } = await launchBrowserHost(dataDir, { demo: true, clockStart: TUTORIAL_CLOCK_START });
  // UTC and en-US whoever runs it: the pictures show dates and times as the same words everywhere.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce', colorScheme: 'light' });
  const written: string[] = [];
  try {
    const page = await context.newPage();
    await openDemoApp(page, host);
    await prepareTutorial(page, tutorial);
    await page.goto(`${host.origin}/#${tutorial.startRoute}`);
    for (const [index, step] of tutorial.steps.entries()) {
      const control = stepControl(page, step);
      try {
        await control.waitFor({ state: 'visible', timeout: 30_000 });
      } catch {
        throw new Error(`Tutorial "${tutorial.id}", step ${index + 1} "${step.id}": no visible [data-tour="${step.target}"] on ${page.url()}`);
      }
      await control.scrollIntoViewIfNeeded();
      await stepFinished(control, step);
      await settled(page);
      for (const theme of tutorialThemes) {
        await page.emulateMedia({ colorScheme: theme });
        const file = path.join(repoRoot, stepImagePath(tutorial, index, theme));
        writeFileSync(file, await stillScreenshot(page, control));
        written.push(file);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await doStep(control, tutorial, step);
    }
  } finally {
    await context.close();
    await stopBrowserHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const stale of staleImages(readdirSync(folder), tutorial)) rmSync(path.join(folder, stale));
  return written;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const chosen = values.only === undefined ? tutorials : tutorials.filter((t) => t.id === values.only);
  if (chosen.length === 0) {
    console.error(`No tutorial "${values.only}". There are: ${tutorials.map((t) => t.id).join(', ')}`);
    return 2;
  }
  const found = findBrowser({ playwrightChromium: chromium.executablePath(), chromiumPath: process.env.CHROMIUM_PATH, exists: existsSync });
  if (found === null) {
    console.error(NO_BROWSER);
    return 1;
  }
  const root = imagesRoot(repoRoot);
  if (values.only === undefined && existsSync(root)) {
    const folders = readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory());
    for (const stale of staleFolders(folders, tutorials)) rmSync(path.join(root, stale), { recursive: true, force: true });
  }
  const started = performance.now();
  const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
  let bytes = 0;
  let images = 0;
  // One tutorial that cannot be walked does not hold up the others' pictures; the run still fails.
  const failed: string[] = [];
  try {
    for (const tutorial of chosen) {
      if (tutorial.needsPlanSignIn) {
        // Its screens show only when signed in to the plan service, which the demo data is not.
        console.log(`${tutorial.id}: not pictured, its tour needs a plan-service sign-in`);
        continue;
      }
      const tutorialStarted = performance.now();
      try {
        const written = await pictureTutorial(browser, tutorial);
        const size = written.reduce((sum, file) => sum + statSync(file).size, 0);
        bytes += size;
        images += written.length;
        console.log(`${tutorial.id}: ${written.length} images, ${Math.round(size / 1024)} KB, ${((performance.now() - tutorialStarted) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed.push(tutorial.id);
        console.error(`${tutorial.id}: FAILED (the steps before the failing one are pictured anew, the rest left as they were): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${images} images, ${Math.round(bytes / 1024)} KB in ${path.relative(repoRoot, root)}/, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failed.length > 0) console.error(`Not pictured: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
