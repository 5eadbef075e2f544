import { accessSync, constants, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where GroupDesk keeps its data when no --data-dir is given: the same folder Electron's
 * `app.getPath('userData')` uses for productName "GroupDesk", so both hosts open one store.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'GroupDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'GroupDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'GroupDesk');
}

export type DataDirCheck = { ok: true; dir: string } | { ok: false; dir: string; message: string };

/** Creates the folder if needed and proves it can be written, so a bad path is one clear line, not a stack trace. */
export function prepareDataDir(dir: string): DataDirCheck {
  const resolved = path.resolve(dir);
  try {
    mkdirSync(resolved, { recursive: true, mode: 0o700 });
    accessSync(resolved, constants.W_OK | constants.R_OK);
    return { ok: true, dir: resolved };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    return { ok: false, dir: resolved, message: `GroupDesk cannot write its data folder ${resolved} (${reason}). Choose another with --data-dir DIR.` };
  }
}
