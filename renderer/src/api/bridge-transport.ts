import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { GroupDeskBridge } from '@shared/contract/bridge';
import type { EventListener, Transport } from './transport';

/** Electron: the preload's bridge already speaks the Result envelope; a rejected IPC means the core is gone. */
export function bridgeTransport(bridge: GroupDeskBridge): Transport {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      try {
        return await bridge.call(method, input);
      } catch {
        return { ok: false, error: { code: 'OFFLINE', message: 'GroupDesk lost contact with its data service. Restart GroupDesk if this persists.' } };
      }
    },
    onEvent: (listener: EventListener) => bridge.onEvent(listener),
  };
}
