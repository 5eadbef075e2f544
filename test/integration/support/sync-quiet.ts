import type { CoreHandle } from '../../../electron/core/core-types';
import type { SyncStatus } from '@shared/contract/methods/sync';

import { isQuiet, waitForSync } from '../../../electron/core/test-support/plan-service';

// The core's own sync tests wait the same way; the integration suites name it for what they wait on.
export { isQuiet, waitForSync as waitForStatus };

/**
 * Asks the core to sync now and resolves when it is quiet after a full sync that ended since the
 * request (each full sync announces its new `lastSyncAt`, read from the core's clock: `now` is that
 * clock, the machine's unless the core was given another). A sync already running when asked can
 * end after the request without having seen the newest changes; `caughtUp` (the local cursor
 * against the service's head, say) tells those apart, and the requested sync then follows.
 */
export async function syncToQuiet(core: CoreHandle, caughtUp: () => boolean | Promise<boolean> = () => true, now: () => string = () => new Date().toISOString()): Promise<SyncStatus> {
  const requestedAt = now();
  const announced: SyncStatus[] = [];
  let wake = () => {};
  const stop = core.onEvent((event) => {
    if (event.type !== 'sync.status') return;
    announced.push(event);
    wake();
  });
  try {
    const asked = await core.call('sync.now', {});
    if (!asked.ok) throw new Error(`sync.now failed: ${asked.error.code} ${asked.error.message}`);
    for (;;) {
      const status = announced.shift();
      if (status === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (isQuiet(status) && status.lastSyncAt !== null && status.lastSyncAt >= requestedAt && (await caughtUp())) return status;
    }
  } finally {
    stop();
  }
}
