import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/** Every role of the group reads the billing preferences (billing.read); those who pay change them (billing.write). */
export const billingPreferenceCases: AuthorizationCase[] = [
  { name: 'GET /v1/groups/:groupNumber/billing-preferences', method: 'GET', path: (g) => `/v1/groups/${g}/billing-preferences`, expect: groupRoute(200, ['primary_admin', 'admin', 'billing', 'read_only']) },
  {
    name: 'PUT /v1/groups/:groupNumber/billing-preferences',
    method: 'PUT',
    path: (g) => `/v1/groups/${g}/billing-preferences`,
    body: () => ({ paperless: false, noticeRecipients: null }),
    expect: groupRoute(200, ['primary_admin', 'billing']),
  },
];
