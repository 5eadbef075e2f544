import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import type { Settings } from './settings';
import { placeOnDisplays } from './window-bounds';

/**
 * A sandboxed preload cannot be ESM, and `.cjs` keeps it CommonJS in our `"type": "module"` package
 * (docs/electron-host-rules.md#the-sandboxed-preload); anything else would load nothing and leave `window.groupdesk` undefined.
 */
export function assertCommonJsPreload(preloadPath: string): void {
  if (!preloadPath.endsWith('.cjs')) throw new Error(`The preload must be the CommonJS bundle (.cjs), got ${preloadPath}`);
}

export interface MainWindowOptions {
  preloadPath: string;
  settings: Settings;
  /** Development only: DevTools available (packaged builds have none). */
  isDev: boolean;
}

/**
 * Creates the main window at its saved size and place, shows it once it has painted (no white
 * flash), and saves its bounds when it closes. Only after ready: BrowserWindow and screen need it.
 */
export function createMainWindow({ preloadPath, settings, isDev }: MainWindowOptions): BrowserWindow {
  assertCommonJsPreload(preloadPath);
  const bounds = placeOnDisplays(
    settings.windowBounds(),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 600,
    title: 'GroupDesk',
    show: false,
    // The renderer's isolation: sandboxed, context-isolated, no Node anywhere. Written out in the
    // constructor call, not built elsewhere or spread, so static scanners such as Electronegativity
    // can see each flag (a spread hides them and it reports them missing).
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would ask for a new window; it is denied anyway (security.ts), this stops the ask.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDev,
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    settings.setWindowBounds({ x, y, width, height, maximized: window.isMaximized() });
  });
  return window;
}

/** Loads the renderer; resolves when it has finished loading (`did-finish-load`). */
export function loadRenderer(window: BrowserWindow): Promise<void> {
  return window.loadURL(APP_ENTRY_URL);
}
