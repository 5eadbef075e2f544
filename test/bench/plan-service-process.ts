import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { serverModules } from './plan-service-fixture';

/**
 * The plan service in a process of its own (plan-service-child.ts forks it), for a benchmark that
 * measures its memory or keeps its work off the benchmark's thread (the sync benchmarks): it opens
 * the database a bench service prepared (BENCH_DATA_DIR or BENCH_DATABASE_URL, with BENCH_SSN_KEY),
 * sends `{ url }` once it listens, then samples its own RSS and answers the parent over IPC:
 * `mark` starts a new peak from the RSS now, `peak` reports the highest RSS since the mark. Both
 * also report the JavaScript heap still in use after a full collection (forked with --expose-gc)
 * and the CPU time (user + system) the process spent since the mark:
 * RSS counts garbage not yet collected, this only what is still held.
 * A sampler inside the process sees the same RSS on every platform, unlike reading /proc from outside.
 *
 * With BENCH_CPU_PROFILE (a file path) it samples no RSS and profiles its CPU instead, from `mark`
 * to `stop`, writing the profile there before it exits: start-up and module loading stay out of it.
 */
export type ParentMessage = { type: 'mark' } | { type: 'peak' } | { type: 'stop' };
export type ChildMessage = { type: 'listening'; url: string } | { type: 'rss'; rss: number; peak: number; heapAfterGc: number; cpuMsSinceMark: number };

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

const profileFile = process.env.BENCH_CPU_PROFILE;
const profiler = profileFile ? new Session() : null;
profiler?.connect();

let peak = process.memoryUsage.rss();
let cpuAtMark = process.cpuUsage();
const cpuMsSinceMark = () => {
  const { user, system } = process.cpuUsage(cpuAtMark);
  return (user + system) / 1000;
};
const sampler = profiler
  ? undefined
  : setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, SAMPLE_MS);

async function stop(): Promise<void> {
  clearInterval(sampler);
  if (profiler && profileFile) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
  }
  await service.close();
  process.exit(0);
}

async function mark(): Promise<void> {
  if (profiler) {
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const heap = heapAfterGc();
  peak = process.memoryUsage.rss();
  cpuAtMark = process.cpuUsage();
  send({ type: 'rss', rss: peak, peak, heapAfterGc: heap, cpuMsSinceMark: 0 });
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'mark') {
    void mark();
  } else if (message.type === 'peak') {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    const cpuMs = cpuMsSinceMark();
    send({ type: 'rss', rss, peak, heapAfterGc: heapAfterGc(), cpuMsSinceMark: cpuMs });
  } else {
    void stop();
  }
});
send({ type: 'listening', url: service.url });
