import type { ReactNode } from 'react';
import { AlertDialog } from 'radix-ui';

type ContentProps = AlertDialog.AlertDialogContentProps;

export interface ConfirmDialogProps {
  /** The button that opens the dialog; focus goes back to it when the dialog closes. */
  trigger?: ReactNode;
  /** For a dialog opened by what happened rather than by a trigger (a refused call, a row's button). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The question; it names the dialog for a screen reader. */
  title: ReactNode;
  /** What confirming does; a screen reader reads it as the dialog opens. */
  description: ReactNode;
  /** Anything to read after the description (how to avoid the loss, say). */
  children?: ReactNode;
  /** The way out, which keeps things as they are. */
  cancelLabel: ReactNode;
  confirmLabel: ReactNode;
  /** `danger` when confirming deletes or undoes something. */
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  /** Where focus goes when there is no trigger to return to. */
  onOpenAutoFocus?: ContentProps['onOpenAutoFocus'];
  onCloseAutoFocus?: ContentProps['onCloseAutoFocus'];
}

/**
 * A yes-or-no question before an action that cannot be taken back. Radix's alert dialog traps focus,
 * starts it on Cancel (so Enter never confirms by accident), closes on Escape but not on a click
 * outside, and gives the dialog its title and description as accessible name and description.
 */
export function ConfirmDialog({ trigger, open, onOpenChange, title, description, children, cancelLabel, confirmLabel, tone = 'primary', onConfirm, onOpenAutoFocus, onCloseAutoFocus }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog confirm" onOpenAutoFocus={onOpenAutoFocus} onCloseAutoFocus={onCloseAutoFocus}>
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description>{description}</AlertDialog.Description>
          {children}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button">
                {cancelLabel}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className={`button button-${tone}`} onClick={onConfirm}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
