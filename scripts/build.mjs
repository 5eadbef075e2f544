// Builds every program into out/: the renderer with Vite, the Node and Electron bundles with esbuild.
//   node scripts/build.mjs [--quiet] [--only=renderer|main|preload|core|sandbox|web|server|roster]
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { fileURLToPath } from 'node:url';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildRosterThread } from './roster-thread-bundle.mjs';
import { buildSandboxWorker } from './sandbox-bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// SQL migrations are bundled as text so a built program needs no files beside it (server/src/store/migrations).
const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: quiet ? 'warning' : 'info', absWorkingDir: root, loader: { '.sql': 'text' } };

/** Each target: how it is built. Packages stay external (installed node_modules) unless noted. */
const targets = {
  renderer: () => vite({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' }),
  // CommonJS main: electron-store is ESM-only, so it is bundled in rather than required (docs/electron-host-rules.md#settings-electron-store).
  main: () => esbuild({ ...node, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs', format: 'cjs', external: ['electron', 'better-sqlite3'] }),
  // A sandboxed preload is one CommonJS file that requires nothing but electron (docs/electron-host-rules.md#the-sandboxed-preload).
  preload: () => esbuild({ ...node, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs', external: ['electron'] }),
  // The core worker is CommonJS so it loads from inside app.asar (ESM workers there are untested).
  core: async () => {
    await esbuild({ ...node, entryPoints: ['electron/core/worker.ts'], outfile: 'out/core/worker.cjs', format: 'cjs', packages: 'external' });
    // The threads a large roster download reads in (electron/core/services/rosters/threads).
    await buildRosterThread({ root, dir: path.join(root, 'out', 'core'), logLevel: node.logLevel });
    await coreFonts();
  },
  // The embedded sandbox plan service the core starts in a worker thread: self-contained, see sandbox-bundle.mjs.
  sandbox: () => buildSandboxWorker({ root, outDir: path.join(root, 'out'), logLevel: quiet ? 'warning' : 'info' }),
  web: () => esbuild({ ...node, entryPoints: ['electron/web/main.ts'], outfile: 'out/web/main.mjs', format: 'esm', packages: 'external' }),
  server: () => esbuild({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'out/server/cli.mjs', format: 'esm', packages: 'external' }),
  // The roster command line (npm run roster): CommonJS like the core, whose roster code it runs.
  roster: async () => {
    await esbuild({ ...node, entryPoints: ['electron/core/cli/roster-cli.ts'], outfile: 'out/roster/cli.cjs', format: 'cjs', packages: 'external' });
    await buildRosterThread({ root, dir: path.join(root, 'out', 'roster'), logLevel: node.logLevel });
  },
};

/**
 * The Noto Sans files the core embeds in its PDFs (electron/core/exports/pdf-document.ts), copied
 * beside the bundle to out/core/fonts, where the bundled core looks for them: the packaged app then
 * carries them in out/ as it carries the sandbox's pdfkit fonts, whatever node_modules it ships.
 */
async function coreFonts() {
  const from = path.join(root, 'node_modules', '@fontsource', 'noto-sans', 'files');
  const to = path.join(root, 'out', 'core', 'fonts');
  await mkdir(to, { recursive: true });
  await Promise.all(['noto-sans-latin-400-normal.woff', 'noto-sans-latin-700-normal.woff'].map((file) => copyFile(path.join(from, file), path.join(to, file))));
}

const chosen = only ? [only] : Object.keys(targets);
for (const name of chosen) {
  const target = targets[name];
  if (!target) {
    console.error(`Unknown build target "${name}". Choose one of: ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
}
await Promise.all(chosen.map((name) => targets[name]()));
