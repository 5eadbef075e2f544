import { useState } from 'react';
import { flushSync } from 'react-dom';
import { formatCount } from '../../components/format';
import { useAnnouncer } from '../../state/announcer';
import { useRosterSelection } from './selection-store';
import { BulkActionDialog } from './bulk/BulkActionDialog';
import type { BulkKind } from './bulk/BulkActionDialog';
import { selectedPhrase } from './use-row-selection';

/** Shown while members are ticked: how many, and what can be done to all of them at once. */
export function SelectionBar({ groupNumber }: { groupNumber: string }) {
  const rows = useRosterSelection((s) => s.rows);
  const clear = useRosterSelection((s) => s.clear);
  const announce = useAnnouncer((s) => s.announce);
  const [dialog, setDialog] = useState<BulkKind | null>(null);

  /** Back to the button that opened the dialog, or, when the selection went with it, to the roster row. */
  const close = (kind: BulkKind) => {
    flushSync(() => setDialog(null));
    const opener = document.querySelector<HTMLElement>(`.selection-bar [data-bulk="${kind}"]`);
    const target = opener ?? document.querySelector<HTMLElement>('[role="grid"] [role="row"][tabindex="0"]') ?? document.getElementById('main');
    target?.focus();
  };
  if (rows.size === 0 && dialog === null) return null;
  const members = [...rows.values()];
  return (
    <div className="selection-bar" role="region" aria-label="Selected members">
      <span className="selection-count">{formatCount(rows.size)} selected</span>
      <button type="button" className="button" data-bulk="terminate" onClick={() => setDialog('terminate')} disabled={rows.size === 0}>
        Terminate…
      </button>
      <button type="button" className="button" data-bulk="id_cards" onClick={() => setDialog('id_cards')} disabled={rows.size === 0}>
        Request ID cards…
      </button>
      <button type="button" className="button" data-bulk="address" onClick={() => setDialog('address')} disabled={rows.size === 0}>
        Change address…
      </button>
      <button
        type="button"
        className="button button-ghost"
        onClick={() => {
          clear();
          announce(selectedPhrase(0));
        }}
      >
        Clear selection
      </button>
      {dialog && (
        <BulkActionDialog
          kind={dialog}
          groupNumber={groupNumber}
          members={members}
          onClose={() => close(dialog)}
          onQueued={() => clear()}
        />
      )}
    </div>
  );
}
