import { useRef } from 'react';
import { AlertDialog } from 'radix-ui';
import type { ContractError } from '@shared/contract';

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
    <AlertDialog.Root open={request !== null} onOpenChange={(open) => !open && onDismiss()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog confirm"
          onOpenAutoFocus={() => {
            returnTo.current = document.activeElement;
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            const target = returnTo.current instanceof HTMLElement && returnTo.current.isConnected ? returnTo.current : document.getElementById('main');
            target?.focus();
          }}
        >
          <AlertDialog.Title className="dialog-title">Discard changes not yet sent?</AlertDialog.Title>
          <AlertDialog.Description>{request?.message}</AlertDialog.Description>
          <p className="muted">To keep them, choose Keep them, reconnect to send them (Sync now in the status bar), then switch.</p>
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button">
                Keep them
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="button button-danger" onClick={() => request?.retry()}>
                {request?.action ?? 'Discard'}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
