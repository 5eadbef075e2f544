import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';

/**
 * Those who may make the refused change (members.write: primary administrators and administrators)
 * may ask the plan for an exception to it. The request names no member, as for a new enrollment.
 */
export const exceptionRequestCases: AuthorizationCase[] = [
  {
    name: 'POST /v1/groups/:groupNumber/exception-requests',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/exception-requests`,
    body: () => ({ changeKind: 'enroll', input: { eventKind: 'birth', eventDate: '2026-09-01' }, rule: { code: 'qualifying_event_window', message: 'Too late.' }, note: 'Please.' }),
    expect: groupRoute(201, ['primary_admin', 'admin']),
  },
];
