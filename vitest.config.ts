import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** Imports `.sql` files as their text, as the esbuild `text` loader does in scripts/build.mjs. */
const sqlText: Plugin = {
  name: 'sql-text',
  transform: (code, id) => (id.endsWith('.sql') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined),
};

// Test helpers live in test-support/ folders and are never collected as tests, whatever their names.
const helpers = [...configDefaults.exclude, '**/test-support/**'];

// Two projects: Node for shared/, electron/ and server/ code, jsdom for renderer components.
// electron-store imports `electron` at load; inlining it lets tests replace `electron` with a fake.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [sqlText],
        resolve: { tsconfigPaths: true },
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/support/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/tutorials/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: helpers,
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { tsconfigPaths: true },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // The screens show instants in the user's time zone; the tests fix which one instead of
          // taking the machine's. UTC+14, where the local day runs ahead of UTC's from 10:00 UTC on,
          // so a screen that mistakes a UTC day for the local one (or the reverse) fails everywhere.
          env: { TZ: 'Pacific/Kiritimati' },
          include: ['renderer/**/*.test.{ts,tsx}'],
          exclude: helpers,
          setupFiles: ['renderer/src/test-support/setup.ts'],
        },
      },
    ],
  },
});
