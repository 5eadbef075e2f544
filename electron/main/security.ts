import type { App, Session, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-url';
import { openExternalLink } from './external-links';

/**
 * Only our own top-level frame on app://bundle may call the core. `senderFrame` is null when the
 * frame navigated or was destroyed before the message was handled; a sub-frame has a parent
 * (Electron's WebFrameMain docs: `parent` is null only for the top frame; the security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Hardens every web contents as it is created, before it can load anything: no navigation or
 * redirect away from the bundle, no webviews, no new windows (links to allow-listed sites open in
 * the user's browser instead), per Electron's security checklist (docs/electron-host-rules.md#safe-windows).
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

/** Registered at top level so no web contents (the first window included) escapes it. */
export function hardenAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * Deny-by-default for every web permission (camera, geolocation, notifications from the page, HID,
 * serial …). GroupDesk needs none: OS notifications come from main. After ready: the default session exists only then.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
