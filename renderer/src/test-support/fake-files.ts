import { vi } from 'vitest';
import type { GroupDeskBridge } from '@shared/contract/bridge';

type FileBridge = Pick<GroupDeskBridge, 'saveFile' | 'openFile'>;

/**
 * The host's save and open dialogs, as `window.groupdesk` offers them: saving answers with the file's
 * own name, opening with `opened` (or null, the user cancelled). Remove with `removeFakeFiles`.
 */
export function installFakeFiles(opened: { fileId: string; fileName: string; bytes: number } | null = null) {
  const saveFile = vi.fn<FileBridge['saveFile']>((file) => Promise.resolve({ ok: true, value: { savedAs: file.fileName } }));
  const openFile = vi.fn<FileBridge['openFile']>(() => Promise.resolve({ ok: true, value: opened }));
  Object.defineProperty(window, 'groupdesk', { configurable: true, value: { saveFile, openFile } });
  return { saveFile, openFile };
}

export const removeFakeFiles = () => Reflect.deleteProperty(window, 'groupdesk');
