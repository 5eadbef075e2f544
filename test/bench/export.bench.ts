import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Benchmark, BenchOptions } from './run';
import { benchGroup, benchSubscribers, benchTempDir, benchToday, sharedRosterStore } from './roster-fixture';

const run = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'export-child.ts');
const dryRunChild = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-check-child.ts');

/** What a roster download of 250,000 members must take; the PDF's is measured (time and peak memory), not targeted. */
const targetsMs: Record<'csv' | 'xlsx' | 'x12-834', number> = { csv: 1000, xlsx: 5000, 'x12-834': 3000 };

/** A file check of a 10,000-member 834 must take at most this long. */
const dryRunTargetMs = 5000;

interface ChildFigures {
  rows: number;
  ms: number;
  /** Processor time (user and system) of the export alone; `ms` is the wall time the target is for. */
  cpu_ms: number;
  bytes: number;
  rss_before_mib: number;
  peak_rss_mib: number;
}

/** The default columns, every member of the bench group as of the bench day, on the desktop's SQLite store. */
async function exportFile(format: 'csv' | 'xlsx' | 'pdf' | 'x12-834', options: BenchOptions, subscribers = benchSubscribers(options)): Promise<{ figures: Record<string, unknown>; out: string }> {
  const store = sharedRosterStore(subscribers);
  const out = path.join(benchTempDir('groupdesk-bench-export-'), `roster.${format}`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, store.dataDir, benchGroup.groupNumber, benchToday, format, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
  const target = format === 'pdf' ? {} : { target_ms: targetsMs[format], met: figures.ms <= targetsMs[format] };
  return { figures: { backend: 'sqlite', n: store.members, median_ms: figures.ms, p95_ms: figures.ms, ...figures, ...target, mib: Math.round((figures.bytes / 2 ** 20) * 10) / 10 }, out };
}

const exportBench = async (format: 'csv' | 'xlsx' | 'pdf' | 'x12-834', options: BenchOptions): Promise<Record<string, unknown>> => (await exportFile(format, options)).figures;

/**
 * The file check of an 834 the size a mid-size employer's HR system sends (about 10,000 members):
 * the group's own roster exported as an 834 audit, then checked as the import wizard checks it,
 * in a process of its own like the exports. Every member is already so, so all are read, matched,
 * compared and planned.
 */
async function dryRunBench(options: BenchOptions): Promise<Record<string, unknown>> {
  const subscribers = options.smoke ? 200 : 4000;
  const exported = await exportFile('x12-834', options, subscribers);
  const store = sharedRosterStore(subscribers);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', dryRunChild, store.dataDir, store.key.toString('base64'), benchGroup.groupNumber, benchToday, exported.out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { members: number; skip: number; ms: number; peak_rss_mib: number };
  return { backend: 'sqlite', n: figures.members, median_ms: figures.ms, p95_ms: figures.ms, ...figures, target_ms: dryRunTargetMs, met: figures.ms <= dryRunTargetMs };
}

export const benchmarks: Benchmark[] = [
  { name: 'export.csv', run: (options) => exportBench('csv', options) },
  { name: 'export.xlsx', run: (options) => exportBench('xlsx', options) },
  { name: 'export.pdf', run: (options) => exportBench('pdf', options) },
  { name: 'export.x12_834', run: (options) => exportBench('x12-834', options) },
  { name: 'import.dry_run_834', run: (options) => dryRunBench(options) },
];
