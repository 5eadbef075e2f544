import type { GroupDeskBridge } from '@shared/contract/bridge';
import type { SavedFile } from '@shared/contract/methods/rosters';

type FileBridge = Pick<GroupDeskBridge, 'saveFile' | 'openFile'>;

function fileBridge(): FileBridge {
  const candidate = (window as { groupdesk?: Partial<FileBridge> }).groupdesk;
  if (typeof candidate?.saveFile !== 'function' || typeof candidate.openFile !== 'function') throw new Error('This window cannot save or open files.');
  return candidate as FileBridge;
}

/** Saves a file the core wrote where the user chooses; a refusal of the host is thrown with its message. */
export async function saveCoreFile(file: SavedFile): Promise<'saved' | 'cancelled'> {
  const result = await fileBridge().saveFile({ fileId: file.fileId, fileName: file.fileName });
  if (!result.ok) throw new Error(result.error.message);
  return result.value === null ? 'cancelled' : 'saved';
}

/** Lets the user pick a file and hands a copy to the core; null when the user cancelled. */
export async function chooseFile(options: { title: string; extensions: string[] }): Promise<{ fileId: string; fileName: string; bytes: number } | null> {
  const result = await fileBridge().openFile(options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
