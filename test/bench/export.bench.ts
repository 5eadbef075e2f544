import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Benchmark, BenchOptions } from './run';
import { benchGroup, benchSubscribers, benchTempDir, benchToday, sharedRosterStore } from './roster-fixture';

const run = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'export-child.ts');

/** What a roster download of 250,000 members must take (issue "Rosters out and in"); the PDF's is measured, not targeted. */
const targetsMs: Record<'csv' | 'xlsx', number> = { csv: 1000, xlsx: 5000 };

interface ChildFigures {
  rows: number;
  ms: number;
  bytes: number;
  rss_before_mib: number;
  peak_rss_mib: number;
}

/** The default columns, every member of the bench group as of the bench day, on the desktop's SQLite store. */
async function exportBench(format: 'csv' | 'xlsx' | 'pdf', options: BenchOptions): Promise<Record<string, unknown>> {
  const store = sharedRosterStore(benchSubscribers(options));
  const out = path.join(benchTempDir('groupdesk-bench-export-'), `roster.${format}`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, store.dataDir, benchGroup.groupNumber, benchToday, format, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
  const target = format === 'pdf' ? {} : { target_ms: targetsMs[format], met: figures.ms <= targetsMs[format] };
  return { backend: 'sqlite', n: store.members, median_ms: figures.ms, p95_ms: figures.ms, ...figures, ...target, mib: Math.round((figures.bytes / 2 ** 20) * 10) / 10 };
}

export const benchmarks: Benchmark[] = [
  { name: 'export.csv', run: (options) => exportBench('csv', options) },
  { name: 'export.xlsx', run: (options) => exportBench('xlsx', options) },
  { name: 'export.pdf', run: (options) => exportBench('pdf', options) },
];
