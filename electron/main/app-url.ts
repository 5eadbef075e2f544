/**
 * The renderer is served from one fixed origin, app://bundle. Renderer storage is keyed to that
 * origin, so the scheme and host never change (a change would wipe it).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs of our own bundle. Compares protocol and host, not `origin`: Node's WHATWG URL does
 * not know Chromium's registered schemes, so `new URL('app://bundle/x').origin` is 'null' in main.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
