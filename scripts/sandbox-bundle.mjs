// How out/sandbox/ is built: scripts/build.mjs's `sandbox` target, and the tests that run the built
// worker (electron/sandbox/worker-bundle.test.ts) so they check what ships.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** PGlite's runtime files, read at run time from beside the code that loads them (`new URL(…, import.meta.url)`). */
const PGLITE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];

/**
 * The embedded sandbox plan service: electron/sandbox/worker.ts → `<outDir>/sandbox/worker.mjs`, one
 * ESM file with every JavaScript dependency inside (the plan service, Fastify, PGlite …) and PGlite's
 * wasm and data copied beside it. Self-contained, so electron-builder can unpack out/sandbox/ from
 * app.asar and Node loads it from the real file system: an ESM worker and PGlite's files are then
 * never read from inside the archive (electron-host.md §3.1; build/electron-builder.config.cjs).
 * External: Node built-ins; @node-rs/argon2, a native addon (.node files cannot be bundled), resolved
 * from node_modules (unpacked too); pg-native, which pg requires only when asked to.
 */
export async function buildSandboxWorker({ root, outDir, logLevel = 'info' }) {
  const sandboxDir = path.join(outDir, 'sandbox');
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel,
    absWorkingDir: root,
    // SQL migrations are bundled as text (server/src/store/migrations).
    loader: { '.sql': 'text' },
    entryPoints: ['electron/sandbox/worker.ts'],
    outfile: path.join(sandboxDir, 'worker.mjs'),
    format: 'esm',
    external: ['@node-rs/argon2', 'pg-native'],
    // Bundled CommonJS packages call require(); in an ESM file it must be defined.
    banner: { js: "import { createRequire as __sandboxCreateRequire } from 'node:module'; const require = __sandboxCreateRequire(import.meta.url);" },
  });
  const pgliteDist = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'dist');
  await mkdir(sandboxDir, { recursive: true });
  await Promise.all(PGLITE_FILES.map((file) => copyFile(path.join(pgliteDist, file), path.join(sandboxDir, file))));
}
