import { Link } from '@tanstack/react-router';
import type { BankAccount } from '@shared/plan-api/payments';
import { RadioGroupField } from '../../../components/form';
import { accountName, accountStatusLabels } from './payment-words';

/** Only verified accounts can be debited; the others are named with why, and a way to add one. */
export function AccountStep({ accounts }: { accounts: readonly BankAccount[] }) {
  const verified = accounts.filter((a) => a.status === 'verified');
  const others = accounts.filter((a) => a.status !== 'verified');
  return (
    <>
      {verified.length === 0 ? (
        <p className="wz-hint" role="status">
          No account is verified yet, so there is nothing to pay from.
        </p>
      ) : (
        <RadioGroupField
          name="bankAccountId"
          label="Pay from"
          options={verified.map((a) => ({ value: a.id, label: accountName(a), detail: `Routing ${a.routingNumber}, ${a.holderName}` }))}
        />
      )}
      {others.length > 0 && (
        <p className="muted pay-note">
          Not offered until verified: {others.map((a) => `${a.nickname} (${accountStatusLabels[a.status].toLowerCase()})`).join(', ')}.
        </p>
      )}
      <p>
        <Link to="/billing/accounts" className="link-button">
          Add or verify a bank account
        </Link>
      </p>
    </>
  );
}
