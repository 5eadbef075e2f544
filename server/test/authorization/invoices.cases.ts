import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/**
 * Invoices are read by every role of the group (billing.read); a user of another group is refused
 * as for any group route. The table's group has no invoice: past authorization, a well-formed number
 * is a 404.
 */
const readsBilling = ['primary_admin', 'admin', 'billing', 'read_only'] as const;

export const invoiceCases: AuthorizationCase[] = [
  { name: 'GET /v1/groups/:groupNumber/invoices', method: 'GET', path: (g) => `/v1/groups/${g}/invoices`, expect: groupRoute(200, readsBilling) },
  { name: 'GET /v1/groups/:groupNumber/invoices/:invoiceNumber', method: 'GET', path: (g) => `/v1/groups/${g}/invoices/INV-${g}-202612-7KQ4M2`, expect: groupRoute(404, readsBilling) },
  { name: 'GET /v1/groups/:groupNumber/invoices/:invoiceNumber/pdf', method: 'GET', path: (g) => `/v1/groups/${g}/invoices/INV-${g}-202612-7KQ4M2/pdf`, expect: groupRoute(404, readsBilling) },
];
