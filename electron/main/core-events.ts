import type { BrowserWindow } from 'electron';
import type { BridgeEvent } from '@shared/contract/bridge';
import { EVENT_CHANNEL } from '../preload/channels';
import { isAppUrl } from './app-url';

/**
 * Sends an event to every window showing our renderer, on the one event channel the preload listens
 * to. A window that is closing, or somehow not on app://bundle, gets nothing.
 */
export function broadcast(windows: readonly BrowserWindow[], event: BridgeEvent): void {
  for (const window of windows) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    if (!isAppUrl(window.webContents.getURL())) continue;
    window.webContents.send(EVENT_CHANNEL, event);
  }
}
