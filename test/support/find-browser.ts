/** Where the end-to-end tests' browser was found. */
export interface FoundBrowser {
  executablePath: string;
  source: 'playwright' | 'system' | 'CHROMIUM_PATH';
}

export interface BrowserLookup {
  /**
   * Where Playwright keeps its own Chromium (`npx playwright install chromium`), installed or not;
   * empty on a platform Playwright has no build for.
   */
  playwrightChromium: string;
  /** The CHROMIUM_PATH environment variable. */
  chromiumPath: string | undefined;
  exists: (file: string) => boolean;
}

/**
 * How the tests and the tutorial images start Chromium: the background-networking flags keep it from
 * dialling out on a machine whose network is closed.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Debian's package puts Chromium here; it is what CI installs. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * One line that tells someone without a browser how to get one on their system. Ubuntu's `chromium`
 * package is a snap outside /usr/bin, so Playwright's own download is offered there too.
 */
export const NO_BROWSER =
  'No Chromium for the end-to-end tests. Install one — Debian/Ubuntu: `sudo apt-get install chromium` or `npx playwright install --with-deps chromium`; ' +
  'macOS and Windows: `npx playwright install chromium` — or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Playwright's own Chromium if installed, else the system's, else CHROMIUM_PATH; null when none exists. */
export function findBrowser({ playwrightChromium, chromiumPath, exists }: BrowserLookup): FoundBrowser | null {
  const candidates: FoundBrowser[] = [
    { executablePath: playwrightChromium, source: 'playwright' },
    { executablePath: SYSTEM_CHROMIUM, source: 'system' },
    { executablePath: chromiumPath ?? '', source: 'CHROMIUM_PATH' },
  ];
  return candidates.find((c) => c.executablePath !== '' && exists(c.executablePath)) ?? null;
}
