import type { MethodInput, MethodName } from '@shared/contract';
import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';

/**
 * useQuery for a billing method that asks again when the core says the group's invoices, balance or
 * preferences changed (a pull brought a new invoice, a payment, a preference set elsewhere). With
 * `followRoster`, also when the group's members changed: a reconciliation or a preview is read
 * against the roster, so a termination arriving while it is open shows at once.
 */
export function useBillingQuery<M extends MethodName>(method: M, input: (MethodInput<M> & { groupNumber: string }) | null, options: { followRoster?: boolean } = {}) {
  const query = useQuery(method, input);
  const reload = query.reload;
  const groupNumber = input?.groupNumber ?? null;
  const followRoster = options.followRoster === true;
  useCoreEvent((event) => {
    if (event.type === 'billing.changed' && event.groupNumber === groupNumber) reload();
    else if (followRoster && event.type === 'roster.changed' && event.groupNumber === groupNumber) reload();
  });
  return query;
}
