import type { HostEvent } from '@shared/contract/bridge';

/** Registered with the OS by electron-builder's `protocols` (macOS, Linux) and at runtime (Windows). */
export const DEEP_LINK_SCHEME = 'groupdesk';

/** Query parameters a verify link may carry; a link with any other parameter is refused. */
const VERIFY_PARAMS: ReadonlySet<string> = new Set(['token']);
/** The plan service's verification tokens are URL-safe base64 (at least 16 characters). */
const TOKEN = /^[A-Za-z0-9_-]{16,512}$/;

/**
 * `groupdesk://verify?token=…` (also `groupdesk://verify/?token=…`) → the token, else null. The link
 * comes from outside (an e-mail, another program), so it is parsed with URL and allow-listed: host,
 * path, parameter names, one token of a fixed alphabet; no credentials, port or fragment
 * (docs/electron-host-rules.md#deep-links).
 */
export function parseVerifyLink(raw: string): { token: string } | null {
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // URL lower-cases the scheme but, for a non-special scheme, keeps the host as typed.
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.hostname.toLowerCase() !== 'verify') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') return null;
  if (url.pathname !== '' && url.pathname !== '/') return null;
  const names = [...url.searchParams.keys()];
  if (names.some((name) => !VERIFY_PARAMS.has(name))) return null;
  const tokens = url.searchParams.getAll('token');
  const token = tokens[0];
  return tokens.length === 1 && token !== undefined && TOKEN.test(token) ? { token } : null;
}

/**
 * The deep link in a command line, if any. Windows and Linux pass the link as an argument, but
 * Chromium may add or reorder switches, so search by prefix rather than take the last argument.
 */
export function findDeepLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}

/** Turns a raw link into the event the renderer receives, or null for anything not allow-listed. */
export function deepLinkEvent(raw: string): HostEvent | null {
  const verify = parseVerifyLink(raw);
  return verify === null ? null : { type: 'link.verify', token: verify.token };
}

/**
 * Holds deep links until a window has loaded the renderer, then forwards each as an event. A link
 * that starts the app (macOS `open-url` before ready, argv on Windows/Linux) arrives long before
 * anyone listens; dropping it would lose the user's click.
 */
export class DeepLinkInbox {
  readonly #pending: HostEvent[] = [];
  #deliver: ((event: HostEvent) => void) | null = null;

  /** Accepts a raw link; returns false (and forgets it) when it is not an allow-listed link. */
  receive(raw: string): boolean {
    const event = deepLinkEvent(raw);
    if (event === null) {
      // Not logged in full: a link may carry a token or someone's data.
      console.warn('[deep-link] ignored a link that is not an allow-listed GroupDesk link');
      return false;
    }
    if (this.#deliver === null) this.#pending.push(event);
    else this.#deliver(event);
    return true;
  }

  /** The renderer has loaded: flush what was queued and deliver the rest as it comes. */
  attach(deliver: (event: HostEvent) => void): void {
    this.#deliver = deliver;
    for (const event of this.#pending.splice(0)) deliver(event);
  }

  /** The window is gone (macOS keeps the app running): queue again until the next one loads. */
  detach(): void {
    this.#deliver = null;
  }
}
