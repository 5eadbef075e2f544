import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { filesFolderName, isFileId } from '@shared/util/file-ids';

/**
 * How files cross between the user and the core, for both hosts. The core writes exports into the
 * data folder's `files/` and reads imports from there; a host moves a file between that folder and
 * the place the user chose (a save or open dialog, a browser download or upload). Every write goes
 * to a temporary name first and is renamed only when complete, so a crash leaves no half file.
 */

/** Imports larger than this are refused before they fill the disk (a 250,000-member 834 is ~150 MB). */
export const MAX_RECEIVED_BYTES = 512 * 1024 * 1024;

export class FileTooLargeError extends Error {
  constructor() {
    super(`The file is larger than ${MAX_RECEIVED_BYTES / (1024 * 1024)} MB.`);
    this.name = 'FileTooLargeError';
  }
}

const folderOf = (dataDir: string): string => path.join(dataDir, filesFolderName);

/** The path of a file the core wrote, or null when the id is malformed or the file is gone. */
export function coreFilePath(dataDir: string, fileId: string): string | null {
  if (!isFileId(fileId)) return null;
  const file = path.join(folderOf(dataDir), fileId);
  return fs.existsSync(file) ? file : null;
}

/** A file name safe to offer in a dialog or a download: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  // Control characters and the characters Windows forbids in names become underscores.
  const cleaned = [...base].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '<>:"/\\|?*'.includes(c) ? '_' : c)).join('').slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'groupdesk-file' : cleaned;
}

/** Streams `source` into the core's files folder; resolves with the new file's id and size. */
export async function receiveFile(dataDir: string, source: Readable, maxBytes = MAX_RECEIVED_BYTES): Promise<{ fileId: string; bytes: number }> {
  const folder = folderOf(dataDir);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const fileId = randomUUID();
  const finalPath = path.join(folder, fileId);
  const temporaryPath = `${finalPath}.part`;
  let bytes = 0;
  // Opened before the copy starts, so a source that fails at once cannot leave the temporary file
  // to be created after it was removed.
  const target = await fs.promises.open(temporaryPath, 'w', 0o600).catch((error: unknown) => {
    // The source is never read: let it close its file now rather than when it is collected.
    source.destroy();
    throw error;
  });
  try {
    await pipeline(
      source,
      async function* limit(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw new FileTooLargeError();
          yield chunk;
        }
      },
      target.createWriteStream(),
    );
    fs.renameSync(temporaryPath, finalPath);
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
  return { fileId, bytes };
}

/**
 * Copies a core file to where the user chose, whole or not at all (a temporary file beside the
 * destination, then a rename, so an existing file there is replaced only by a complete one), then
 * removes it from the files folder: it was written for this one save.
 */
export async function deliverFile(source: string, destination: string): Promise<void> {
  const temporaryPath = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomUUID()}.part`);
  const target = await fs.promises.open(temporaryPath, 'w');
  try {
    await pipeline(fs.createReadStream(source), target.createWriteStream());
    fs.renameSync(temporaryPath, destination);
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
  fs.rmSync(source, { force: true });
}
