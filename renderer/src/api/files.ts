import { useCallback } from 'react';
import type { Result } from '@shared/contract';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { useApi } from './ApiProvider';
import { useAnnouncer } from '../state/announcer';

/**
 * Files between the user and the core, the same on both hosts: `saveCoreFile` hands an export to the
 * user (Electron's save dialog, the browser's download) and announces where it went; `chooseFile`
 * lets the user pick a file and hands a copy to the core, answering its id for an import method.
 */
export function useCoreFiles() {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const saveCoreFile = useCallback(
    async (file: Pick<SavedFile, 'fileId' | 'fileName'>): Promise<Result<'saved' | 'cancelled'>> => {
      const result = await api.saveFile({ fileId: file.fileId, fileName: file.fileName });
      if (!result.ok) return result;
      if (result.value === null) {
        announce(`${file.fileName} was not saved.`);
        return { ok: true, value: 'cancelled' };
      }
      announce(`${result.value.savedAs} saved.`);
      return { ok: true, value: 'saved' };
    },
    [api, announce],
  );
  const chooseFile = useCallback((options: { title: string; extensions: readonly string[] }) => api.openFile(options), [api]);
  return { saveCoreFile, chooseFile };
}
