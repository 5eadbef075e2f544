import { shell } from 'electron';

/**
 * The only sites GroupDesk opens in the user's browser: public guidance a group administrator needs
 * (marketplace and small-business coverage, COBRA and ERISA, Medicare and Medicaid/CHIP, tax forms).
 * Exact host names; no wildcard, so a look-alike subdomain is refused. Adding a site is one line here
 * plus a row in the test table. Never `openExternal` untrusted URLs: Electron's security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.healthcare.gov',
  'www.dol.gov',
  'www.cms.gov',
  'www.medicaid.gov',
  'www.irs.gov',
]);

/** https only, an allow-listed host, the default port, and no credentials in the URL. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && EXTERNAL_HOSTS.has(url.hostname);
}

/** Opens an allow-listed link in the default browser; anything else is refused and reported false. */
export function openExternalLink(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) {
    // The URL itself is not logged: a link may carry a member's data in its query.
    console.warn('[links] refused to open a link outside the allow-list');
    return false;
  }
  void shell.openExternal(raw).catch((error: unknown) => console.warn('[links] the browser did not open', error instanceof Error ? error.message : error));
  return true;
}
