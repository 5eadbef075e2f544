import { randomUUID } from 'node:crypto';
import type { Role } from '@shared/contract/roles';
import type { EnrollRequest } from '@shared/plan-api/eligibility';
import { ssnProblem } from '@shared/domain/ssn-validity';
import { addDays, firstOfMonth } from '@shared/util/dates';
import { createSession } from '../src/services/accounts/sessions';
import { users } from '../src/store/schema';
import type { Backend } from '../src/store/db';
import type { ApiResponse } from '../test-support/http';
import { startTestService, type TestService } from '../test-support/test-service';
import { uniqueUserId } from '../test-support/fixtures';

export const GROUP = '4001';
export const OTHER_GROUP = '4002';

export interface EligibilityFixture {
  service: TestService;
  today: string;
  /** A bearer token per role in GROUP, and one for a primary administrator of OTHER_GROUP only. */
  tokens: Record<Role | 'other_group', string>;
  post<T = Record<string, unknown>>(path: string, body: unknown, options?: { token?: string; key?: string | null }): Promise<ApiResponse<T>>;
  get<T = Record<string, unknown>>(path: string, token?: string): Promise<ApiResponse<T>>;
}

/**
 * A plan service with two groups and a signed-in user per role. Users are written straight to the
 * store (sign-up has its own suite), so the authorization table costs no password hashing or mail.
 */
export async function startEligibilityService(backend: Backend, options: Omit<Parameters<typeof startTestService>[0], 'backend'> = {}): Promise<EligibilityFixture> {
  const service = await startTestService({ backend, ...options });
  await service.createGroup(GROUP);
  await service.createGroup(OTHER_GROUP);
  const now = service.clock.now();
  const signIn = async (group: string, role: Role): Promise<string> => {
    const userId = uniqueUserId(role.slice(0, 4));
    await service.db.insert(users).values({ userId, passwordHash: 'not-used', name: `${role} user`, email: `${userId}@example.com`, emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
    await service.grantRole(userId, group, role);
    return (await createSession(service.db, userId, '127.0.0.1', now)).token;
  };
  const tokens = {
    primary_admin: await signIn(GROUP, 'primary_admin'),
    admin: await signIn(GROUP, 'admin'),
    billing: await signIn(GROUP, 'billing'),
    read_only: await signIn(GROUP, 'read_only'),
    other_group: await signIn(OTHER_GROUP, 'primary_admin'),
  };
  return {
    service,
    today: now.toISOString().slice(0, 10),
    tokens,
    post: (path, body, options = {}) =>
      service.api('POST', path, {
        body,
        token: options.token ?? tokens.admin,
        headers: options.key === null ? {} : { 'idempotency-key': options.key ?? randomUUID() },
      }),
    get: (path, token) => service.api('GET', path, { token: token ?? tokens.read_only }),
  };
}

let ssnCounter = 0;
/** A unique SSN per call that the identity rules accept: area 100–599, group 10–98, serial never 0000. */
export function nextSsn(): string {
  ssnCounter += 1;
  const ssn = `${String(100 + (process.pid % 500)).padStart(3, '0')}${String(10 + (ssnCounter % 89)).padStart(2, '0')}${String(1 + (ssnCounter % 9999)).padStart(4, '0')}`;
  return ssnProblem(ssn) === null ? ssn : nextSsn();
}

/**
 * A subscriber effective the 1st of this month, hired 120 days ago: past the waiting period for
 * any start from three months back, and still inside the test group's first-enrollment window.
 */
export function enrollment(today: string, overrides: Partial<EnrollRequest> = {}): EnrollRequest {
  return {
    subscriber: {
      firstName: 'Dana',
      lastName: 'Whitfield',
      dateOfBirth: '1985-04-12',
      gender: 'F',
      ssn: nextSsn(),
      address: { line1: '12 Oak St', city: 'Springfield', state: 'IL', zip: '62701' },
      phone: '217-555-0101',
      email: 'dana@example.com',
      hireDate: addDays(today, -120),
      employmentStatus: 'FT',
    },
    planCode: 'PPO-500',
    effectiveDate: firstOfMonth(today),
    dependents: [],
    ...overrides,
  };
}

export const path = (suffix: string, group = GROUP): string => `/v1/groups/${group}${suffix}`;
