import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench [prefix]`: imports every test/bench/*.bench.ts, runs the benchmarks whose name
 * starts with the prefix, one at a time, and prints one JSON line per benchmark. Benchmarks are
 * measurements, not tests: nothing here passes or fails on a timing.
 *
 * A bench module exports `benchmarks`: a list of `{ name, run() }`, where run resolves to the
 * figures to print (`n`, `median_ms`, `p95_ms` and whatever else it measured).
 */
export interface Benchmark {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const prefix = process.argv[2] ?? '';

const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
let ran = 0;
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks?: Benchmark[] };
  if (!Array.isArray(module.benchmarks)) throw new Error(`${file} must export \`benchmarks\`, a list of { name, run }`);
  for (const bench of module.benchmarks.filter((b) => b.name.startsWith(prefix))) {
    const figures = await bench.run();
    console.log(JSON.stringify({ name: bench.name, ...figures }));
    ran++;
  }
}
if (ran === 0) {
  console.error(`No benchmark name starts with "${prefix}".`);
  process.exitCode = 1;
}
