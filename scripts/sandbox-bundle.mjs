// How out/sandbox/ is built: scripts/build.mjs's `sandbox` target, and the test that runs the built
// worker (electron/sandbox/worker-bundle.test.ts) so it checks what ships.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** PGlite's runtime files, read at run time from beside the code that loads them (`new URL(…, import.meta.url)`). */
const PGLITE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];
/** electron/sandbox/database-template.ts's TEMPLATE_DIR. */
const TEMPLATE_DIR = 'plan-service-template';
/** Where the Noto Sans files the plan's PDFs embed are copied, beside the bundle (server/src/services/pdf/noto-pdf.ts). */
const PDF_FONTS_DIR = 'fonts';
const NOTO_SANS_FILES = ['noto-sans-latin-400-normal.woff', 'noto-sans-latin-700-normal.woff'];

const common = (root, logLevel) => ({ bundle: true, platform: 'node', target: 'node20', logLevel, absWorkingDir: root, loader: { '.sql': 'text' } });

/**
 * The embedded sandbox plan service: electron/sandbox/worker.ts → `<outDir>/sandbox/worker.mjs`, one
 * ESM file with every JavaScript dependency inside (the plan service, Fastify, PGlite …), with
 * PGlite's wasm and data, the Noto Sans files its PDFs embed and the empty database
 * template copied beside it. Self-contained, so
 * electron-builder can unpack out/sandbox/ from app.asar and Node loads it from the real file
 * system: an ESM worker and PGlite's files are then never read from inside the archive
 * (only CommonJS workers are known to load from asar; build/electron-builder.config.cjs).
 * External: Node built-ins; @node-rs/argon2, a native addon (.node files cannot be bundled), resolved
 * from node_modules (unpacked too); pg-native, which pg requires only when asked to.
 */
export async function buildSandboxWorker({ root, outDir, logLevel = 'info' }) {
  await mkdir(path.join(outDir, 'sandbox'), { recursive: true });
  const sandboxDir = path.join(outDir, 'sandbox');
  await build({
    ...common(root, logLevel),
    sourcemap: 'linked',
    entryPoints: ['electron/sandbox/worker.ts'],
    outfile: path.join(sandboxDir, 'worker.mjs'),
    format: 'esm',
    external: ['@node-rs/argon2', 'pg-native'],
    // Bundled CommonJS packages call require(); in an ESM file it must be defined.
    banner: { js: "import { createRequire as __sandboxCreateRequire } from 'node:module'; const require = __sandboxCreateRequire(import.meta.url);" },
  });
  const pgliteDist = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'dist');
  await Promise.all(PGLITE_FILES.map((file) => copyFile(path.join(pgliteDist, file), path.join(sandboxDir, file))));
  await rm(path.join(sandboxDir, PDF_FONTS_DIR), { recursive: true, force: true });
  await mkdir(path.join(sandboxDir, PDF_FONTS_DIR));
  await Promise.all(NOTO_SANS_FILES.map((file) => copyFile(path.join(root, 'node_modules', '@fontsource', 'noto-sans', 'files', file), path.join(sandboxDir, PDF_FONTS_DIR, file))));
  await rm(path.join(sandboxDir, TEMPLATE_DIR), { recursive: true, force: true });
  await cp(await databaseTemplate(root), path.join(sandboxDir, TEMPLATE_DIR), { recursive: true });
}

/**
 * The empty database folder (electron/sandbox/database-template.ts). Making one runs initdb, so it is
 * kept in node_modules/.cache under a hash of what decides its content — the migrations, PGlite's
 * version and the code that makes it — and made again only when one of them changes.
 */
async function databaseTemplate(root) {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'groupdesk-sandbox-template');
  const migrations = path.join(root, 'server', 'src', 'store', 'migrations');
  const hash = createHash('sha256');
  for (const file of [
    ...(await readdir(migrations)).sort().map((name) => path.join(migrations, name)),
    path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'),
    path.join(root, 'electron', 'sandbox', 'database-template.ts'),
  ]) {
    hash.update(file).update(await readFile(file));
  }
  const cached = path.join(cacheDir, hash.digest('hex').slice(0, 16));
  if (existsSync(cached)) return cached;
  await mkdir(cacheDir, { recursive: true });
  // PGlite stays external here: this runs from the cache folder and finds PGlite in node_modules.
  const maker = path.join(cacheDir, `make-template-${process.pid}.mjs`);
  await build({ ...common(root, 'warning'), entryPoints: ['electron/sandbox/database-template.ts'], outfile: maker, format: 'esm', packages: 'external' });
  const partial = `${cached}.${process.pid}.partial`;
  try {
    const { makeDatabaseTemplate } = await import(pathToFileURL(maker).href);
    await makeDatabaseTemplate(partial);
    await rename(partial, cached);
  } finally {
    await rm(maker, { force: true });
    await rm(partial, { recursive: true, force: true });
  }
  return cached;
}
