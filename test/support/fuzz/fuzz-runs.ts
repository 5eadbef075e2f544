import type fc from 'fast-check';

/**
 * fast-check's parameters for one fuzz property: `ciRuns` runs in `npm run test:unit`, FUZZ_RUNS in
 * `npm run fuzz`; FUZZ_SEED and FUZZ_PATH replay a failure fast-check reported (docs/testing-fuzz.md).
 */
export function fuzzParameters(ciRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = process.env.FUZZ_SEED;
  const path = process.env.FUZZ_PATH;
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : ciRuns,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
  };
}
