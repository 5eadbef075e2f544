import { register } from 'node:module';
import { timeBareInserts, timeReplicaWriter, type FeedSource } from './sync-apply';

/**
 * One side of a sync benchmark in a process of its own (sync.bench.ts), so its peak resident memory
 * is the core's (or the bare loop's) alone, not the bench runner's, which loaded the plan service's
 * members. Prints one JSON line with what it measured, its processor time and peak RSS.
 * Arguments: `first-sync <feed JSON> <data folder> <key base64>` or `writer|bare <feed JSON> <page size>`.
 */
const [task, feedJson, ...rest] = process.argv.slice(2);
if (task === undefined || feedJson === undefined) throw new Error('sync-child: give <first-sync|writer|bare> <feed JSON> …');
const feed = JSON.parse(feedJson) as FeedSource;

/** From an empty store to quiet: the core opens, signs in with the token, pulls every page and applies it. */
async function firstSync(dataDir: string, key: Buffer): Promise<Record<string, unknown>> {
  // The core's modules reach the plan service's `.sql` migrations (its embedded sandbox); tsx knows no `.sql`.
  register('./sql-text-hooks.mjs', import.meta.url);
  const { createCore } = await import('../../electron/core/core');
  const { syncToQuiet } = await import('../integration/support/sync-quiet');
  // What the process holds before the core opens (Node, tsx and the core's modules): the floor under its peak.
  const rss_start_mib = Math.round(process.memoryUsage().rss / 2 ** 20);
  const started = performance.now();
  const core = createCore({ dataDir, encryptionKey: key, planService: { url: feed.url, token: feed.token }, sandbox: false, validateOutput: false, log: () => {} });
  try {
    await syncToQuiet(core);
    const ms = performance.now() - started;
    const page = await core.call('members.list', { groupNumber: feed.groupNumber, limit: 1, offset: 0, grouping: 'none', sort: { by: 'memberId', dir: 'asc' } });
    const total = page.ok ? (page.value as { total: number }).total : -1;
    // The roster hides members terminated more than two years ago, so it may show fewer than loaded.
    if (total <= 0) throw new Error(`After the first sync the local roster shows ${total} members`);
    return { ms, rss_start_mib };
  } finally {
    await core.close();
  }
}

async function measure(): Promise<Record<string, unknown>> {
  if (task === 'first-sync') {
    const [dataDir, key] = rest;
    if (dataDir === undefined || key === undefined) throw new Error('sync-child first-sync: give <data folder> <key base64>');
    return firstSync(dataDir, Buffer.from(key, 'base64'));
  }
  const pageSize = Number(rest[0]);
  if (!Number.isInteger(pageSize) || pageSize <= 0) throw new Error(`sync-child ${task}: give a page size (got ${rest[0]})`);
  if (task === 'writer') return timeReplicaWriter(feed, pageSize);
  if (task === 'bare') return timeBareInserts(feed, pageSize);
  throw new Error(`sync-child: unknown task ${task}`);
}

const cpuStart = process.cpuUsage();
const figures = await measure();
const cpu = process.cpuUsage(cpuStart);
// maxRSS is in kibibytes: the process's high-water mark, however briefly it was reached.
console.log(JSON.stringify({ ...figures, cpu_ms: Math.round((cpu.user + cpu.system) / 1000), peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024) }));
// Measured and closed, the process is done: after a first sync of 250,000 members a closed core's
// process was seen to stay alive (idle, two connections to the service still open) and hold the run.
process.exit();
