import type { App } from 'electron';

/**
 * A backstop only: the core's own close() checkpoints and, after 10 s, terminates a stuck worker
 * (electron/host/start-core.ts). This never cuts a checkpoint short, and never lets quitting hang.
 */
export const CORE_STOP_TIMEOUT_MS = 15_000;

/**
 * Stops the core before the process exits, so SQLite checkpoints its WAL and releases its lock — else
 * the next launch may see `database is locked`. Electron does not wait for async work in `will-quit`,
 * so the first quit is held with preventDefault and re-issued once the core has stopped.
 */
export function stopCoreBeforeQuit(app: Pick<App, 'on' | 'quit'>, stopCore: () => Promise<void> | undefined, timeoutMs = CORE_STOP_TIMEOUT_MS): void {
  let stopped = false;
  let stopping = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error('[core] did not stop in time; quitting anyway');
        resolve();
      }, timeoutMs);
    });
    const stop = Promise.resolve(stopCore()).catch((error: unknown) => console.error('[core] failed to stop cleanly:', error instanceof Error ? error.message : error));
    void Promise.race([stop, timeout]).then(() => {
      clearTimeout(timer);
      stopped = true;
      app.quit();
    });
  });
}
