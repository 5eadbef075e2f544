import fs from 'node:fs';
import { once } from 'node:events';

/**
 * A new owner-only file to write a download into, already open. `fs.createWriteStream(path)` opens
 * lazily, so a writer that fails before its first write could remove the path and then have the
 * stream create it afterwards: an empty file left behind. Waiting for the open closes that gap.
 */
export async function openOutputFile(filePath: string): Promise<fs.WriteStream> {
  const stream = fs.createWriteStream(filePath, { mode: 0o600 });
  await once(stream, 'ready');
  return stream;
}
