import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The core worker bundle beside the main bundle: out/main/index.cjs → out/core/worker.cjs. Absolute,
 * from `__dirname` of the bundle (inside app.asar when packaged) — a relative path would resolve
 * against the cwd, which is `/` on macOS (docs/electron-host-rules.md#asar-paths-and-the-core-worker).
 */
export function coreWorkerPath(mainDir: string): string {
  return path.join(mainDir, '..', 'core', 'worker.cjs');
}

/**
 * The embedded sandbox plan service's worker (out/sandbox/worker.mjs), which the core starts. A
 * packaged app runs it from app.asar.unpacked, where electron-builder's asarUnpack puts out/sandbox/:
 * an ESM worker and PGlite's wasm and data are read from the real file system, never from the
 * archive (build/electron-builder.config.cjs, scripts/sandbox-bundle.mjs).
 */
export function sandboxWorkerPath(mainDir: string, isPackaged: boolean): string {
  const bundled = path.join(mainDir, '..', 'sandbox', 'worker.mjs');
  return isPackaged ? unpackedPath(bundled) : bundled;
}

/** The preload and renderer bundles, likewise beside the main bundle. */
export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'index.cjs');
}
export function rendererRoot(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

/**
 * better-sqlite3's compiled addon, resolved in main and handed to the worker as an absolute path, so
 * loading it never depends on cwd (`nativeBinding` resolves relative to cwd). A `.node` file cannot
 * be loaded from inside an archive, so a packaged app reads it from app.asar.unpacked, where
 * electron-builder's `asarUnpack: ['**\/*.node']` puts it. Undefined when the
 * file is not there (a build that placed it elsewhere): better-sqlite3 then searches itself.
 */
export function nativeBindingPath(mainDir: string, isPackaged: boolean): string | undefined {
  const require = createRequire(path.join(mainDir, 'noop.js'));
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  } catch {
    return undefined;
  }
  const binding = path.join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  const onDisk = isPackaged ? unpackedPath(binding) : binding;
  return existsSync(onDisk) ? onDisk : undefined;
}

/** The same file in the unpacked twin of app.asar, where native files live; other paths unchanged. */
export function unpackedPath(file: string): string {
  return file.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}
