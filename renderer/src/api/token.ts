const storageKey = 'groupdesk.token';

/**
 * The browser host puts its per-launch token in the address (`#token=…`). Read it once, keep it for
 * this tab only (sessionStorage survives a reload, not a new browser session), and take it out of the
 * address bar so it is neither shown, bookmarked nor copied into a support ticket.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    storage.setItem(storageKey, token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    return token;
  }
  return storage.getItem(storageKey);
}
