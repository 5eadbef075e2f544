import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BridgeEvent, GroupDeskBridge } from '@shared/contract/bridge';
import { contextBridge, ipcRenderer } from '../main/test-support/fake-electron';

vi.mock('electron', async () => (await import('../main/test-support/fake-electron')).electronModule());

let bridge: GroupDeskBridge;
let deliver: (event: unknown, payload: BridgeEvent) => void;

beforeAll(async () => {
  await import('./index');
  bridge = contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as GroupDeskBridge;
  deliver = ipcRenderer.on.mock.calls.find(([channel]) => channel === 'gd:event')?.[1] as typeof deliver;
});

const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
const status: BridgeEvent = { type: 'sync.status', mode: 'sandbox', state: 'idle', online: true, lastSyncAt: null, pending: 1, rejected: 0, progress: null, message: null, nextAttemptAt: null, revision: 1 };

describe('preload', () => {
  it('exposes exactly one key, window.groupdesk, with exactly call, onEvent, saveFile and openFile', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('groupdesk');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'openFile', 'saveFile']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends only an id and a name to save, and only a title and extensions to open', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null } as never);
    await bridge.saveFile({ fileId: 'f', fileName: 'roster.csv', path: '/etc/passwd' } as never);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('gd:save-file', { fileId: 'f', fileName: 'roster.csv' });
    await bridge.openFile({ title: 'Import', extensions: ['csv'] });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('gd:open-file', { title: 'Import', extensions: ['csv'] });
  });

  it('sends calls as { method, input } on gd:call and returns the Result as is', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', message: 'x' } } as never);
    await expect(bridge.call('app.startFresh', { confirm: true })).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message: 'x' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('gd:call', { method: 'app.startFresh', input: { confirm: true } });
  });

  it('holds events that arrive before anyone listens and hands them to the first listener', () => {
    deliver(ipcEvent, { type: 'link.verify', token: 'a'.repeat(16) });
    const first = vi.fn();
    const unsubscribe = bridge.onEvent(first);
    expect(first).toHaveBeenCalledWith({ type: 'link.verify', token: 'a'.repeat(16) });
    unsubscribe();
  });

  it('gives listeners the payload only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    deliver(ipcEvent, status);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([status]);
    unsubscribe();
  });

  it('unsubscribes exactly the listener whose function was called', () => {
    const kept = vi.fn();
    const dropped = vi.fn();
    const unsubscribeKept = bridge.onEvent(kept);
    const unsubscribeDropped = bridge.onEvent(dropped);
    unsubscribeDropped();
    deliver(ipcEvent, status);
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
    unsubscribeKept();
    deliver(ipcEvent, status);
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it('drops events while nobody listens once the renderer has subscribed (no stale replays)', () => {
    deliver(ipcEvent, status);
    const late = vi.fn();
    const unsubscribe = bridge.onEvent(late);
    expect(late).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('lets the same function subscribe twice and unsubscribe each time separately', () => {
    const listener = vi.fn();
    const a = bridge.onEvent(listener);
    const b = bridge.onEvent(listener);
    deliver(ipcEvent, status);
    expect(listener).toHaveBeenCalledTimes(2);
    a();
    deliver(ipcEvent, status);
    expect(listener).toHaveBeenCalledTimes(3);
    b();
  });
});
