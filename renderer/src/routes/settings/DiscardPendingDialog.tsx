import { useRef } from 'react';
import type { ContractError } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface DiscardRequest {
  /** The core's own words: how many changes are unsent and where they would have gone. */
  message: string;
  /** What to do once the user agrees: the same call again with `discardPending: true`. */
  action: string;
  retry: () => void;
}

/** The core's RULE refusal that names `discardPending`: unsent changes stand in the way of switching. */
export const asksToDiscard = (error: ContractError, alreadyAsked: boolean): boolean =>
  !alreadyAsked && error.code === 'RULE' && error.fields?.['discardPending'] !== undefined;

/**
 * Switching plan service throws away changes not yet sent to the old one (they belong to its data).
 * The core refuses with RULE first; this asks the user before trying again with `discardPending`.
 */
export function DiscardPendingDialog({ request, onDismiss }: { request: DiscardRequest | null; onDismiss: () => void }) {
  // It opens after a call came back, not from a trigger: focus returns to what the user last used (Sign in, Use the sandbox).
  const returnTo = useRef<Element | null>(null);
  return (
    <ConfirmDialog
      open={request !== null}
      onOpenChange={(open) => !open && onDismiss()}
      onOpenAutoFocus={() => {
        returnTo.current = document.activeElement;
      }}
      onCloseAutoFocus={(e) => {
        e.preventDefault();
        const target = returnTo.current instanceof HTMLElement && returnTo.current.isConnected ? returnTo.current : document.getElementById('main');
        target?.focus();
      }}
      title="Discard changes not yet sent?"
      description={request?.message}
      cancelLabel="Keep them"
      confirmLabel={request?.action ?? 'Discard'}
      tone="danger"
      onConfirm={() => request?.retry()}
    >
      <p className="muted">To keep them, choose Keep them, reconnect to send them (Sync now in the status bar), then switch.</p>
    </ConfirmDialog>
  );
}
