import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { GroupDeskBridge } from '@shared/contract/bridge';
import type { EventListener, Transport } from './transport';

const lost = { ok: false, error: { code: 'OFFLINE', message: 'GroupDesk lost contact with its data service. Restart GroupDesk if this persists.' } } as const;

/** Electron: the preload's bridge already speaks the Result envelope; a rejected IPC means the core is gone. */
export function bridgeTransport(bridge: GroupDeskBridge): Transport {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      try {
        return await bridge.call(method, input);
      } catch {
        return lost;
      }
    },
    onEvent: (listener: EventListener) => bridge.onEvent(listener),
    saveFile: (file) => bridge.saveFile(file).catch(() => lost),
    openFile: (options) => bridge.openFile(options).catch(() => lost),
  };
}
