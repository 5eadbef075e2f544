import { anySignedIn, groupRoute, type AuthorizationCase } from '../../test-support/authorization';

let serial = 0;

/**
 * Invitations and the users page: only a primary administrator manages them (past authorization,
 * the unknown invitation or user is a 404); any signed-in user may enter a code (a wrong one is a
 * 422). GET /v1/me/stream never ends for a signed-in caller; test/me-stream.test.ts covers it.
 */
export const invitationCases: AuthorizationCase[] = [
  {
    name: 'POST /v1/groups/:groupNumber/invitations',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/invitations`,
    // A new address per call: one pending invitation per address.
    body: () => ({ name: 'Table Invitee', email: `invitee${serial++}@example.com`, role: 'read_only' }),
    expect: groupRoute(201, ['primary_admin']),
  },
  { name: 'POST /v1/groups/:groupNumber/invitations/:id/resend', method: 'POST', path: (g) => `/v1/groups/${g}/invitations/999999/resend`, expect: groupRoute(404, ['primary_admin']) },
  { name: 'DELETE /v1/groups/:groupNumber/invitations/:id', method: 'DELETE', path: (g) => `/v1/groups/${g}/invitations/999999`, expect: groupRoute(404, ['primary_admin']) },
  { name: 'PATCH /v1/groups/:groupNumber/users/:userId', method: 'PATCH', path: (g) => `/v1/groups/${g}/users/nobody-here`, body: () => ({ role: 'read_only' }), expect: groupRoute(404, ['primary_admin']) },
  { name: 'DELETE /v1/groups/:groupNumber/users/:userId', method: 'DELETE', path: (g) => `/v1/groups/${g}/users/nobody-here`, expect: groupRoute(404, ['primary_admin']) },
  { name: 'POST /v1/invitations/redeem', method: 'POST', path: () => '/v1/invitations/redeem', body: () => ({ code: 'AAAA-AAAA-AAAA' }), expect: anySignedIn(422) },
];
