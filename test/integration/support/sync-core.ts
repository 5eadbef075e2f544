import { createCore } from '../../../electron/core/core';
import type { Result } from '@shared/contract';

/**
 * The desktop core in this process, connected to a plan service with a signed-in token (no sandbox),
 * on the service's day and clock.
 */
export function openSyncCore(options: { dataDir: string; key: Buffer; url: string; token: string; today: string; now: () => string; planTimeoutMs?: number }) {
  return createCore({
    ...(options.planTimeoutMs === undefined ? {} : { planTimeoutMs: options.planTimeoutMs }),
    dataDir: options.dataDir,
    encryptionKey: options.key,
    planService: { url: options.url, token: options.token },
    sandbox: false,
    today: options.today,
    now: options.now,
    log: () => {},
  });
}

/** The value of a call that must succeed; a refusal fails the test with its code and message. */
export async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`Call refused: ${settled.error.code} ${settled.error.message}`);
  return settled.value as T;
}
