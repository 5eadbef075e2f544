import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser, NO_BROWSER } from '../support/find-browser';
import { chromiumArgs, launchHost, root, stopHost, webMain } from './browser-host-fixture';
import { benchTempDir } from './roster-fixture';
import type { BenchOptions, Benchmark } from './run';
import { summarize } from './timing';

const TARGET_MS = 1500;

/** Launches per run: each is a new process on the shared machine, so the median of several. */
const launches = (options: BenchOptions): number => (options.smoke ? 1 : 5);

/** The renderer's JavaScript and CSS as the browser downloads it, in KiB. */
function rendererKib(): number {
  const dir = path.join(root, 'out', 'renderer');
  const walk = (folder: string): number =>
    readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return sum + walk(full);
      return /\.(m?js|css)$/.test(entry.name) ? sum + statSync(full).size : sum;
    }, 0);
  return Math.round(walk(dir) / 1024);
}

/**
 * One launch of `npm run web -- --demo` on a data folder: from the host process's start until the
 * dashboard shows the group's counts (the "Total members" figure is a number above zero), with the
 * browser already open as the user's is. Returns when the host printed its address and when the
 * counts appeared, in ms after the process was started.
 */
async function launchOnce(browser: Browser, dataDir: string): Promise<{ serving: number; counts: number }> {
  const started = performance.now();
  const host = await launchHost(dataDir, ['--demo']);
  const serving = performance.now() - started;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(host.appUrl);
    const total = page.getByRole('group', { name: 'Total members' }).locator('.stat-value');
    await total.waitFor();
    await page.waitForFunction((el) => Number((el?.textContent ?? '').replace(/\D/g, '')) > 0, await total.elementHandle(), { polling: 'raf' });
    return { serving, counts: performance.now() - started };
  } finally {
    await context.close();
    await stopHost(host.child);
  }
}

/**
 * `launch.demo`: the first launch on the demo data (a new data folder: the sandbox's data is made
 * then), and a relaunch on the same folder, each from process start to the dashboard's counts, in
 * the browser host. Needs a build (`node scripts/build.mjs`) and a Chromium.
 */
async function launchDemo(options: BenchOptions): Promise<Record<string, unknown>> {
  if (!existsSync(webMain)) return { skipped: `${path.relative(root, webMain)} is missing: run node scripts/build.mjs first`, target_ms: TARGET_MS };
  const found = findBrowser({ playwrightChromium: chromium.executablePath(), chromiumPath: process.env.CHROMIUM_PATH, exists: existsSync });
  if (found === null) return { skipped: NO_BROWSER, target_ms: TARGET_MS };
  const browser = await chromium.launch({ executablePath: found.executablePath, headless: true, args: chromiumArgs });
  try {
    const first: { serving: number; counts: number }[] = [];
    const again: { serving: number; counts: number }[] = [];
    for (let run = 0; run < launches(options); run++) {
      const dataDir = benchTempDir('groupdesk-bench-launch-');
      first.push(await launchOnce(browser, dataDir));
      again.push(await launchOnce(browser, dataDir));
    }
    const counts = summarize(first.map((l) => l.counts));
    const relaunch = summarize(again.map((l) => l.counts));
    return {
      n: counts.n,
      median_ms: Math.round(counts.median_ms),
      p95_ms: Math.round(counts.p95_ms),
      host: 'browser',
      data: 'demo',
      serving_ms: Math.round(summarize(first.map((l) => l.serving)).median_ms),
      runs_ms: first.map((l) => Math.round(l.counts)),
      relaunch_median_ms: Math.round(relaunch.median_ms),
      relaunch_serving_ms: Math.round(summarize(again.map((l) => l.serving)).median_ms),
      renderer_kib: rendererKib(),
      target_ms: TARGET_MS,
      met: counts.median_ms <= TARGET_MS,
    };
  } finally {
    await browser.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'launch.demo', run: launchDemo }];
