import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shared/contract/roles';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { addDays } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

type Caller = Role | 'other_group' | 'anonymous';
const callers: Caller[] = ['primary_admin', 'admin', 'billing', 'read_only', 'other_group', 'anonymous'];

interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** `feed`: members.read or billing.read (a billing user reads only the invoice entries). */
  permission: 'none' | 'feed' | 'members.read' | 'members.write';
  /** Builds a valid request (fresh state for writes), so an allowed caller gets the success status. */
  prepare(): Promise<{ url: string; body?: unknown }>;
  success: number;
}

/**
 * What each caller must get: the group's own detail, the change feed and its stream for every role
 * of the group (a billing user's feed holds only invoices); members (roster, detail, counts) for
 * every role but billing, which sees invoices and never member data; members.write for administrators.
 */
function expected(route: Route, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'other_group') return 403;
  if (route.permission === 'none' || route.permission === 'feed') return route.success;
  if (route.permission === 'members.read') return caller === 'billing' ? 403 : route.success;
  return caller === 'primary_admin' || caller === 'admin' ? route.success : 403;
}

describe.each(backends())('authorization of every group route (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  /** A fresh family for a write; enrolled by an administrator, outside the call being checked. */
  const family = async (): Promise<MemberView[]> => (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today), { token: f.tokens.primary_admin })).body.members;

  const routes = (): Route[] => [
    { method: 'GET', path: '/groups/{group}', permission: 'none', success: 200, prepare: async () => ({ url: path('') }) },
    { method: 'GET', path: '/groups/{group}/members', permission: 'members.read', success: 200, prepare: async () => ({ url: path('/members') }) },
    {
      method: 'GET',
      path: '/groups/{group}/members/{memberId}',
      permission: 'members.read',
      success: 200,
      prepare: async () => ({ url: path(`/members/${(await family())[0]?.memberId}`) }),
    },
    { method: 'GET', path: '/groups/{group}/counts', permission: 'members.read', success: 200, prepare: async () => ({ url: path('/counts') }) },
    { method: 'GET', path: '/groups/{group}/changes', permission: 'feed', success: 200, prepare: async () => ({ url: path('/changes?after=0&limit=5') }) },
    { method: 'GET', path: '/groups/{group}/changes/stream', permission: 'feed', success: 200, prepare: async () => ({ url: path('/changes/stream') }) },
    { method: 'POST', path: '/groups/{group}/enrollments', permission: 'members.write', success: 201, prepare: async () => ({ url: path('/enrollments'), body: enrollment(f.today) }) },
    {
      method: 'POST',
      path: '/groups/{group}/dependents',
      permission: 'members.write',
      success: 201,
      prepare: async () => {
        const sub = (await family())[0] as MemberView;
        const born = addDays(f.today, -1);
        const dependent = { relationship: 'child', firstName: 'Kai', lastName: 'Whitfield', dateOfBirth: born, gender: 'M' };
        return { url: path('/dependents'), body: { subscriberId: sub.memberId, dependent, event: { kind: 'birth', date: born }, expectedVersion: sub.version } };
      },
    },
    {
      method: 'POST',
      path: '/groups/{group}/terminations',
      permission: 'members.write',
      success: 201,
      prepare: async () => ({ url: path('/terminations'), body: { memberId: (await family())[0]?.memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 1 } }),
    },
    {
      method: 'POST',
      path: '/groups/{group}/reinstatements',
      permission: 'members.write',
      success: 201,
      prepare: async () => {
        const memberId = (await family())[0]?.memberId;
        await f.post(path('/terminations'), { memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 1 }, { token: f.tokens.primary_admin });
        return { url: path('/reinstatements'), body: { memberId, expectedVersion: 2 } };
      },
    },
    {
      method: 'POST',
      path: '/groups/{group}/demographics',
      permission: 'members.write',
      success: 201,
      prepare: async () => ({ url: path('/demographics'), body: { memberId: (await family())[0]?.memberId, changes: { phone: '614-555-0100' }, effectiveDate: f.today, correction: false, expectedVersion: 1 } }),
    },
    {
      method: 'POST',
      path: '/groups/{group}/id-card-requests',
      permission: 'members.write',
      success: 201,
      prepare: async () => ({ url: path('/id-card-requests'), body: { memberIds: [(await family())[0]?.memberId], reason: 'damaged', shipTo: 'member' } }),
    },
  ];

  /** Status only; the SSE stream is closed as soon as its headers arrive. */
  async function call(route: Route, caller: Caller, url: string, body: unknown): Promise<number> {
    const headers: Record<string, string> = {};
    if (caller !== 'anonymous') headers.authorization = `Bearer ${f.tokens[caller]}`;
    if (route.method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = randomUUID();
    }
    const controller = new AbortController();
    const response = await fetch(`${f.service.url}${url}`, {
      method: route.method,
      headers,
      signal: controller.signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    controller.abort();
    return response.status;
  }

  it('checks the caller’s role in the group on every route', async () => {
    const table = routes();
    expect(table.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /groups/{group}',
      'GET /groups/{group}/members',
      'GET /groups/{group}/members/{memberId}',
      'GET /groups/{group}/counts',
      'GET /groups/{group}/changes',
      'GET /groups/{group}/changes/stream',
      'POST /groups/{group}/enrollments',
      'POST /groups/{group}/dependents',
      'POST /groups/{group}/terminations',
      'POST /groups/{group}/reinstatements',
      'POST /groups/{group}/demographics',
      'POST /groups/{group}/id-card-requests',
    ]);
    const results: string[] = [];
    const wanted: string[] = [];
    for (const route of table) {
      for (const caller of callers) {
        const { url, body } = await route.prepare();
        const before = route.method === 'POST' ? await tableRowCounts(f.service.db) : null;
        const status = await call(route, caller, url, body);
        results.push(`${route.method} ${route.path} as ${caller}: ${status}`);
        wanted.push(`${route.method} ${route.path} as ${caller}: ${expected(route, caller)}`);
        // A refused write leaves every table as it was.
        if (before && status >= 400) expect(await tableRowCounts(f.service.db)).toEqual(before);
      }
    }
    expect(results).toEqual(wanted);
  });
});
