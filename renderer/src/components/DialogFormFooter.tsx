import { Dialog } from 'radix-ui';

interface Props {
  /** The refusal of the last submit, read out as an alert; null when there is none. */
  problem: string | null;
  busy: boolean;
  submitLabel: string;
  /** What the submit button says while the request is out, e.g. "Sending…". */
  busyLabel: string;
  closeLabel?: string;
  /** Beyond `busy`: a submit that cannot succeed (no tries left). */
  submitDisabled?: boolean;
}

/**
 * The end of a form in a dialog: the plan's refusal, then Cancel and the submit button, both held
 * while the request is out so a second click neither closes the dialog nor sends it twice.
 */
export function DialogFormFooter({ problem, busy, submitLabel, busyLabel, closeLabel = 'Cancel', submitDisabled = false }: Props) {
  return (
    <>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button" className="button" disabled={busy}>
            {closeLabel}
          </button>
        </Dialog.Close>
        <button type="submit" className="button button-primary" disabled={busy || submitDisabled}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
