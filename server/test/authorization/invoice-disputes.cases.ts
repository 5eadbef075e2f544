import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/**
 * Those who reconcile invoices dispute them (primary administrators, administrators, billing users);
 * every role reads the disputes (billing.read). The table's group has no invoice: past authorization,
 * a dispute of a well-formed number is a 404.
 */
export const invoiceDisputeCases: AuthorizationCase[] = [
  {
    name: 'POST /v1/groups/:groupNumber/invoices/:invoiceNumber/disputes',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/invoices/INV-${g}-202612-7KQ4M2/disputes`,
    body: () => ({ reason: 'other', note: 'Checking.' }),
    expect: groupRoute(404, ['primary_admin', 'admin', 'billing']),
  },
  { name: 'GET /v1/groups/:groupNumber/disputes', method: 'GET', path: (g) => `/v1/groups/${g}/disputes?status=open`, expect: groupRoute(200, ['primary_admin', 'admin', 'billing', 'read_only']) },
];
