import { coreEvent, errorCodes } from '@shared/contract';
import type { ContractError, MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { EventListener, Transport } from './transport';
import { downloadCoreFile, pickAndUpload } from './browser-files';

const offline: ContractError = {
  code: 'OFFLINE',
  message: 'GroupDesk cannot reach its data service. Check that GroupDesk is still running, then try again.',
};

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error as Partial<ContractError> | null;
  return typeof error?.message === 'string' && (errorCodes as readonly string[]).includes(String(error.code));
}

/**
 * The browser host (`npm run web`): `POST /rpc` with a bearer token, events over Server-Sent Events.
 * EventSource cannot send headers, so the events URL carries the token as a query parameter.
 */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = coreEvent.safeParse(data);
      if (!parsed.success) return;
      for (const listener of listeners) listener(parsed.data);
    };
  };

  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      let response: Response;
      try {
        response = await fetchImpl('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        return { ok: false, error: offline };
      }
      const body: unknown = await response.json().catch(() => null);
      if (isResult(body)) return body as Result<MethodOutput<M>>;
      if (response.status === 401 || response.status === 403) {
        return { ok: false, error: { code: 'AUTH', message: 'This browser tab is no longer signed in to GroupDesk. Open the address GroupDesk printed when it started.' } };
      }
      return { ok: false, error: { code: 'INTERNAL', message: `GroupDesk answered in an unexpected way (HTTP ${response.status}). Try again.` } };
    },
    saveFile: async (file) => downloadCoreFile(token, file),
    openFile: (options) => pickAndUpload(token, options, fetchImpl),
    onEvent(listener: EventListener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
