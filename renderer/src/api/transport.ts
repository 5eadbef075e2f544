import type { CoreEvent, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';

/**
 * How the renderer reaches the core. Two real implementations (Electron preload bridge, browser host
 * over HTTP) and an in-memory one for component tests; screens only ever see this interface.
 */
export interface Transport {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export type EventListener = (event: CoreEvent) => void;
