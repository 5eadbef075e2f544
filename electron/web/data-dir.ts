import { accessSync, constants, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the browser host keeps its data when no --data-dir is given: a `web` folder inside the one
 * Electron's `app.getPath('userData')` uses for productName "GroupDesk". Not that folder itself: the
 * desktop app's store there is encrypted under its keychain key, and the browser host has a key file
 * of its own, so sharing one store left the data under one key unreadable by the other app.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'GroupDesk', 'web');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'GroupDesk', 'web');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'GroupDesk', 'web');
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
