import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { BridgeEvent, GroupDeskBridge } from '@shared/contract/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_FILE_CHANNEL, SAVE_FILE_CHANNEL } from './channels';

/**
 * Bundled to out/preload/index.cjs: one CommonJS file that requires only `electron`, as a sandboxed
 * preload must (docs/electron-host-rules.md#the-sandboxed-preload). It exposes exactly one key, `window.groupdesk`, and
 * nothing of ipcRenderer: a page that holds ipcRenderer can send on any channel.
 */

/**
 * Events that arrive before the renderer's first subscription (a cold-start deep link, the first sync
 * status) are held for it; after that, as with any emitter, an event nobody listens to is dropped.
 */
const MAX_EARLY_EVENTS = 100;
const early: BridgeEvent[] = [];
let subscribedOnce = false;
const listeners = new Set<(event: BridgeEvent) => void>();

// One IPC listener for the whole page. Listeners never see the IpcRendererEvent: its `sender` is
// ipcRenderer itself.
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, payload: BridgeEvent) => {
  if (!subscribedOnce) {
    if (early.length < MAX_EARLY_EVENTS) early.push(payload);
    return;
  }
  for (const listener of listeners) listener(payload);
});

const bridge: GroupDeskBridge = {
  // The Result envelope comes back as plain data; main never throws across invoke (only `message` would survive).
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, { method, input }),
  onEvent(listener) {
    // Registered by a wrapper: function identity does not survive contextBridge (electron/electron#33328),
    // so the returned function — not the listener — is what unsubscribes.
    const wrapped = (event: BridgeEvent): void => listener(event);
    listeners.add(wrapped);
    subscribedOnce = true;
    for (const event of early.splice(0)) wrapped(event);
    return () => {
      listeners.delete(wrapped);
    };
  },
  // Only an id and a suggested name travel: main shows the dialog and never takes a path from the page.
  saveFile: (file) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, { fileId: file.fileId, fileName: file.fileName }),
  openFile: (options) => ipcRenderer.invoke(OPEN_FILE_CHANNEL, { title: options.title, extensions: [...options.extensions] }),
};

contextBridge.exposeInMainWorld('groupdesk', bridge);
