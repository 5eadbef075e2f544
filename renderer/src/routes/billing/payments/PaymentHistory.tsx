import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { BankAccount } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { useApi } from '../../../api/ApiProvider';
import { useAnnouncer } from '../../../state/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate, formatDatesIn, formatInstant } from '../../../components/format';
import { PaymentStateBadge } from './PaymentStateBadge';
import { ReceiptButton } from './ReceiptButton';
import { accountName, refusalWords } from './payment-words';
import { useNow } from './use-now';

/** What the history shows of a payment, whether the plan has it or it still waits in the outbox. */
function facts(item: PaymentItem, accounts: readonly BankAccount[]) {
  const p = item.payment;
  const r = item.request;
  const account = p ? p.bankAccount : accounts.find((a) => a.id === r?.bankAccountId);
  return {
    date: p?.paymentDate ?? r?.paymentDate ?? null,
    amountCents: p?.amountCents ?? r?.amountCents ?? 0,
    account: account ? accountName(account) : 'An account since removed',
    invoices: p ? p.allocations.map((a) => a.invoiceNumber) : (r?.invoiceNumbers ?? []),
  };
}

/** The line under a state's badge: why it was returned or refused, when it settles, who made it. */
function detail(item: PaymentItem): string | null {
  const p = item.payment;
  if (item.state === 'returned' && p) return `${p.returnReason ?? 'Returned by the bank.'}${p.returnCode ? ` (${p.returnCode})` : ''}`;
  if (item.state === 'rejected' || item.state === 'needs_new_date') return item.problem === null ? null : formatDatesIn(item.problem);
  if (item.state === 'queued' || item.state === 'sending') return 'Sent when this computer is online.';
  if (!p) return null;
  if (item.state === 'settled') return p.autopay ? `Settled ${formatDate(p.settlementDate)}, by autopay.` : `Settled ${formatDate(p.settlementDate)}.`;
  if (item.state === 'cancelled') return p.cancelledAt ? `Cancelled ${formatInstant(p.cancelledAt)}.` : null;
  return `Settles ${formatDate(p.settlementDate)}${p.autopay ? ', by autopay' : ''}.`;
}

/** Whether it can still be stopped: the plan's before its date's cut-off, or one not sent yet. */
function cancellable(item: PaymentItem, now: Date): boolean {
  const p = item.payment;
  if (p) return p.status === 'scheduled' && p.cancellableUntil !== null && now.getTime() < Date.parse(p.cancellableUntil);
  return item.outboxId !== null && (item.state === 'queued' || item.state === 'needs_new_date');
}

const keyOf = (item: PaymentItem) => item.payment?.confirmationNumber ?? `outbox-${item.outboxId ?? item.createdAt}`;

interface Props {
  groupNumber: string;
  items: PaymentItem[];
  accounts: readonly BankAccount[];
  canChange: boolean;
  onChanged: () => void;
}

/** The group's payments, newest first, each with where it stands and what can still be done with it. */
export function PaymentHistory({ groupNumber, items, accounts, canChange, onChanged }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const now = useNow();
  const [cancelling, setCancelling] = useState<PaymentItem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const cancel = async (item: PaymentItem) => {
    const input = item.payment ? { groupNumber, confirmationNumber: item.payment.confirmationNumber } : { groupNumber, outboxId: item.outboxId ?? 0 };
    const result = await api.call('payments.cancel', input);
    if (!result.ok) {
      setProblem(refusalWords(result.error, 'the payment was not cancelled'));
      return;
    }
    setProblem(null);
    announce(`The payment of ${formatUsd(facts(item, accounts).amountCents)} is cancelled.`);
    onChanged();
  };

  const asked = cancelling ? facts(cancelling, accounts) : null;
  return (
    <>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <TableScroll labelledBy="payments-caption">
        <table className="table billing-table pay-history">
          <caption id="payments-caption" className="visually-hidden">
            Payments, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Account</th>
              <th scope="col">Invoices</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const f = facts(item, accounts);
              const why = detail(item);
              return (
                <tr key={keyOf(item)}>
                  <td>
                    {formatDate(f.date)}
                    {item.payment && <span className="billing-sub mono">{item.payment.confirmationNumber}</span>}
                  </td>
                  <td className="num">{formatUsd(f.amountCents)}</td>
                  <td className="pay-account-cell">{f.account}</td>
                  <td>
                    {f.invoices.map((n) => (
                      <span key={n} className="billing-sub mono">
                        {n}
                      </span>
                    ))}
                  </td>
                  <td className="billing-note">
                    <PaymentStateBadge state={item.state} />
                    {why && <span className="billing-sub">{why}</span>}
                  </td>
                  <td>
                    <div className="pay-row-actions">
                      {canChange && item.state === 'needs_new_date' && item.outboxId !== null && (
                        <Link to="/billing/pay" search={{ replaces: item.outboxId }} className="button button-primary">
                          Choose a new date
                        </Link>
                      )}
                      {canChange && cancellable(item, now) && (
                        <button type="button" className="button" onClick={() => setCancelling(item)} aria-label={`Cancel the payment of ${formatUsd(f.amountCents)} dated ${formatDate(f.date)}`}>
                          Cancel
                        </button>
                      )}
                      {item.payment && item.payment.status !== 'cancelled' && <ReceiptButton groupNumber={groupNumber} confirmationNumber={item.payment.confirmationNumber} compact />}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <ConfirmDialog
        open={cancelling !== null}
        onOpenChange={(open) => !open && setCancelling(null)}
        title={asked ? `Cancel the payment of ${formatUsd(asked.amountCents)}?` : 'Cancel this payment?'}
        description={asked ? `It will not be debited from ${asked.account} on ${formatDate(asked.date)}; the invoices stay open until they are paid another way.` : ''}
        cancelLabel="Keep the payment"
        confirmLabel="Cancel payment"
        tone="danger"
        onConfirm={() => cancelling && void cancel(cancelling)}
      />
    </>
  );
}
