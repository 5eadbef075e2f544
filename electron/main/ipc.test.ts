import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { Result } from '@shared/contract';

// security.ts reaches `shell` through external-links.ts; the real `electron` cannot load under Node.
vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

/** ipc.ts remembers registered channels per process, so each test loads a fresh copy. */
async function loadIpc() {
  vi.resetModules();
  return import('./ipc');
}

const appFrame = { url: 'app://bundle/index.html', parent: null };
const invokeEvent = (senderFrame: unknown) => ({ senderFrame }) as unknown as Electron.IpcMainInvokeEvent;

function fakeIpcMain() {
  const handlers = new Map<string, (event: Electron.IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: (event: Electron.IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>) => {
      handlers.set(channel, handler);
    }),
  };
}

describe('gd:call', () => {
  let ipcMain: ReturnType<typeof fakeIpcMain>;
  let core: { call: Mock<(method: string, input: unknown) => Promise<Result<unknown>>> };
  let call: (senderFrame: unknown, payload: unknown) => Promise<Result<unknown>>;

  beforeEach(async () => {
    const { registerCoreCalls } = await loadIpc();
    ipcMain = fakeIpcMain();
    core = { call: vi.fn(async () => ({ ok: true as const, value: { appVersion: '0.1.0' } as unknown })) };
    registerCoreCalls(ipcMain, core);
    const handler = ipcMain.handlers.get('gd:call');
    if (!handler) throw new Error('gd:call was not registered');
    call = (senderFrame, payload) => handler(invokeEvent(senderFrame), payload);
  });

  it('forwards a well-formed call from our frame to the core and returns its Result', async () => {
    await expect(call(appFrame, { method: 'app.status', input: {} })).resolves.toEqual({ ok: true, value: { appVersion: '0.1.0' } });
    expect(core.call).toHaveBeenCalledWith('app.status', {});
  });

  it('passes the core’s own error envelope through untouched', async () => {
    core.call.mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input: confirm: required', fields: { confirm: 'required' } } });
    await expect(call(appFrame, { method: 'app.startFresh', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { confirm: 'required' } } });
  });

  it.each([
    ['a null senderFrame', null],
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame', { url: 'app://bundle/index.html', parent: appFrame }],
    ['a file: page', { url: 'file:///tmp/x.html', parent: null }],
  ])('refuses %s without reaching the core', async (_label, frame) => {
    await expect(call(frame, { method: 'app.status', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it.each([
    ['null', null],
    ['a string', 'app.status'],
    ['an array', ['app.status', {}]],
    ['no method', { input: {} }],
    ['a numeric method', { method: 7, input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['an overlong method', { method: 'x'.repeat(101), input: {} }],
    ['an extra key', { method: 'app.status', input: {}, sender: 'main' }],
  ])('answers a malformed payload (%s) with VALIDATION', async (_label, payload) => {
    await expect(call(appFrame, payload)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers an unknown method with VALIDATION, including inherited names', async () => {
    for (const method of ['members.delete_all', 'constructor', '__proto__', 'toString']) {
      await expect(call(appFrame, { method, input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('turns a failing core into INTERNAL without leaking the error', async () => {
    core.call.mockRejectedValueOnce(new Error('worker exited with SSN 412-55-6789 in memory'));
    const result = await call(appFrame, { method: 'app.status', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('412-55-6789');
  });
});

describe('handle()', () => {
  it('registers a channel once per process', async () => {
    const { handle } = await loadIpc();
    const ipcMain = fakeIpcMain();
    handle(ipcMain, 'gd:test', async () => ({ ok: true, value: null }));
    expect(() => handle(ipcMain, 'gd:test', async () => ({ ok: true, value: null }))).toThrow(/already handled/);
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
  });

  it('requires the gd: prefix', async () => {
    const { handle } = await loadIpc();
    expect(() => handle(fakeIpcMain(), 'electron-store-get-data', async () => ({ ok: true, value: null }))).toThrow(/gd:/);
  });
});
