import { useId } from 'react';
import type { BankAccount } from '@shared/plan-api/payments';
import { formatDate } from '../../../components/format';
import { AccountStatusBadge } from './PaymentStateBadge';
import { accountTypeLabels } from './payment-words';

/** Where the account's verification stands, and what (if anything) the user does next. */
function statusLine(a: BankAccount): string {
  if (a.status === 'verified') return 'Verified: invoices can be paid from it.';
  if (a.status !== 'verifying') return a.problem ?? 'It cannot be debited.';
  if (a.verification.method === 'prenote') {
    return a.verification.usableFrom ? `Prenote sent, usable from ${formatDate(a.verification.usableFrom)} if the bank does not return it.` : 'The prenote goes to the bank in the next ACH file.';
  }
  return a.verification.depositsSent ? 'Enter the two deposits to verify it.' : 'Two small deposits go to the bank in the next ACH file; enter them when they arrive.';
}

interface Props {
  account: BankAccount;
  canChange: boolean;
  onVerify: () => void;
  onRemove: () => void;
}

/** One account: its name, the digits that identify it (never more than the last four), its status and actions. */
export function AccountCard({ account: a, canChange, onVerify, onRemove }: Props) {
  const titleId = useId();
  const whyId = useId();
  const canVerify = a.status === 'verifying' && a.verification.method === 'micro_deposits' && a.verification.depositsSent;
  return (
    <li className="card pay-account" aria-labelledby={titleId}>
      <div className="pay-account-head">
        <h3 id={titleId} className="pay-account-name">
          {a.nickname}
        </h3>
        <AccountStatusBadge status={a.status} />
      </div>
      <dl className="pay-facts">
        <div>
          <dt>Type</dt>
          <dd>{accountTypeLabels[a.accountType]}</dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd className="mono">
            <span aria-hidden="true">••••</span>
            <span className="visually-hidden">ending in </span>
            {a.accountLast4}
          </dd>
        </div>
        <div>
          <dt>Routing</dt>
          <dd className="mono">{a.routingNumber}</dd>
        </div>
        <div>
          <dt>Holder</dt>
          <dd>{a.holderName}</dd>
        </div>
      </dl>
      <p className={`pay-account-status is-${a.status}`}>{statusLine(a)}</p>
      {canChange && (
        <div className="pay-row-actions">
          {canVerify && (
            <button type="button" className="button button-primary" onClick={onVerify} aria-label={`Verify ${a.nickname}`}>
              Verify
            </button>
          )}
          <button type="button" className="button" onClick={onRemove} disabled={a.inUse} aria-describedby={a.inUse ? whyId : undefined} aria-label={`Remove ${a.nickname}`}>
            Remove
          </button>
          {a.inUse && (
            <span id={whyId} className="muted pay-why">
              A scheduled payment or autopay uses it: it can be removed once nothing does.
            </span>
          )}
        </div>
      )}
    </li>
  );
}
