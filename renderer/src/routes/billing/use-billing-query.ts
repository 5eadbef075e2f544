import type { MethodInput, MethodName } from '@shared/contract';
import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';

/**
 * useQuery for a billing method that asks again when the core says the group's invoices, balance or
 * preferences changed (a pull brought a new invoice, a payment, a preference set elsewhere).
 */
export function useBillingQuery<M extends MethodName>(method: M, input: (MethodInput<M> & { groupNumber: string }) | null) {
  const query = useQuery(method, input);
  const reload = query.reload;
  const groupNumber = input?.groupNumber ?? null;
  useCoreEvent((event) => {
    if (event.type === 'billing.changed' && event.groupNumber === groupNumber) reload();
  });
  return query;
}
