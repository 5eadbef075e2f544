import { useMemo } from 'react';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { useApi } from './ApiProvider';

/**
 * Files between the user and the core, the same on both hosts: `saveCoreFile` hands a file the core
 * wrote to the user (Electron's save dialog, the browser's download); `chooseFile` lets the user
 * pick a file and hands a copy to the core, answering its id for an import method (null when the
 * user cancelled). A host's refusal is thrown with its message, for the caller to show.
 */
export function useCoreFiles() {
  const api = useApi();
  return useMemo(
    () => ({
      async saveCoreFile(file: Pick<SavedFile, 'fileId' | 'fileName'>): Promise<'saved' | 'cancelled'> {
        const result = await api.saveFile({ fileId: file.fileId, fileName: file.fileName });
        if (!result.ok) throw new Error(result.error.message);
        return result.value === null ? 'cancelled' : 'saved';
      },
      async chooseFile(options: { title: string; extensions: readonly string[] }): Promise<{ fileId: string; fileName: string; bytes: number } | null> {
        const result = await api.openFile(options);
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      },
    }),
    [api],
  );
}
