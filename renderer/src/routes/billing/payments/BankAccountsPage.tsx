import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { BankAccount } from '@shared/plan-api/payments';
import { useApi } from '../../../api/ApiProvider';
import { useGroupStore } from '../../../state/group-store';
import { usePermission } from '../../../state/permissions';
import { useAnnouncer } from '../../../state/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState, ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { BackIcon } from '../../../components/icons';
import { useBillingQuery } from '../use-billing-query';
import { AccountCard } from './AccountCard';
import { AddAccountDialog } from './AddAccountDialog';
import { VerifyDialog } from './VerifyDialog';
import { accountName, refusalWords } from './payment-words';
import '../billing.css';
import './payments.css';

/**
 * `/billing/accounts`: the bank accounts invoices are paid from, each with where its verification
 * stands. Billing users and primary administrators add, verify and remove them; other roles read.
 */
export function BankAccountsPage() {
  const api = useApi();
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const accounts = useBillingQuery('payments.bankAccounts', { groupNumber });
  const canChange = usePermission('billing.write');
  const announce = useAnnouncer((s) => s.announce);
  const [verifying, setVerifying] = useState<BankAccount | null>(null);
  const [removing, setRemoving] = useState<BankAccount | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async (account: BankAccount) => {
    const result = await api.call('payments.removeBankAccount', { groupNumber, bankAccountId: account.id });
    if (!result.ok) {
      setProblem(refusalWords(result.error, `${account.nickname} was not removed`));
      return;
    }
    setProblem(null);
    announce(`${accountName(account)} removed.`);
    accounts.reload();
  };

  const added = (account: BankAccount) => {
    announce(
      account.verification.method === 'prenote'
        ? `${accountName(account)} added. A prenote goes to the bank; the account can be used after three banking days.`
        : `${accountName(account)} added. Enter the two small deposits when they arrive.`,
    );
    accounts.reload();
  };

  return (
    <div className="page page-billing">
      <Link to="/billing" className="back-link">
        <BackIcon />
        Back to Billing
      </Link>
      <div className="page-header">
        <h1 className="page-title">Bank accounts</h1>
        {canChange && (
          <div className="billing-header-action">
            <AddAccountDialog groupNumber={groupNumber} onAdded={added} />
          </div>
        )}
      </div>
      <p className="muted pay-lede">Invoices are paid by ACH debit from these accounts. Only the last four digits of an account number are ever shown.</p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {accounts.status === 'error' && !accounts.data ? (
        <ErrorState title="The bank accounts could not be loaded" error={accounts.error} onRetry={accounts.reload} />
      ) : !accounts.data ? (
        <SkeletonBlock label="Loading bank accounts…" lines={4} />
      ) : accounts.data.length === 0 ? (
        <EmptyState title="No bank accounts yet">
          <p>{canChange ? 'Add the account invoices are paid from; it is verified before the first payment.' : 'A billing user or primary administrator adds the account invoices are paid from.'}</p>
        </EmptyState>
      ) : (
        <ul className="pay-accounts" aria-label="Bank accounts">
          {accounts.data.map((a) => (
            <AccountCard key={a.id} account={a} canChange={canChange} onVerify={() => setVerifying(a)} onRemove={() => setRemoving(a)} />
          ))}
        </ul>
      )}
      {verifying && (
        <VerifyDialog
          groupNumber={groupNumber}
          account={verifying}
          onClose={() => {
            setVerifying(null);
            accounts.reload();
          }}
          onVerified={(account) => {
            if (account.status === 'verified') {
              setVerifying(null);
              announce(`${accountName(account)} is verified: invoices can be paid from it.`);
            }
            accounts.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.nickname ?? 'this account'}?`}
        description="Invoices can no longer be paid from it. To use it again, add it again and verify it."
        cancelLabel="Keep it"
        confirmLabel="Remove account"
        tone="danger"
        onConfirm={() => removing && void remove(removing)}
      />
    </div>
  );
}
