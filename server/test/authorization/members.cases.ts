import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/**
 * Member data is closed to billing users: anyone holding a group's latest invoice can become one,
 * so the roster, a member's demographics and the counts answer them 403 like an outsider; of the
 * change feed they read only the invoice entries. The group's own detail (name, address, plans and
 * rates) names no member and is open to every role. Writes and the feed's live stream, with a
 * populated group, are in eligibility-authorization.test.ts.
 */
const readsMembers = ['primary_admin', 'admin', 'read_only'] as const;

export const memberCases: AuthorizationCase[] = [
  { name: 'GET /v1/groups/:groupNumber', method: 'GET', path: (g) => `/v1/groups/${g}`, expect: groupRoute(200, [...readsMembers, 'billing']) },
  { name: 'GET /v1/groups/:groupNumber/members', method: 'GET', path: (g) => `/v1/groups/${g}/members`, expect: groupRoute(200, readsMembers) },
  { name: 'GET /v1/groups/:groupNumber/members?q=', method: 'GET', path: (g) => `/v1/groups/${g}/members?q=Whitfield`, expect: groupRoute(200, readsMembers) },
  // The table's group has no members: a role that reads them learns that this one is not there.
  { name: 'GET /v1/groups/:groupNumber/members/:memberId', method: 'GET', path: (g) => `/v1/groups/${g}/members/${g.padEnd(9, '0')}`, expect: groupRoute(404, readsMembers) },
  { name: 'GET /v1/groups/:groupNumber/counts', method: 'GET', path: (g) => `/v1/groups/${g}/counts`, expect: groupRoute(200, readsMembers) },
  // Every role reads the feed; a billing user only its invoice entries (change-feed-billing.test.ts).
  { name: 'GET /v1/groups/:groupNumber/changes', method: 'GET', path: (g) => `/v1/groups/${g}/changes?after=0`, expect: groupRoute(200, [...readsMembers, 'billing']) },
];
