import type { ContractError, Result } from '@shared/contract';
import { formatDatesIn } from '../components/format';
import type { Transport } from './transport';

/**
 * The core and the plan write the dates of a refusal as data (`2026-05-31`); every screen shows
 * them in the reader's one date format. Doing it where answers arrive means no error display can
 * forget, and a message's other words are left as they were.
 */
export function screenDates(transport: Transport): Transport {
  return {
    ...transport,
    call: async (method, input) => localise(await transport.call(method, input)),
    saveFile: async (file) => localise(await transport.saveFile(file)),
    openFile: async (options) => localise(await transport.openFile(options)),
    onEvent: (listener) => transport.onEvent(listener),
  };
}

function localise<T>(result: Result<T>): Result<T> {
  if (result.ok) return result;
  const error: ContractError = { ...result.error, message: formatDatesIn(result.error.message) };
  if (result.error.fields !== undefined) error.fields = Object.fromEntries(Object.entries(result.error.fields).map(([path, message]) => [path, formatDatesIn(message)]));
  return { ok: false, error };
}
