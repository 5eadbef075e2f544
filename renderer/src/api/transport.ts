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
}

export type EventListener = (event: BridgeEvent) => void;
