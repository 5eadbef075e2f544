import type { SavedFile } from '@shared/contract/methods/rosters';
import { findBridge } from './bridge';

/**
 * Hands a file the core wrote to the host, which saves it where the user chooses. Resolves
 * `cancelled` when the user closed the save dialog; rejects with the host's reason on a failure.
 */
export async function saveCoreFile(file: SavedFile): Promise<'saved' | 'cancelled'> {
  const bridge = findBridge(window);
  if (bridge === null) throw new Error('This window cannot save files.');
  const result = await bridge.saveFile({ fileId: file.fileId, fileName: file.fileName });
  if (!result.ok) throw new Error(result.error.message);
  return result.value === null ? 'cancelled' : 'saved';
}
