import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, screen } from './test-support/fake-electron';
import type { Settings, WindowBounds } from './settings';
import { assertCommonJsPreload, createMainWindow } from './window';
import { placeOnDisplays } from './window-bounds';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

function memorySettings(bounds: WindowBounds): Settings & { saved: WindowBounds[] } {
  const saved: WindowBounds[] = [];
  return {
    saved,
    windowBounds: () => bounds,
    setWindowBounds: (next) => void saved.push(next),
    preferences: () => ({ notifications: true }),
    setPreferences: () => undefined,
  };
}

beforeEach(() => {
  BrowserWindow.all = [];
});

describe('assertCommonJsPreload', () => {
  it.each(['/app/out/preload/index.js', '/app/out/preload/index.mjs', '/app/out/preload/index.ts'])('refuses a preload that is not the .cjs bundle (%s)', (preload) => {
    expect(() => assertCommonJsPreload(preload)).toThrow(/\.cjs/);
  });
  it('accepts the .cjs bundle', () => {
    expect(() => assertCommonJsPreload('/app/out/preload/index.cjs')).not.toThrow();
  });
});

describe('createMainWindow', () => {
  it('creates a hidden, secure window and shows it once painted', () => {
    const window = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', settings: memorySettings({ width: 1200, height: 800, maximized: false }), isDev: false }) as unknown as BrowserWindow;
    expect(window.options).toMatchObject({
      show: false,
      width: 1200,
      height: 800,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('restores the saved place and maximized state, and saves them on close', () => {
    const settings = memorySettings({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
    const window = createMainWindow({ preloadPath: '/p/index.cjs', settings, isDev: true }) as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ x: 100, y: 80 });
    expect(window.maximize).toHaveBeenCalled();
    window.emit('close');
    expect(settings.saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: false }]);
  });

  it('drops a saved position that is now off every display', () => {
    screen.getAllDisplays.mockReturnValueOnce([{ workArea: { x: 0, y: 0, width: 1280, height: 800 } }]);
    const window = createMainWindow({ preloadPath: '/p/index.cjs', settings: memorySettings({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }), isDev: false }) as unknown as BrowserWindow;
    expect(window.options.x).toBeUndefined();
    expect(window.options.width).toBe(1200);
  });
});

describe('placeOnDisplays', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  const leftMonitor = { x: -1920, y: 0, width: 1920, height: 1080 };
  it.each([
    [{ x: 100, y: 100, width: 1000, height: 700, maximized: false }, [laptop], true],
    [{ x: -1500, y: 100, width: 1000, height: 700, maximized: false }, [laptop, leftMonitor], true],
    [{ x: -1500, y: 100, width: 1000, height: 700, maximized: false }, [laptop], false],
    [{ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop], false],
    [{ x: 100, y: 880, width: 1000, height: 700, maximized: false }, [laptop], false],
  ])('%o on %o keeps its position: %s', (saved, areas, kept) => {
    const placed = placeOnDisplays(saved, areas);
    expect(placed.x !== undefined).toBe(kept);
    expect(placed.width).toBe(saved.width);
  });
});
