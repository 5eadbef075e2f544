import { formatInstant } from '../../components/format';
import type { DraftSaveState } from './use-wizard-draft';

/** "Draft saved 09:41": tells the user they can leave and come back. */
export function DraftStatus({ save }: { save: DraftSaveState }) {
  if (save.state === 'idle') return null;
  if (save.state === 'error') return <span className="wz-error-inline">Draft not saved: {save.message}</span>;
  return <span className="muted">Draft saved {formatInstant(save.at)}</span>;
}
