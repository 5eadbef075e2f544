import { DataFolderInUseError } from '../../server/src/store/folder-lock';

/**
 * What the sandbox worker reports when the embedded service fails: the error's kind (its class and a
 * system code such as ENOSPC or EACCES) and what to do. Never the error's text: a database error can
 * quote a row ("Key (member_id)=(…)") and a file error names a folder under the user's home, and
 * the message is logged and shown. The core puts it after "The sandbox plan service could not start: ".
 */
export function failureMessage(error: unknown): string {
  // Our own words: the lock's message names the folder, which holds the user's name on most systems.
  if (error instanceof DataFolderInUseError) return 'Another GroupDesk (the app or its browser version) is using the sandbox in this data folder. Close it, then restart GroupDesk.';
  const kind = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? `${kind} ${code}` : kind;
  return `${detail}. Restart GroupDesk to try again; your data is kept.`;
}
