// Node module hook: `.sql` files import as their text, as esbuild's text loader does for the built
// service (scripts/build.mjs) and Vitest's sql-text plugin does in tests. Benchmarks run the plan
// service from source under tsx, which knows no `.sql`.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.sql')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
