import { serverModules } from './plan-service-fixture';

/**
 * The plan service in a process of its own (plan-service-child.ts forks it), for a benchmark that
 * measures its memory or keeps its work off the benchmark's thread (the sync benchmarks): it opens
 * the database a bench service prepared (BENCH_DATA_DIR or BENCH_DATABASE_URL, with BENCH_SSN_KEY),
 * sends `{ url }` once it listens, then samples its own RSS and answers the parent over IPC:
 * `mark` starts a new peak from the RSS now, `peak` reports the highest RSS since the mark. Both
 * also report the JavaScript heap still in use after a full collection (forked with --expose-gc):
 * RSS counts garbage not yet collected, this only what is still held.
 * A sampler inside the process sees the same RSS on every platform, unlike reading /proc from outside.
 */
export type ParentMessage = { type: 'mark' } | { type: 'peak' } | { type: 'stop' };
export type ChildMessage = { type: 'listening'; url: string } | { type: 'rss'; rss: number; peak: number; heapAfterGc: number };

const SAMPLE_MS = 5;

/** The heap still reachable: collected first when the process was started with --expose-gc. */
const heapAfterGc = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const { startPlanService } = await serverModules();
const dataDir = process.env.BENCH_DATA_DIR;
const databaseUrl = process.env.BENCH_DATABASE_URL;
const service = await startPlanService({
  ssnKey: process.env.BENCH_SSN_KEY ?? '',
  limits: { global: 100_000_000 },
  ...(databaseUrl ? { databaseUrl } : dataDir ? { dataDir } : {}),
});

let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, SAMPLE_MS);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'mark') {
    const heap = heapAfterGc();
    peak = process.memoryUsage.rss();
    send({ type: 'rss', rss: peak, peak, heapAfterGc: heap });
  } else if (message.type === 'peak') {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    send({ type: 'rss', rss, peak, heapAfterGc: heapAfterGc() });
  } else {
    clearInterval(sampler);
    void service.close().then(() => process.exit(0));
  }
});
send({ type: 'listening', url: service.url });
