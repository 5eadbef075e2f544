import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BASE_MEMBERS, parseMembersArg, scaleFigures } from './bench-size';

/**
 * `npm run bench [prefix…]`: imports every test/bench/*.bench.ts, runs the benchmarks whose name
 * starts with one of the prefixes, one at a time, and prints one JSON line per benchmark. Benchmarks are
 * measurements, not tests: nothing here passes or fails on a timing.
 *
 * `npm run bench -- --smoke [prefix]` runs the same benchmarks at a tiny size, each line marked
 * `"smoke": true`, and exits non-zero when one throws, skips, prints no figures or overruns its
 * time: CI runs it so a benchmark broken by a change fails that change, not a run weeks later.
 *
 * `npm run bench -- --members N [prefix]` sizes the roster, search, sync and export benchmarks
 * (those marked `scales`) at N members instead of their 250,000. Above 250,000 each of them is first
 * run at 250,000 in the same run (its line printed with `"scale_base": true`), then at N, and the
 * line at N adds the comparison (bench-size.ts: `scale_ratio`, `scale_limit`, `scale_met`).
 * `--smoke` wins over `--members`.
 *
 * A bench module exports `benchmarks`: a list of `{ name, run(options) }`, where run resolves to
 * the figures to print (`n`, `median_ms`, `p95_ms` and whatever else it measured) and picks its
 * sizes from `options.smoke` and `options.members`. It may export `afterBenchmarks()`, awaited
 * once its selected benchmarks have run (at each size), to close what they shared.
 */
export interface BenchOptions {
  /** Run at a size that only proves the benchmark works; its figures measure nothing. */
  smoke: boolean;
  /** The members asked for with `--members`; absent, each benchmark's own size (250,000 for those that scale). */
  members?: number;
}

export interface Benchmark {
  name: string;
  /** Sized by `--members` and held to the scale check above 250,000 members. */
  scales?: boolean;
  run(options: BenchOptions): Promise<Record<string, unknown>>;
}

interface BenchModule {
  benchmarks?: Benchmark[];
  afterBenchmarks?: () => Promise<void>;
}

/** A smoke benchmark that takes longer has hung (a sync that never goes quiet, a page that never opens). */
const SMOKE_LIMIT_MS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, members: { type: 'string' } }, allowPositionals: true });
const members = parseMembersArg(values.members);
if (!members.ok) {
  console.error(members.message);
  process.exit(2);
}
if (values.smoke && members.members !== undefined) console.error('--smoke runs every benchmark at its tiny size; --members is ignored.');
const options: BenchOptions = values.smoke || members.members === undefined ? { smoke: values.smoke } : { smoke: false, members: members.members };
/** `npm run bench roster export`: the benchmarks whose name starts with any of them (one process: they share fixtures). */
const prefixes = positionals.length === 0 ? [''] : positionals;
/** The benchmarks that scale are measured at 250,000 members first, for the line at N to compare with. */
const compares = options.members !== undefined && options.members > BASE_MEMBERS;

function withinSmokeLimit<T>(name: string, work: Promise<T>): Promise<T> {
  if (!options.smoke) return work;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${SMOKE_LIMIT_MS / 1000} s at smoke size`)), SMOKE_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** The figures of one benchmark, or why they cannot be trusted to exist. */
async function runOne(bench: Benchmark, at: BenchOptions = options): Promise<Record<string, unknown>> {
  const figures = await withinSmokeLimit(bench.name, bench.run(at));
  if (figures === null || typeof figures !== 'object' || Object.keys(figures).length === 0) throw new Error(`${bench.name} resolved to no figures`);
  // A skip is honest in a measurement run (say, no build), but a smoke run exists to prove each benchmark runs.
  if (options.smoke && 'skipped' in figures) throw new Error(`${bench.name} skipped at smoke size: ${String(figures.skipped)}`);
  return figures;
}

const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const failed: string[] = [];
let ran = 0;
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
  if (!Array.isArray(module.benchmarks) || module.benchmarks.length === 0) {
    console.error(`${file} must export \`benchmarks\`, a non-empty list of { name, run }`);
    failed.push(file);
    continue;
  }
  const selected = module.benchmarks.filter((b) => prefixes.some((prefix) => b.name.startsWith(prefix)));
  if (selected.length === 0) continue;
  const bases = new Map<string, Record<string, unknown> | Error>();
  if (compares) {
    for (const bench of selected.filter((b) => b.scales === true)) {
      try {
        const figures = await runOne(bench, { smoke: false, members: BASE_MEMBERS });
        bases.set(bench.name, figures);
        console.log(JSON.stringify({ name: bench.name, scale_base: true, ...figures }));
      } catch (error) {
        bases.set(bench.name, error instanceof Error ? error : new Error(String(error)));
        console.error(error);
      }
    }
    // What the 250,000-member runs shared (the sync's plan service) makes way for the size asked for.
    try {
      await module.afterBenchmarks?.();
    } catch (error) {
      failed.push(`${file} (afterBenchmarks at ${BASE_MEMBERS})`);
      console.error(error);
    }
  }
  for (const bench of selected) {
    ran++;
    const marker = options.smoke ? { smoke: true } : {};
    try {
      const figures = await runOne(bench);
      const base = bases.get(bench.name);
      const scale = base === undefined || options.members === undefined ? {} : scaleFigures(options.members, base, figures);
      console.log(JSON.stringify({ name: bench.name, ...marker, ...figures, ...scale }));
    } catch (error) {
      failed.push(bench.name);
      // The line still says which benchmark it was, for whoever reads the figures.
      console.log(JSON.stringify({ name: bench.name, ...marker, error: error instanceof Error ? error.message : String(error) }));
      console.error(error);
    }
  }
  try {
    await withinSmokeLimit(`${file}'s afterBenchmarks`, module.afterBenchmarks?.() ?? Promise.resolve());
  } catch (error) {
    failed.push(`${file} (afterBenchmarks)`);
    console.error(error);
  }
}
if (ran === 0) {
  console.error(`No benchmark name starts with ${prefixes.map((p) => `"${p}"`).join(' or ')}.`);
  process.exitCode = 1;
}
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
// Everything is printed; nothing still running may hold the run open. A benchmark that overran
// keeps its servers, and a whole smoke run on PostgreSQL was seen to stay alive after its last line
// with no handle of its own, only a worker thread, until killed.
process.exit();
