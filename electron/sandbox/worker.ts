import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { TEMPLATE_DIR } from './database-template';
import { failureMessage } from './failure-message';
import { startSandboxPlanService, type SandboxPlanService } from './sandbox-service';
import { sandboxWorkerData, type ParentToSandbox, type SandboxToParent } from './worker-protocol';

// Bundled to out/sandbox/worker.mjs; the core starts it in a worker thread (protocol in
// worker-protocol.ts). Nothing here may log member data: only timings, counts and error kinds.

const port = parentPort;
if (port === null) throw new Error('The sandbox worker runs in a worker thread.');

const post = (message: SandboxToParent): void => port.postMessage(message);
let service: SandboxPlanService | undefined;
let failed = false;

/** Tells the parent the service is gone, without the error's text (it may quote data), and ends the thread. */
async function fail(error: unknown): Promise<void> {
  if (failed) return;
  failed = true;
  const message = failureMessage(error);
  console.error(`[sandbox] the plan service is not running: ${message}`);
  post({ type: 'failed', message });
  await service?.close().catch(() => undefined);
  process.exit(1);
}

process.on('uncaughtException', (error) => void fail(error));
process.on('unhandledRejection', (reason) => void fail(reason));

const starting = (async () => {
  const data = sandboxWorkerData.parse(workerData);
  // The build puts the template beside this bundle (scripts/sandbox-bundle.mjs).
  const databaseTemplate = fileURLToPath(new URL(TEMPLATE_DIR, import.meta.url));
  service = await startSandboxPlanService({ ...data, databaseTemplate, log: (line) => console.log(line) });
  post({ type: 'ready', url: service.url, token: service.token });
})();
starting.catch((error: unknown) => fail(error));

port.on('message', (message: ParentToSandbox) => {
  if (message.type !== 'close') return;
  // A close during startup waits for it, so the database is never left half-open.
  void starting
    .catch(() => undefined)
    .then(() => service?.close())
    .then(() => process.exit(0), fail);
});
