import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractFailure } from '@shared/contract';
import { filesFolderName, isFileId } from '@shared/util/file-ids';

/**
 * The data folder's `files/`: exports the core wrote for a host to save, and files a host received
 * for the core to read. Owner-only (0700/0600): they hold member data.
 */
export class FileStore {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, filesFolderName);
  }

  /** The path of a file by its id; NOT_FOUND when there is no such file. */
  pathOf(fileId: string): string {
    if (!isFileId(fileId)) throw new ContractFailure('VALIDATION', 'Not a file this app wrote or received.');
    const file = path.join(this.folder, fileId);
    if (!fs.existsSync(file)) throw new ContractFailure('NOT_FOUND', 'That file is no longer here. Choose it again.');
    return file;
  }

  /**
   * Writes a new file whole or not at all: `write` fills a temporary file, which is flushed to disk
   * and renamed into place only when `write` resolved. A failure or an abort leaves nothing behind.
   */
  async writeNew(write: (temporaryPath: string) => Promise<void>): Promise<{ fileId: string; path: string; bytes: number }> {
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const fileId = randomUUID();
    const finalPath = path.join(this.folder, fileId);
    const temporaryPath = `${finalPath}.part`;
    try {
      await write(temporaryPath);
      fs.chmodSync(temporaryPath, 0o600);
      const handle = fs.openSync(temporaryPath, 'r+');
      try {
        fs.fsyncSync(handle);
      } finally {
        fs.closeSync(handle);
      }
      fs.renameSync(temporaryPath, finalPath);
    } catch (error) {
      fs.rmSync(temporaryPath, { force: true });
      throw error;
    }
    return { fileId, path: finalPath, bytes: fs.statSync(finalPath).size };
  }

  /** Removes files (and abandoned `.part`s) older than `maxAgeMs`: exports are saved at once, imports read at once. */
  sweep(now: Date, maxAgeMs: number): number {
    let removed = 0;
    for (const entry of fs.existsSync(this.folder) ? fs.readdirSync(this.folder) : []) {
      const file = path.join(this.folder, entry);
      if (now.getTime() - fs.statSync(file).mtimeMs > maxAgeMs) {
        fs.rmSync(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
