import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { fail, isMethodName, validationError } from '@shared/contract';
import type { Result } from '@shared/contract';
import { CALL_CHANNEL, CHANNEL_PREFIX } from '../preload/channels';
import { isTrustedSender } from './security';

/** Channels registered in this process. ipcMain throws on a second handler for a channel. */
const registered = new Set<string>();

/**
 * The one way main answers the renderer: a `gd:` channel, registered once per process (never in
 * `createWindow`, which macOS `activate` calls again), answering only our own top-level app:// frame,
 * and always with a Result envelope — Electron keeps only `message` of an error thrown across invoke.
 */
export function handle(ipcMain: Pick<IpcMain, 'handle'>, channel: string, handler: (payload: unknown, event: IpcMainInvokeEvent) => Promise<Result<unknown>>): void {
  if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel "${channel}" must start with "${CHANNEL_PREFIX}"`);
  if (registered.has(channel)) throw new Error(`IPC channel "${channel}" is already handled`);
  registered.add(channel);
  ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      console.warn(`[ipc] refused ${channel} from a frame outside app://bundle`);
      return fail('FORBIDDEN', 'This request did not come from GroupDesk.');
    }
    try {
      return await handler(payload, event);
    } catch (error) {
      // The method's input can hold PII, so only the error's kind is logged.
      console.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.name : typeof error);
      return fail('INTERNAL', "GroupDesk's data service stopped unexpectedly. Restart GroupDesk; your saved work is kept.");
    }
  });
}

/** The only payload gd:call accepts; the core validates `input` against the method's own schema. */
export const callPayload = z.object({ method: z.string().min(1).max(100), input: z.unknown() }).strict();

/** Registers gd:call: a trusted renderer calls any contract method on the core. */
export function registerCoreCalls(ipcMain: Pick<IpcMain, 'handle'>, core: { call(method: string, input: unknown): Promise<Result<unknown>> }): void {
  handle(ipcMain, CALL_CHANNEL, async (payload) => {
    const parsed = callPayload.safeParse(payload);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, 'Malformed request') };
    if (!isMethodName(parsed.data.method)) return fail('VALIDATION', `Unknown method "${parsed.data.method}".`);
    return core.call(parsed.data.method, parsed.data.input);
  });
}
