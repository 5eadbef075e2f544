import { anySignedIn, groupRoute, type AuthorizationCase } from '../../test-support/authorization';

let serial = 0;

/** Accounts, sessions, access requests and group users. */
export const accountCases: AuthorizationCase[] = [
  { name: 'GET /v1/me', method: 'GET', path: () => '/v1/me', expect: anySignedIn(200) },
  { name: 'GET /v1/access-requests', method: 'GET', path: () => '/v1/access-requests', expect: anySignedIn(200) },
  {
    name: 'POST /v1/access-requests',
    method: 'POST',
    path: () => '/v1/access-requests',
    // A different group number per call: one user may have one pending request per group.
    body: () => ({
      companyName: 'Acme Tools',
      groupNumber: String(900000 + serial++),
      officerName: 'Robin Officer',
      officerTitle: 'CFO',
      contactPhone: '555-010-2000',
      contactEmail: 'robin@example.com',
      attestation: true,
    }),
    expect: anySignedIn(201),
  },
  { name: 'DELETE /v1/sessions/current', method: 'DELETE', path: () => '/v1/sessions/current', freshSession: true, expect: anySignedIn(204) },
  {
    name: 'POST /v1/accounts/password',
    method: 'POST',
    path: () => '/v1/accounts/password',
    freshSession: true,
    body: ({ caller }) => ({ currentPassword: 'wrong-current-password', newPassword: `Fresh-${caller}-Passphrase-9` }),
    // Signed-in callers get past authorization to the password check; the wrong current password is a 400.
    expect: anySignedIn(400),
  },
  { name: 'GET /v1/groups/:groupNumber/users', method: 'GET', path: (g) => `/v1/groups/${g}/users`, expect: groupRoute(200, ['primary_admin']) },
];
