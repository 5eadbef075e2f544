import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from './app-url';
import { FakeWebContents, app, shell } from './test-support/fake-electron';
import { denyAllPermissions, hardenAllWebContents, hardenWebContents, isTrustedSender } from './security';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

describe('isAppUrl', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/', true],
    ['app://bundle/index.html#/members/123', true],
    ['app://other/index.html', false],
    ['app://user@bundle/index.html', false],
    ['https://bundle/index.html', false],
    ['file:///app/index.html', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it("does not rely on URL.origin, which Node reports as 'null' for custom schemes", () => {
    expect(new URL('app://bundle/x').origin).toBe('null');
    expect(isAppUrl('app://bundle/x')).toBe(true);
  });
});

describe('isTrustedSender', () => {
  it('accepts our top-level app:// frame', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
  });
  it('rejects a null frame (navigated or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
  it('rejects a foreign origin', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
  });
  it('rejects a sub-frame even on app://', () => {
    const top = { url: 'app://bundle/index.html', parent: null } as unknown as Electron.WebFrameMain;
    expect(isTrustedSender({ url: 'app://bundle/frame.html', parent: top })).toBe(false);
  });
});

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as Electron.WebContents);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s blocks foreign URLs and lets app:// through', (eventName) => {
    const away = navigationEvent('https://evil.example/phish');
    contents.emit(eventName, away);
    expect(away.preventDefault).toHaveBeenCalled();
    const file = navigationEvent('file:///etc/passwd');
    contents.emit(eventName, file);
    expect(file.preventDefault).toHaveBeenCalled();
    const ours = navigationEvent('app://bundle/index.html#/members');
    contents.emit(eventName, ours);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses every webview', () => {
    const event = navigationEvent('app://bundle/index.html');
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening allow-listed links in the browser instead', () => {
    shell.openExternal.mockClear();
    const open = contents.windowOpenHandler;
    expect(open?.({ url: 'https://www.dol.gov/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.dol.gov/');
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('is installed for every web contents through web-contents-created', () => {
    hardenAllWebContents(app as unknown as Electron.App);
    const created = new FakeWebContents();
    app.emit('web-contents-created', {}, created);
    expect(created.listeners.has('will-navigate')).toBe(true);
    expect(created.setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('denies permission requests, checks and devices', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://bundle', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
