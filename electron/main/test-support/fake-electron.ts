import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * A hand-written stand-in for the `electron` module, for tests under plain Node: the npm package here
 * holds only types and a downloader, and requiring it throws (docs/electron-host-rules.md#testing-without-the-electron-binary). Tests
 * install it with
 *   vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());
 * which gives both named and default exports (electron-store does `import electron from 'electron'`).
 * `log` records the order of the calls that must come before or after ready (docs/electron-host-rules.md#startup-order).
 */

// Listeners of many shapes share one registry; `any` lets each test call them with real arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
  once = vi.fn((event: string, listener: Listener) => this.on(event, listener));
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  has(event: string): boolean {
    return (this.listeners.get(event) ?? []).length > 0;
  }
}

export const log: string[] = [];
export const state = {
  lock: true,
  isPackaged: false,
  userData: mkdtempSync(path.join(tmpdir(), 'groupdesk-fake-userdata-')),
  encryptionAvailable: true,
  backend: 'gnome_libsecret' as string,
  focusedWindow: null as unknown,
  dialogResponse: 0,
  notificationsSupported: true,
};

let resolveReady!: () => void;
let readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
let ready = false;
/** Emits `ready`: everything the app chained on `whenReady()` runs after this. */
export function becomeReady(): void {
  log.push('ready');
  ready = true;
  resolveReady();
}

class FakeApp extends Emitter {
  whenReady = vi.fn(() => readyPromise);
  isReady = vi.fn(() => ready);
  requestSingleInstanceLock = vi.fn(() => {
    log.push('lock');
    return state.lock;
  });
  quit = vi.fn(() => log.push('quit'));
  exit = vi.fn((code?: number) => log.push(`exit:${code ?? 0}`));
  setAppUserModelId = vi.fn();
  setAsDefaultProtocolClient = vi.fn(() => true);
  getPath = vi.fn(() => state.userData);
  getVersion = vi.fn(() => '0.1.0');
  getName = vi.fn(() => 'GroupDesk');
  getPreferredSystemLanguages = vi.fn(() => ['en-US']);
  get isPackaged(): boolean {
    return state.isPackaged;
  }
  override on = vi.fn((event: string, listener: Listener) => {
    log.push(`app.on:${event}`);
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
}
export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(() => log.push('schemes')),
  handle: vi.fn((scheme: string, _handler: (request: Request) => Promise<Response>) => log.push(`protocol.handle:${scheme}`)),
};

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => {
    log.push(`ipcMain.handle:${channel}`);
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  on: vi.fn(),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn((_handler: Listener) => log.push('permissions')),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
};

export class FakeWebContents extends Emitter {
  url = '';
  windowOpenHandler: Listener | undefined;
  send = vi.fn();
  getURL = vi.fn(() => this.url);
  isDestroyed = vi.fn(() => false);
  setWindowOpenHandler = vi.fn((handler: Listener) => {
    this.windowOpenHandler = handler;
  });
}

export class BrowserWindow extends Emitter {
  static all: BrowserWindow[] = [];
  static getAllWindows = vi.fn(() => BrowserWindow.all.filter((w) => !w.destroyed));
  static getFocusedWindow = vi.fn(() => state.focusedWindow);
  static fromWebContents = vi.fn((): BrowserWindow | null => null);
  readonly webContents = new FakeWebContents();
  destroyed = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    log.push('new BrowserWindow');
    BrowserWindow.all.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    log.push(`loadURL:${url}`);
    this.webContents.url = url;
    this.webContents.emit('did-finish-load');
  });
  show = vi.fn();
  maximize = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isMaximized = vi.fn(() => false);
  isDestroyed = vi.fn(() => this.destroyed);
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
}

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: state.dialogResponse, checkboxChecked: false })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
};

const ENCRYPTED = 'fake-os-encrypted:';
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => state.encryptionAvailable),
  getSelectedStorageBackend: vi.fn(() => state.backend),
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(ENCRYPTED + plain)),
  decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
    const text = encrypted.toString();
    if (!text.startsWith(ENCRYPTED)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: text.slice(ENCRYPTED.length), shouldReEncrypt: false };
  }),
};

export const shell = { openExternal: vi.fn(async () => undefined) };

export class Notification extends Emitter {
  static instances: Notification[] = [];
  static isSupported = vi.fn(() => state.notificationsSupported);
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
  show = vi.fn();
}

export const ipcRenderer = {
  on: vi.fn(),
  removeListener: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, value: null })),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };

/**
 * Back to a freshly launched Electron: not ready, no listeners, no windows, a new userData folder.
 * vi.resetModules() does not reset a vi.mock factory's result, so tests that boot main twice call this.
 */
export function resetFake(): void {
  log.length = 0;
  Object.assign(state, {
    lock: true,
    isPackaged: false,
    userData: mkdtempSync(path.join(tmpdir(), 'groupdesk-fake-userdata-')),
    encryptionAvailable: true,
    backend: 'gnome_libsecret',
    focusedWindow: null,
    dialogResponse: 0,
    notificationsSupported: true,
  });
  ready = false;
  readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  app.listeners.clear();
  ipcMain.handlers.clear();
  BrowserWindow.all = [];
  Notification.instances = [];
  vi.clearAllMocks();
}

/** The module object for vi.mock: named exports plus the same object as `default`, for default importers like electron-store. */
export function electronModule(): Record<string, unknown> {
  const electron = { app, protocol, ipcMain, session, BrowserWindow, screen, Menu, dialog, safeStorage, shell, Notification, ipcRenderer, contextBridge };
  // The test controls ride along as named exports, so a test can reach this exact instance through
  // `import('electron')` even after vi.resetModules().
  return { ...electron, default: electron, log, state, becomeReady, resetFake };
}
