// How the roster reading thread is built: scripts/build.mjs's `core` and `roster` targets put it
// beside the bundle that starts it; the bench and the thread's test build their own copy.
import { build } from 'esbuild';
import path from 'node:path';

/**
 * electron/core/services/rosters/threads/roster-thread.ts → `<dir>/roster-thread.cjs`, CommonJS like
 * the core worker (it loads from inside app.asar the same way); packages stay external, as in the
 * core's bundle, so it loads the same better-sqlite3.
 */
export async function buildRosterThread({ root, dir, logLevel = 'info' }) {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel,
    absWorkingDir: root,
    packages: 'external',
    format: 'cjs',
    entryPoints: ['electron/core/services/rosters/threads/roster-thread.ts'],
    outfile: path.join(dir, 'roster-thread.cjs'),
  });
  return path.join(dir, 'roster-thread.cjs');
}
