import type { CoreEvent } from './events';
import type { MethodInput, MethodName, MethodOutput } from './index';
import type { Result } from './errors';

/**
 * Events the Electron host raises itself rather than the core. A `groupdesk://verify?token=…` link
 * (the e-mail verification link of account access) is parsed and allow-listed in main, queued until
 * the window has loaded, then delivered here.
 */
export type HostEvent = { type: 'link.verify'; token: string };

/** Everything `onEvent` can deliver: the core's events plus the host's own. */
export type BridgeEvent = CoreEvent | HostEvent;

/**
 * What the Electron preload exposes as `window.groupdesk` — the only thing the renderer sees of
 * Electron. Type-only, so the renderer imports it from shared/ and never from electron/.
 * `call` resolves with the contract's Result envelope (errors are data: Electron keeps only
 * `message` of an error thrown across `invoke`).
 */
export interface GroupDeskBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribes to events; returns the function that unsubscribes this listener. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
  /**
   * Saves a file the core wrote (an export) where the user chooses in the OS save dialog, whole or
   * not at all. Resolves with the chosen path's file name, or null when the user cancelled.
   */
  saveFile(file: { fileId: string; fileName: string }): Promise<Result<{ savedAs: string } | null>>;
  /**
   * Lets the user choose a file in the OS open dialog and hands a copy to the core (an import).
   * Resolves with the copy's id and the chosen file's name, or null when the user cancelled.
   */
  openFile(options: { title: string; extensions: readonly string[] }): Promise<Result<{ fileId: string; fileName: string; bytes: number } | null>>;
}
