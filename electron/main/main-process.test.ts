import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '@shared/contract';
import type { CoreOptions } from '../host/start-core';
import type * as FakeElectron from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

const TOKEN = 'dGhpc2lzYXRva2VuMTIzNDU2';
const mainDir = path.resolve('out', 'main');

/** A fresh main process on a fresh fake Electron: modules are reset so top-level state starts over. */
async function boot(options: { argv?: string[]; platform?: NodeJS.Platform; lock?: boolean; before?: (fake: typeof FakeElectron) => void } = {}) {
  vi.resetModules();
  // The mocked `electron` is the one instance main sees; it is reset rather than re-imported.
  const fake = (await import('electron')) as unknown as typeof FakeElectron;
  fake.resetFake();
  fake.state.lock = options.lock ?? true;
  options.before?.(fake);
  const eventListeners: Array<(event: CoreEvent) => void> = [];
  const core = {
    call: vi.fn(async (_method: string, _input: unknown) => ({ ok: true as const, value: {} as unknown })),
    onEvent: vi.fn((listener: (event: CoreEvent) => void) => {
      eventListeners.push(listener);
      return () => undefined;
    }),
    close: vi.fn(async () => {
      fake.log.push('core.close');
    }),
  };
  const startCore = vi.fn((_options: CoreOptions) => {
    fake.log.push('startCore');
    return core;
  });
  const { runMainProcess } = await import('./main-process');
  runMainProcess({ mainDir, argv: options.argv ?? ['/opt/GroupDesk/groupdesk'], platform: options.platform ?? 'linux', startCore });
  const emitCoreEvent = (event: CoreEvent) => eventListeners.forEach((listener) => listener(event));
  const started = () => vi.waitFor(() => expect(fake.log).toContain('loadURL:app://bundle/index.html'));
  return { fake, core, startCore, emitCoreEvent, started };
}

describe('startup order (before ready, after ready, once per process)', () => {
  it('does the before-ready work synchronously and nothing that needs ready', async () => {
    const { fake } = await boot();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.log).toEqual(expect.arrayContaining(['schemes', 'lock', 'app.on:second-instance', 'app.on:open-url', 'app.on:web-contents-created', 'app.on:will-quit']));
    expect(fake.log.indexOf('schemes')).toBeLessThan(fake.log.indexOf('lock'));
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fake.safeStorage.isAsyncEncryptionAvailable).not.toHaveBeenCalled();
  });

  it('after ready: permissions, app:// handler, core, IPC handler, then the window loads', async () => {
    const { fake, started } = await boot();
    fake.becomeReady();
    await started();
    const at = (entry: string) => fake.log.indexOf(entry);
    expect(at('schemes')).toBeLessThan(at('ready'));
    expect(at('ready')).toBeLessThan(at('permissions'));
    expect(at('ready')).toBeLessThan(at('protocol.handle:app'));
    expect(at('startCore')).toBeLessThan(at('ipcMain.handle:gd:call'));
    expect(at('ipcMain.handle:gd:call')).toBeLessThan(at('loadURL:app://bundle/index.html'));
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
  });

  it('registers each IPC channel once even when macOS re-creates the window', async () => {
    const { fake, started } = await boot({ platform: 'darwin' });
    fake.becomeReady();
    await started();
    fake.BrowserWindow.all.forEach((window) => (window.destroyed = true));
    fake.app.emit('activate');
    expect(fake.BrowserWindow.all).toHaveLength(2);
    expect(fake.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(['gd:call', 'gd:save-file', 'gd:open-file']);
  });

  it('a second instance quits and does nothing else', async () => {
    const { fake } = await boot({ lock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.on).not.toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('sets the AppUserModelId to the appId on Windows only', async () => {
    expect((await boot({ platform: 'win32' })).fake.app.setAppUserModelId).toHaveBeenCalledWith('com.groupdesk.desktop');
    expect((await boot({ platform: 'linux' })).fake.app.setAppUserModelId).not.toHaveBeenCalled();
  });
});

describe('windows and the core', () => {
  it('every window is sandboxed, isolated, without Node, with the .cjs preload', async () => {
    const { fake, started } = await boot({ platform: 'darwin' });
    fake.becomeReady();
    await started();
    fake.BrowserWindow.all.forEach((window) => (window.destroyed = true));
    fake.app.emit('activate');
    expect(fake.BrowserWindow.all.length).toBeGreaterThan(0);
    for (const window of fake.BrowserWindow.all) {
      expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(window.options.webPreferences?.preload).toBe(path.resolve('out', 'preload', 'index.cjs'));
    }
  });

  it('starts the core with the userData folder, a 32-byte key, the absolute worker path and the native binding', async () => {
    const { fake, startCore, started } = await boot();
    fake.becomeReady();
    await started();
    const options = startCore.mock.calls[0]?.[0];
    expect(options?.dataDir).toBe(fake.state.userData);
    expect(options?.encryptionKey).toHaveLength(32);
    expect(options?.workerPath).toBe(path.resolve('out', 'core', 'worker.cjs'));
    expect(options?.sandboxWorkerPath).toBe(path.resolve('out', 'sandbox', 'worker.mjs'));
    expect(options?.nativeBinding).toMatch(/better_sqlite3\.node$/);
    expect(existsSync(path.join(fake.state.userData, 'data-key.safe'))).toBe(true);
  });

  it('broadcasts core events to windows on gd:event', async () => {
    const { fake, emitCoreEvent, started } = await boot();
    fake.becomeReady();
    await started();
    const event: CoreEvent = { type: 'store.state', store: { state: 'ready' } };
    emitCoreEvent(event);
    expect(fake.BrowserWindow.all[0]?.webContents.send).toHaveBeenCalledWith('gd:event', event);
  });

  it('shows the plan\'s answer as an OS notification while GroupDesk is in the background; a click focuses the window and opens its screen', async () => {
    const { fake, core, emitCoreEvent, started } = await boot();
    fake.becomeReady();
    await started();
    core.call.mockImplementation(async (method: string) =>
      method === 'notifications.list'
        ? { ok: true, value: { unread: 1, items: [{ id: 3, groupNumber: '100234', kind: 'transaction.rejected', title: 'Enrollment rejected', body: 'Open Activity to correct it.', link: '#/activity?id=9', transactionId: 9, about: null, read: false, createdAt: '2026-03-02T10:00:00.000Z' }] } }
        : { ok: true, value: { unread: 0 } },
    );
    emitCoreEvent({ type: 'notification.created', id: 3, kind: 'transaction.rejected', title: 'Enrollment rejected', body: 'Open Activity to correct it.' });
    const shown = fake.Notification.instances[0];
    expect(shown?.options).toEqual({ title: 'Enrollment rejected', body: 'Open Activity to correct it.' });
    shown?.emit('click');
    const window = fake.BrowserWindow.all[0];
    expect(window?.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(window?.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/activity?id=9'));
    expect(core.call).toHaveBeenCalledWith('notifications.markRead', { ids: [3] });
  });

  it('shows no OS notification while a GroupDesk window has the focus', async () => {
    const { fake, emitCoreEvent, started } = await boot();
    fake.becomeReady();
    await started();
    fake.state.focusedWindow = fake.BrowserWindow.all[0];
    emitCoreEvent({ type: 'notification.created', id: 4, kind: 'transaction.accepted', title: 'Enrollment accepted', body: 'Confirmation CN-4.' });
    expect(fake.Notification.instances).toHaveLength(0);
  });

  it('stops the core before quitting', async () => {
    const { fake, core, started } = await boot();
    fake.becomeReady();
    await started();
    const willQuit = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(core.close).toHaveBeenCalled();
    expect(fake.log.indexOf('core.close')).toBeLessThan(fake.log.lastIndexOf('quit'));
  });

  it('explains a startup failure and exits instead of showing a broken window', async () => {
    const { fake } = await boot({
      before: (f) => {
        writeFileSync(path.join(f.state.userData, 'data-key.safe'), 'from a keychain that is locked now');
        f.state.encryptionAvailable = false;
      },
    });
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('GroupDesk could not start', expect.stringMatching(/keychain/));
    expect(fake.BrowserWindow.all).toHaveLength(0);
  });

  it('closes a started core before exiting when a later startup step fails', async () => {
    const { fake, core } = await boot({
      before: (f) => {
        f.Menu.buildFromTemplate.mockImplementationOnce(() => {
          throw new Error('menu failed');
        });
      },
    });
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(core.close).toHaveBeenCalled();
  });

  it('asks before storing the data key without a keychain, and quits if the user declines', async () => {
    const { fake } = await boot({
      before: (f) => {
        f.state.backend = 'basic_text';
        f.state.dialogResponse = 1;
      },
    });
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ buttons: ['Continue', 'Quit'], cancelId: 1 }));
  });
});

describe('deep links', () => {
  it('on macOS, a link that arrives with no window open opens one and is delivered to it', async () => {
    const { fake, started } = await boot({ platform: 'darwin' });
    fake.becomeReady();
    await started();
    const first = fake.BrowserWindow.all[0];
    if (first) first.destroyed = true;
    first?.emit('closed');
    fake.app.emit('open-url', { preventDefault: vi.fn() }, `groupdesk://verify?token=${TOKEN}`);
    expect(fake.BrowserWindow.all).toHaveLength(2);
    expect(fake.BrowserWindow.all[1]?.webContents.send).toHaveBeenCalledWith('gd:event', { type: 'link.verify', token: TOKEN });
  });


  it('delivers a cold-start link from argv once the window has loaded', async () => {
    const { fake, started } = await boot({ argv: ['C:\\GroupDesk\\GroupDesk.exe', '--flag', `groupdesk://verify?token=${TOKEN}`] });
    fake.becomeReady();
    await started();
    expect(fake.BrowserWindow.all[0]?.webContents.send).toHaveBeenCalledWith('gd:event', { type: 'link.verify', token: TOKEN });
  });

  it('queues a macOS open-url that arrives before ready', async () => {
    const { fake, started } = await boot({ platform: 'darwin' });
    const openUrl = { preventDefault: vi.fn() };
    fake.app.emit('open-url', openUrl, `groupdesk://verify?token=${TOKEN}`);
    expect(openUrl.preventDefault).toHaveBeenCalled();
    fake.becomeReady();
    await started();
    expect(fake.BrowserWindow.all[0]?.webContents.send).toHaveBeenCalledWith('gd:event', { type: 'link.verify', token: TOKEN });
  });

  it('forwards a link from a second instance and focuses the window; drops links outside the allow-list', async () => {
    const { fake, started } = await boot();
    fake.becomeReady();
    await started();
    const window = fake.BrowserWindow.all[0];
    fake.app.emit('second-instance', {}, ['/opt/GroupDesk/groupdesk', '--x', `groupdesk://verify?token=${TOKEN}`], '/');
    expect(window?.webContents.send).toHaveBeenCalledWith('gd:event', { type: 'link.verify', token: TOKEN });
    expect(window?.focus).toHaveBeenCalled();
    window?.webContents.send.mockClear();
    fake.app.emit('second-instance', {}, ['/opt/GroupDesk/groupdesk', 'groupdesk://run?cmd=calc'], '/');
    expect(window?.webContents.send).not.toHaveBeenCalled();
  });
});
