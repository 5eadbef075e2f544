import { findBridge } from './bridge';
import { bridgeTransport } from './bridge-transport';
import { httpTransport } from './http-transport';
import { takeLaunchToken } from './token';
import type { Transport } from './transport';

/** Electron if its preload is present, else the browser host; null when the browser tab has no token. */
export function chooseTransport(win: Window): Transport | null {
  const bridge = findBridge(win);
  if (bridge) return bridgeTransport(bridge);
  const token = takeLaunchToken(win.location, win.history, win.sessionStorage);
  return token ? httpTransport(token) : null;
}
