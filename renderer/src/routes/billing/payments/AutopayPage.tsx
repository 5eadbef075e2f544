import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { AutopayState } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { useApi } from '../../../api/ApiProvider';
import { useQuery } from '../../../api/use-query';
import { useGroupStore } from '../../../state/group-store';
import { usePermission } from '../../../state/permissions';
import { useAnnouncer } from '../../../state/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { BackIcon } from '../../../components/icons';
import { formatDate, formatInstant } from '../../../components/format';
import { useBillingQuery } from '../use-billing-query';
import { AutopayForm } from './AutopayForm';
import { accountName, refusalWords, ruleWords } from './payment-words';
import '../billing.css';
import './payments.css';

type Enrollment = NonNullable<AutopayState['enrollment']>;

const statusWords: Record<Enrollment['status'], string> = { active: 'Active', suspended: 'Suspended', cancelled: 'Cancelled' };

/**
 * `/billing/autopay`: each invoice's total due debited automatically, by a rule the group chose. Billing
 * users and primary administrators enroll, change, skip a debit or cancel; other roles read it.
 */
export function AutopayPage() {
  const api = useApi();
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const autopay = useBillingQuery('payments.autopay', { groupNumber });
  const accounts = useBillingQuery('payments.bankAccounts', { groupNumber });
  const authorization = useQuery('payments.authorization', { kind: 'autopay' });
  const canChange = usePermission('billing.write');
  const announce = useAnnouncer((s) => s.announce);
  const [saved, setSaved] = useState<{ over: AutopayState | null; value: AutopayState } | null>(null);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'skip' | 'cancel' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // An answer is shown until the next read replaces the state it changed.
  const state = saved !== null && saved.over === autopay.data ? saved.value : autopay.data;
  const enrollment = state?.enrollment ?? null;
  const enrolled = enrollment !== null && enrollment.status !== 'cancelled';

  const applied = (value: AutopayState, words: string) => {
    setSaved({ over: autopay.data ?? null, value });
    setEditing(false);
    setProblem(null);
    announce(words);
    autopay.reload();
  };

  const skip = async (invoiceNumber: string) => {
    const result = await api.call('payments.skipAutopay', { groupNumber, invoiceNumber });
    if (!result.ok) setProblem(refusalWords(result.error, 'the debit was not skipped'));
    else applied(result.value, `Autopay will not debit invoice ${invoiceNumber}. Pay it another way.`);
  };
  const cancel = async () => {
    const result = await api.call('payments.cancelAutopay', { groupNumber });
    if (!result.ok) setProblem(refusalWords(result.error, 'autopay was not cancelled'));
    else applied(result.value, 'Autopay is cancelled.');
  };

  const next = enrollment?.nextDebit ?? null;
  return (
    <div className="page page-billing">
      <Link to="/billing" className="back-link">
        <BackIcon />
        Back to Billing
      </Link>
      <div className="page-header">
        <h1 className="page-title">Autopay</h1>
      </div>
      {autopay.status === 'error' && !state ? (
        <ErrorState title="Autopay could not be loaded" error={autopay.error} onRetry={autopay.reload} />
      ) : !state ? (
        <SkeletonBlock label="Loading autopay…" lines={4} />
      ) : (
        <section className="card pay-autopay" aria-labelledby="autopay-title" data-tour="autopay-card">
          <h2 id="autopay-title" className="card-title">
            {enrollment ? `Autopay: ${statusWords[enrollment.status]}` : 'Autopay: not enrolled'}
          </h2>
          {enrollment === null ? (
            <p>Each invoice’s total due can be debited automatically from a verified account, on its due date or some business days before. You are e-mailed five business days before each debit.</p>
          ) : (
            <>
              {enrollment.status === 'suspended' && (
                <p className="form-error" role="status">
                  Suspended: {enrollment.suspendedReason ?? 'a debit was returned.'} Nothing is debited until autopay is enrolled again.
                </p>
              )}
              <dl className="pay-facts">
                <div>
                  <dt>Debits</dt>
                  <dd>{accountName(enrollment.bankAccount)}</dd>
                </div>
                <div>
                  <dt>When</dt>
                  <dd>The total due {ruleWords(enrollment.rule)}</dd>
                </div>
                <div>
                  <dt>Next debit</dt>
                  <dd>{next && enrollment.status === 'active' ? `${formatUsd(next.amountCents)} on ${formatDate(next.paymentDate)}, invoice ${next.invoiceNumber}` : 'None scheduled'}</dd>
                </div>
                <div>
                  <dt>Authorized</dt>
                  <dd>
                    by {enrollment.authorization.acceptedBy}, {formatInstant(enrollment.authorization.acceptedAt)} (version {enrollment.authorization.version})
                  </dd>
                </div>
                {enrollment.skipped.length > 0 && (
                  <div>
                    <dt>Skipped</dt>
                    <dd className="mono">{enrollment.skipped.join(', ')}</dd>
                  </div>
                )}
              </dl>
            </>
          )}
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          {canChange && !editing && (
            <div className="pay-row-actions">
              <button type="button" className={enrolled ? 'button' : 'button button-primary'} onClick={() => setEditing(true)} data-tour="autopay-start">
                {enrolled ? 'Change autopay' : 'Enroll in autopay'}
              </button>
              {enrollment?.status === 'active' && next && (
                <button type="button" className="button" onClick={() => setAsking('skip')}>
                  Skip the next debit
                </button>
              )}
              {enrolled && (
                <button type="button" className="button" onClick={() => setAsking('cancel')}>
                  Cancel autopay
                </button>
              )}
            </div>
          )}
          {canChange && editing && (
            authorization.status === 'error' && !authorization.data ? (
              <ErrorState title="The autopay authorization could not be loaded" error={authorization.error} onRetry={authorization.reload} />
            ) : !authorization.data || !accounts.data ? (
              <SkeletonBlock label="Loading the authorization…" lines={3} />
            ) : (
              <AutopayForm
                groupNumber={groupNumber}
                accounts={accounts.data}
                authorization={authorization.data}
                current={enrolled ? enrollment : null}
                onSaved={(value) => applied(value, enrolled ? 'Autopay is changed.' : 'Autopay is on.')}
                onCancel={() => setEditing(false)}
              />
            )
          )}
        </section>
      )}
      <ConfirmDialog
        open={asking === 'skip'}
        onOpenChange={(open) => !open && setAsking(null)}
        title="Skip the next autopay debit?"
        description={next ? `${formatUsd(next.amountCents)} for invoice ${next.invoiceNumber} will not be debited on ${formatDate(next.paymentDate)}. Pay that invoice another way before its due date; autopay goes on with the next one.` : ''}
        cancelLabel="Keep the debit"
        confirmLabel="Skip this debit"
        onConfirm={() => next && void skip(next.invoiceNumber)}
      />
      <ConfirmDialog
        open={asking === 'cancel'}
        onOpenChange={(open) => !open && setAsking(null)}
        title="Cancel autopay?"
        description="No invoice will be debited automatically any more; pay each one yourself. A debit already sent to the bank still settles. The group’s primary administrators are told."
        cancelLabel="Keep autopay"
        confirmLabel="Cancel autopay"
        tone="danger"
        onConfirm={() => void cancel()}
      />
    </div>
  );
}
