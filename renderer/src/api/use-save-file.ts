import { useCallback, useState } from 'react';
import type { Result } from '@shared/contract';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { useAnnouncer } from '../state/announcer';
import { useCoreFiles } from './files';

/**
 * Asks the core for a file (a template, a report, an acknowledgment) and hands it to the user's save
 * dialog, announcing the outcome; a refusal of either is kept to show beside the buttons.
 */
export function useSaveFile() {
  const announce = useAnnouncer((s) => s.announce);
  const { saveCoreFile } = useCoreFiles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = useCallback(
    async (write: () => Promise<Result<SavedFile>>) => {
      setBusy(true);
      setProblem(null);
      try {
        const written = await write();
        if (!written.ok) throw new Error(written.error.message);
        const outcome = await saveCoreFile(written.value);
        announce(outcome === 'saved' ? `${written.value.fileName} saved.` : `${written.value.fileName} was not saved.`);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setProblem(message);
        announce(message);
      } finally {
        setBusy(false);
      }
    },
    [announce, saveCoreFile],
  );

  return { busy, problem, save };
}
