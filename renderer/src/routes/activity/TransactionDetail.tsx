import { useEffect, useRef, useState } from 'react';
import { Dialog } from 'radix-ui';
import { Link } from '@tanstack/react-router';
import type { ContractError, MethodOutput } from '@shared/contract';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';
import { useApi, useCoreEvent } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { useAnnouncer } from '../../state/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { formatDatesIn, formatInstant } from '../../components/format';
import { TransactionBadge, fieldLabel, resolvedLabels, transactionKindLabels, transactionStatusLabels } from './labels';
import { RequestView } from './RequestView';
import { requestMemberId, useOpenWizard, wizardForKind } from './open-wizard';
import { openDocument } from './open-document';
import { CancelBatchButton } from './CancelBatchButton';

type Transaction = MethodOutput<'transactions.get'>;

interface Props {
  groupNumber: string;
  /** The transaction shown (from `?id=`); the panel is closed without one. */
  id: number | undefined;
  /** Whether this user may change members in this group (cancel, correct). */
  canWrite: boolean;
  onClose: () => void;
  /** Closes the panel onto the tab of this status (where a cancelled or corrected change now is). */
  onShowTab: (status: TransactionStatus) => void;
}

/**
 * One change in full, in a side panel: what was sent, the plan's answer (with each field it refused
 * and why), attempts, and what can still be done with it.
 */
export function TransactionDetail({ groupNumber, id, canWrite, onClose, onShowTab }: Props) {
  const detail = useQuery('transactions.get', id === undefined ? null : { groupNumber, id });
  const reload = detail.reload;
  useCoreEvent((event) => {
    if (event.type === 'activity.changed' && event.groupNumber === groupNumber) reload();
  });
  // Opened from the address, not from a trigger: put focus back on the row's link (or the page) when it closes.
  const closingId = useRef<number | undefined>(undefined);
  const data = detail.data && detail.data.id === id ? detail.data : null;

  return (
    <Dialog.Root
      open={id !== undefined}
      onOpenChange={(open) => {
        if (open) return;
        closingId.current = id;
        onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="sheet"
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            const row = document.querySelector<HTMLElement>(`[data-activity-id="${closingId.current}"]`);
            (row ?? document.getElementById('main'))?.focus();
          }}
        >
          <div className="sheet-header">
            <Dialog.Title className="dialog-title">{data ? data.summary : `Change ${id ?? ''}`}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="button button-ghost">
                Close
              </button>
            </Dialog.Close>
          </div>
          <div className="sheet-body">
            {detail.status === 'error' && !data ? (
              <ErrorState title={detail.error.code === 'NOT_FOUND' ? 'No such change in this group' : 'This change could not be loaded'} error={detail.error} onRetry={reload} />
            ) : !data ? (
              <SkeletonBlock label="Loading the change…" lines={6} />
            ) : (
              <TransactionView
                transaction={data}
                canWrite={canWrite}
                onChanged={reload}
                onShowTab={(status) => {
                  closingId.current = id;
                  onShowTab(status);
                }}
              />
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function TransactionView({
  transaction: t,
  canWrite,
  onChanged,
  onShowTab,
}: {
  transaction: Transaction;
  canWrite: boolean;
  onChanged: () => void;
  onShowTab: (status: TransactionStatus) => void;
}) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const openWizard = useOpenWizard();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  // Set by a cancel or withdraw here: its confirmation takes the focus the vanished button had.
  const [justCancelled, setJustCancelled] = useState(false);
  const wizard = wizardForKind(t.kind);
  const memberId = requestMemberId(t.request, t.memberIds[0] ?? null);
  const canCorrect = canWrite && t.status === 'rejected' && t.draftId !== null && wizard !== null;

  const cancel = async () => {
    setBusy(true);
    const result = await api.call('transactions.cancel', { groupNumber: t.groupNumber, id: t.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setJustCancelled(true);
    announce(t.status === 'rejected' ? `Withdrawn: ${t.summary}.` : `Cancelled: ${t.summary}. Nothing was sent to the plan.`);
    onChanged();
  };

  const correct = () => {
    if (!wizard || t.draftId === null) return;
    if (!openWizard(wizard, memberId, { draft: t.draftId, replaces: t.id })) setError({ code: 'NOT_FOUND', message: 'This change names no member to correct it for.' });
  };

  const print = async () => {
    setBusy(true);
    const result = await api.call('transactions.document', { groupNumber: t.groupNumber, id: t.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const outcome = openDocument(result.value);
    announce(outcome === 'opened' ? `${result.value.fileName} opened in a new window.` : `${result.value.fileName} downloaded.`);
  };

  const resolved = resolvedLabels[t.status];
  return (
    <>
      <p className="tx-status">
        <TransactionBadge status={t.status} />
        {t.confirmationNumber && (
          <span>
            Confirmation number <span className="mono strong">{t.confirmationNumber}</span>
          </span>
        )}
      </p>

      {t.error && (t.status === 'rejected' || t.status === 'corrected') && (
        <section className="tx-rejection" aria-labelledby="tx-rejection-title">
          <h3 id="tx-rejection-title" className="tx-section-title">
            Why the plan refused it
          </h3>
          <p>{formatDatesIn(t.error.message)}</p>
          {t.error.fields && Object.keys(t.error.fields).length > 0 && (
            <ul className="tx-field-errors">
              {Object.entries(t.error.fields).map(([path, message]) => (
                <li key={path}>
                  <span className="strong">{fieldLabel(path)}:</span> {formatDatesIn(message)}
                </li>
              ))}
            </ul>
          )}
          {t.status === 'rejected' && t.draftId !== null && <p className="muted">Your input is kept. Correct and resend opens it in the form, ready to fix.</p>}
          {t.replacedBy !== null && (
            <p>
              Corrected by{' '}
              <Link to="/activity" search={{ id: t.replacedBy }}>
                change {t.replacedBy}
              </Link>
              .
            </p>
          )}
        </section>
      )}
      {t.replaces !== null && (
        <p>
          Corrects{' '}
          <Link to="/activity" search={{ id: t.replaces }}>
            change {t.replaces}
          </Link>
          , which the plan refused.
        </p>
      )}
      {t.batch && (
        <section className="tx-batch" aria-labelledby="tx-batch-title">
          <h3 id="tx-batch-title" className="tx-section-title">
            Part of {t.batch.label}
          </h3>
          <p className="muted">It was queued with others in one batch; the changes of the batch not yet sent can be cancelled together.</p>
          {canWrite && <CancelBatchButton groupNumber={t.groupNumber} batchId={t.batch.id} batchLabel={t.batch.label} buttonLabel="Cancel the rest of this batch" onCancelled={onChanged} />}
        </section>
      )}
      {(t.status === 'cancelled' || t.status === 'corrected') && <WhereItIs status={t.status} focus={justCancelled} onShowTab={onShowTab} />}
      {t.error && (t.status === 'queued' || t.status === 'sent') && (
        <p className="muted">
          Last attempt: {formatDatesIn(t.error.message)} GroupDesk keeps trying{t.attempts > 0 ? ` (${t.attempts} ${t.attempts === 1 ? 'attempt' : 'attempts'} so far)` : ''}.
        </p>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="tx-actions">
        {canWrite && t.status === 'queued' && <CancelButton summary={t.summary} disabled={busy} onConfirm={() => void cancel()} />}
        {canWrite && t.status === 'rejected' && <CancelButton summary={t.summary} disabled={busy} onConfirm={() => void cancel()} withdraw />}
        {canCorrect && (
          <button type="button" className="button button-primary" onClick={correct}>
            Correct and resend
          </button>
        )}
        {t.hasDocument && (
          <button type="button" className="button" onClick={() => void print()} disabled={busy}>
            Print form
          </button>
        )}
      </div>

      <dl className="fields tx-facts">
        <div className="field">
          <dt>Type</dt>
          <dd>{transactionKindLabels[t.kind]}</dd>
        </div>
        <div className="field">
          <dt>Submitted</dt>
          <dd>
            {formatInstant(t.createdAt)} by {t.createdBy}
          </dd>
        </div>
        {t.sentAt && (
          <div className="field">
            <dt>Sent</dt>
            <dd>{formatInstant(t.sentAt)}</dd>
          </div>
        )}
        {resolved && t.resolvedAt && (
          <div className="field">
            <dt>{resolved}</dt>
            <dd>{formatInstant(t.resolvedAt)}</dd>
          </div>
        )}
        <div className="field">
          <dt>Attempts</dt>
          <dd>{t.attempts}</dd>
        </div>
        {t.memberIds.length > 0 && (
          <div className="field">
            <dt>Members</dt>
            <dd className="mono">{t.memberIds.join(', ')}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="tx-request-title">
        <h3 id="tx-request-title" className="tx-section-title">
          What was sent
        </h3>
        <RequestView request={t.request} />
      </section>
    </>
  );
}

const whereWords: Record<'cancelled' | 'corrected', string> = {
  cancelled: 'Nothing of it reaches the plan. Activity keeps it with the other cancelled changes.',
  corrected: 'Its correction was sent in its place. Activity keeps it with the other corrected changes.',
};

/** Where a change that left the usual flow is now: the tab that lists it, one click away. */
function WhereItIs({ status, focus, onShowTab }: { status: 'cancelled' | 'corrected'; focus: boolean; onShowTab: (status: TransactionStatus) => void }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) buttonRef.current?.focus();
  }, [focus]);
  return (
    <p>
      {whereWords[status]}{' '}
      <button type="button" className="link-button" ref={buttonRef} onClick={() => onShowTab(status)}>
        See it under {transactionStatusLabels[status]}
      </button>
    </p>
  );
}

function CancelButton({ summary, disabled, onConfirm, withdraw = false }: { summary: string; disabled: boolean; onConfirm: () => void; withdraw?: boolean }) {
  // A rejected change was already undone on this computer; withdrawing it only says the user will not correct it.
  const words = withdraw
    ? {
        open: 'Withdraw this change',
        title: 'Withdraw this change?',
        body: `The plan refused “${summary}” and nothing of it is in effect. Withdrawing it deletes the input kept for correcting it; Activity keeps the record and the plan’s reason.`,
        keep: 'Keep it to correct',
        confirm: 'Withdraw the change',
      }
    : {
        open: 'Cancel this change',
        title: 'Cancel this change?',
        body: `“${summary}” has not been sent to the plan yet. Cancelling it undoes it on this computer; the plan never sees it.`,
        keep: 'Keep it',
        confirm: 'Cancel the change',
      };
  return (
    <ConfirmDialog
      trigger={
        <button type="button" className="button" disabled={disabled}>
          {words.open}
        </button>
      }
      title={words.title}
      description={words.body}
      cancelLabel={words.keep}
      confirmLabel={words.confirm}
      tone="danger"
      onConfirm={onConfirm}
    />
  );
}
