import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Backend } from '../../server/src/store/db';
import { enrollOverHttp, runConcurrently } from './enroll-clients';
import { benchGroupInput, startBenchService } from './plan-service-fixture';
import { forkService } from './plan-service-fork';

/**
 * `npx tsx test/bench/profile-enroll.ts [postgres|pglite] [count]`: where the plan service's own CPU
 * goes while it accepts enrollments. The service runs in a process of its own (so the clients' CPU is
 * not in the profile), profiling its CPU from after a warm-up (start-up and module loading stay out)
 * until it stops; the profile's frames are then summed by self time and the top ones printed with
 * their share of the busy (non-idle) samples and their most common callers, then the same self time
 * summed by package.
 */
const backend = (process.argv[2] ?? 'postgres') as Backend;
const count = Number(process.argv[3] ?? 1000);
const GROUP = '880003';
const WARMUP = 200;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// PGlite in a folder, for the service's process to open once this one has closed it.
const dataDir = backend === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'groupdesk-enroll-profile-db-')) : undefined;
const bench = await startBenchService(backend, benchGroupInput(GROUP), dataDir);
await bench.closeService();
const profileDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-enroll-profile-'));
try {
  const service = await forkService(bench, { BENCH_CPU_PROFILE: path.join(profileDir, 'service.cpuprofile') });
  const today = new Date().toISOString().slice(0, 10);
  const enroll = enrollOverHttp(service.url, GROUP, bench.token, today);
  await runConcurrently(0, WARMUP, enroll);
  await service.ask({ type: 'mark' });
  const run = await runConcurrently(WARMUP, count, enroll);
  const cpu = await service.ask({ type: 'peak' });
  await service.stop();
  // The profiler samples wall time on CPU or not (a thread the kernel preempted after a socket write
  // still shows in that write), so the process's own CPU time is the figure per enrollment.
  console.log(
    JSON.stringify({ backend, enrollments: count, rejected: run.rejected, per_s: Math.round(count / run.seconds), service_cpu_ms_per_enrollment: Math.round((100 * cpu.cpuMsSinceMark) / count) / 100 }),
  );
  summarize(JSON.parse(readFileSync(path.join(profileDir, 'service.cpuprofile'), 'utf8')) as Profile, count);
} finally {
  rmSync(profileDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await bench.dispose();
}

function summarize(profile: Profile, enrollments: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const nameOf = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '?';
  };
  /** The nearest callers of a sampled node that are the service's or a package's code, not Node's or V8's. */
  const callersOf = (id: number): string => {
    const chain: string[] = [];
    for (let p = parentOf.get(id); p !== undefined && chain.length < 3; p = parentOf.get(p)) {
      const url = byId.get(p)?.callFrame.url ?? '';
      if (url !== '' && !url.startsWith('node:')) chain.push(nameOf(p));
    }
    return chain.join(' < ');
  };
  const callers = new Map<string, Map<string, number>>();
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') {
      if (functionName !== '(idle)') add(frames, functionName, us);
      if (functionName === '(garbage collector)') add(packages, '(gc)', us);
      if (functionName !== '(idle)') busy += us;
      continue;
    }
    busy += us;
    const name = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    add(frames, name, us);
    const table = callers.get(name) ?? new Map<string, number>();
    callers.set(name, table);
    add(table, callersOf(id), us);
    add(packages, packageOf(url), us);
  }
  console.log(`${(busy / 1000 / enrollments).toFixed(2)} ms of busy samples per enrollment (wall time while not idle, preemption included)`);
  const print = (title: string, table: Map<string, number>, n: number) => {
    console.log(title);
    for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000 / enrollments).toFixed(3)} ms/enrollment  ${name}`);
      const [caller] = [...(callers.get(name) ?? [])].sort((a, b) => b[1] - a[1]);
      if (caller && caller[0] !== '' && n > 15) console.log(`           from ${caller[0]}`);
    }
  };
  print('top frames by self time', frames, 25);
  print('by package', packages, 15);
}

function add(table: Map<string, number>, key: string, us: number): void {
  table.set(key, (table.get(key) ?? 0) + us);
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) return url.slice(at + 'node_modules/'.length);
  const src = url.indexOf('/server/src/');
  if (src >= 0) return url.slice(src + 1);
  const shared = url.indexOf('/shared/');
  return shared >= 0 ? url.slice(shared + 1) : url.replace(/^file:\/\//, '');
}

function packageOf(url: string): string {
  if (url === '') return '(native / V8)';
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) {
    const rest = url.slice(at + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  if (url.includes('/server/src/')) return 'server/src';
  if (url.includes('/shared/')) return 'shared';
  return url;
}
