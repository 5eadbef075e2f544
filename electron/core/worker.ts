import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from './core';
import type { CoreWorkerData, HostToWorker, WorkerToHost } from './host-entry';

// The core's worker thread, so a long sync or export never blocks a window: plain Node, never
// `electron` (docs/decisions/0001-core-in-a-worker.md).
const port = parentPort;
if (port === null) throw new Error('electron/core/worker must run in a worker thread (see host/start-core)');

const data = workerData as CoreWorkerData;
const post = (message: WorkerToHost) => port.postMessage(message);
const core = createCore({
  dataDir: data.dataDir,
  encryptionKey: Buffer.from(data.encryptionKey),
  ...(data.keyHolder === undefined ? {} : { keyHolder: data.keyHolder }),
  ...(data.nativeBinding === undefined ? {} : { nativeBinding: data.nativeBinding }),
  ...(data.sandbox === undefined ? {} : { sandbox: data.sandbox }),
  ...(data.sandboxWorkerPath === undefined ? {} : { sandboxWorkerPath: data.sandboxWorkerPath }),
  ...(data.planService === undefined ? {} : { planService: data.planService }),
  ...(data.today === undefined ? {} : { today: data.today }),
  ...(data.demo === undefined ? {} : { demo: data.demo }),
});
core.onEvent((event) => post({ type: 'event', event }));

port.on('message', (message: HostToWorker) => {
  if (message.type === 'call') {
    void core.call(message.method, message.input).then((result) => post({ type: 'result', id: message.id, result }));
  } else {
    void core.close().then(() => {
      post({ type: 'closed' });
      port.close();
    });
  }
});
