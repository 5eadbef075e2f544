import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchService } from './plan-service-fixture';
import type { ChildMessage, ParentMessage } from './plan-service-process';

export interface ForkedService {
  child: ChildProcess;
  url: string;
  /** Sends `mark` or `peak` and resolves to the process's answer (plan-service-process.ts). */
  ask(message: ParentMessage): Promise<{ rss: number; peak: number; heapAfterGc: number; cpuMsSinceMark: number }>;
  stop(): Promise<void>;
}

/**
 * The plan service as a child process on the bench's database (closed in this process first with
 * `closeService`): to sample its RSS or CPU alone, or to keep the benchmark's own clients off its
 * CPU. `env` adds to the child's environment (BENCH_CPU_PROFILE); BENCH_SERVICE_CPU_PROF names a
 * folder for the child's whole-run CPU profile (node --cpu-prof), written when it stops.
 */
export async function forkService(bench: Pick<BenchService, 'ssnKey' | 'database'>, env: Record<string, string> = {}): Promise<ForkedService> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'plan-service-process.ts');
  const where = bench.database;
  const profileDir = process.env.BENCH_SERVICE_CPU_PROF;
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...env,
      BENCH_SSN_KEY: bench.ssnKey,
      ...(where && 'dataDir' in where ? { BENCH_DATA_DIR: where.dataDir } : {}),
      ...(where && 'databaseUrl' in where ? { BENCH_DATABASE_URL: where.databaseUrl } : {}),
    },
  });
  // A run cut short (the smoke run's time limit exits the process) must not leave the service serving.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  const next = (): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The service process exited (${String(code)})`));
      child.once('exit', onExit);
      child.once('message', (message: ChildMessage) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const listening = await next();
  if (listening.type !== 'listening') throw new Error('The service process did not say where it listens');
  return {
    child,
    url: listening.url,
    async ask(message) {
      const answer = next();
      child.send(message);
      const reply = await answer;
      if (reply.type !== 'rss') throw new Error('The service process answered no RSS');
      return reply;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' } satisfies ParentMessage);
      await exited;
    },
  };
}
