import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { BridgeEvent } from '@shared/contract/bridge';

/**
 * How the renderer reaches the core. Two real implementations (Electron preload bridge, browser host
 * over HTTP) and an in-memory one for component tests; screens only ever see this interface.
 */
export interface Transport {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribes to core events (and, in Electron, the host's own); returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /** Hands a file the core wrote to the user: Electron's save dialog, or the browser's download. Null when the user cancelled. */
  saveFile(file: { fileId: string; fileName: string }): Promise<Result<{ savedAs: string } | null>>;
  /** Lets the user choose a file and hands a copy to the core. Null when the user cancelled. */
  openFile(options: { title: string; extensions: readonly string[] }): Promise<Result<{ fileId: string; fileName: string; bytes: number } | null>>;
}

export type EventListener = (event: BridgeEvent) => void;
