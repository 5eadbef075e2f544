import { vi } from 'vitest';
import type { Transport } from '../api/transport';

/**
 * The host's save and open dialogs on a fake transport: saving answers with the file's own name,
 * opening with `opened` (or null: the user cancelled). Returns the spies to assert on.
 */
export function installFakeFiles(transport: Transport, opened: { fileId: string; fileName: string; bytes: number } | null = null) {
  const saveFile = vi.fn<Transport['saveFile']>((file) => Promise.resolve({ ok: true, value: { savedAs: file.fileName } }));
  const openFile = vi.fn<Transport['openFile']>(() => Promise.resolve({ ok: true, value: opened }));
  Object.assign(transport, { saveFile, openFile });
  return { saveFile, openFile };
}
