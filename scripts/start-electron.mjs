// `npm start`: builds GroupDesk and opens it in Electron.
//
// The `electron` npm package (42+) holds only types and a downloader: the binary is fetched lazily the
// first time anything runs `require('electron')`, and that download fails on machines without GitHub
// access (docs/electron-host-rules.md#testing-without-the-electron-binary). So this script looks for the binary the way
// node_modules/electron/index.js does — path.txt plus dist/, or ELECTRON_OVERRIDE_DIST_PATH — without
// ever requiring the package, and says what to do instead when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronPackage = path.join(root, 'node_modules', 'electron');

/** The Electron executable if it is on disk, else null. Never downloads. */
function electronExecutable() {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate = null;
  if (override) candidate = path.join(override, relative || 'electron');
  else if (relative) candidate = path.join(electronPackage, 'dist', relative);
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

const executable = electronExecutable();
if (executable === null) {
  console.error('GroupDesk: the Electron binary is not installed on this machine; run "npm run web" to use GroupDesk in your browser.');
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// ELECTRON_RUN_AS_NODE would turn Electron into plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(executable, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`GroupDesk: could not start Electron (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
