import { currentTerms } from '../../src/services/billing/terms';
import { anySignedIn, groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/** Bill Pay: the terms are public, the sign-up is for any signed-in user, the summary and one's own acceptance for the group's roles, accepting for those who pay. */
export const billPayCases: AuthorizationCase[] = [
  { name: 'GET /v1/bill-pay/terms', method: 'GET', path: () => '/v1/bill-pay/terms', expect: { ...anySignedIn(200), anonymous: 200 } },
  {
    name: 'POST /v1/bill-pay/sign-ups',
    method: 'POST',
    path: () => '/v1/bill-pay/sign-ups',
    // A well-formed number that is not the group's (the groups here have no invoice).
    body: ({ groupNumber }) => ({ groupNumber, invoiceNumber: `INV-${groupNumber}-202601-7KQ4M2`, amountCents: 52_000, termsVersion: currentTerms.version, acceptTerms: true }),
    // Past authorization: the group's own users already hold a role (409); the outsider's proof does not match (422).
    expect: { primary_admin: 409, admin: 409, billing: 409, read_only: 409, outsider: 422, anonymous: 401 },
  },
  { name: 'GET /v1/groups/:groupNumber/bill-pay/terms-acceptance', method: 'GET', path: (g) => `/v1/groups/${g}/bill-pay/terms-acceptance`, expect: groupRoute(200, ['primary_admin', 'admin', 'billing', 'read_only']) },
  {
    name: 'POST /v1/groups/:groupNumber/bill-pay/terms-acceptance',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/bill-pay/terms-acceptance`,
    body: () => ({ termsVersion: currentTerms.version, acceptTerms: true }),
    // Those who will pay: billing users and primary administrators.
    expect: groupRoute(200, ['primary_admin', 'billing']),
  },
  { name: 'GET /v1/groups/:groupNumber/billing-summary', method: 'GET', path: (g) => `/v1/groups/${g}/billing-summary`, expect: groupRoute(200, ['primary_admin', 'admin', 'billing', 'read_only']) },
];
