import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import { addDays, addMonths, firstOfMonth } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

interface BadCase {
  name: string;
  route: string;
  /** A JSON value, or raw text sent as application/json. */
  body: unknown;
  raw?: boolean;
  status: number;
  code: string;
  /** The error names this field. */
  field?: string;
}

describe.each(backends())('bad input changes nothing (%s)', (backend) => {
  let f: EligibilityFixture;
  let subscriberId = '';
  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const enrolled = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today));
    subscriberId = enrolled.body.memberIds[0] ?? '';
  });
  afterAll(async () => f?.service.close());

  const good = () => enrollment(f.today);
  const withSubscriber = (changes: Record<string, unknown>) => {
    const body = good();
    return { ...body, subscriber: { ...body.subscriber, ...changes } };
  };
  const cases = (): BadCase[] => [
    { name: 'malformed JSON', route: '/enrollments', body: '{"subscriber": {"firstName": "Dana",', raw: true, status: 400, code: 'VALIDATION' },
    { name: 'a JSON array instead of an object', route: '/enrollments', body: '[1,2]', raw: true, status: 400, code: 'VALIDATION' },
    { name: 'a number where a date belongs', route: '/enrollments', body: withSubscriber({ dateOfBirth: 19850412 }), status: 400, code: 'VALIDATION', field: 'subscriber.dateOfBirth' },
    { name: 'a string where a version belongs', route: '/terminations', body: { memberId: subscriberId, reason: 'quit', requestedDate: f.today, expectedVersion: '1' }, status: 400, code: 'VALIDATION', field: 'expectedVersion' },
    { name: 'an unknown field', route: '/enrollments', body: { ...good(), coverageLevel: 'FAM' }, status: 400, code: 'VALIDATION' },
    { name: 'an unknown field in a nested object', route: '/enrollments', body: withSubscriber({ salary: 1 }), status: 400, code: 'VALIDATION', field: 'subscriber' },
    { name: 'SQL in a last name', route: '/enrollments', body: withSubscriber({ lastName: "Smith'); DROP TABLE members;--" }), status: 400, code: 'VALIDATION', field: 'subscriber.lastName' },
    { name: 'SQL in a first name', route: '/enrollments', body: withSubscriber({ firstName: "x' OR '1'='1" }), status: 400, code: 'VALIDATION', field: 'subscriber.firstName' },
    { name: 'an impossible date (Feb 30)', route: '/enrollments', body: { ...good(), effectiveDate: '2026-02-30' }, status: 400, code: 'VALIDATION', field: 'effectiveDate' },
    { name: 'an impossible date (Apr 31)', route: '/enrollments', body: withSubscriber({ dateOfBirth: '1990-04-31' }), status: 400, code: 'VALIDATION', field: 'subscriber.dateOfBirth' },
    { name: 'a date not in YYYY-MM-DD', route: '/enrollments', body: { ...good(), effectiveDate: '11/01/2026' }, status: 400, code: 'VALIDATION', field: 'effectiveDate' },
    { name: 'an effective date before the retro window', route: '/enrollments', body: { ...good(), effectiveDate: addDays(addMonths(firstOfMonth(f.today), -2), -1) }, status: 422, code: 'RULE', field: 'effectiveDate' },
    { name: 'a termination before the retro window', route: '/terminations', body: { memberId: subscriberId, reason: 'quit', requestedDate: addMonths(f.today, -4), expectedVersion: 1 }, status: 422, code: 'RULE' },
    { name: 'an 8-digit SSN', route: '/enrollments', body: withSubscriber({ ssn: '12345678' }), status: 400, code: 'VALIDATION', field: 'subscriber.ssn' },
    { name: 'an SSN starting 000', route: '/enrollments', body: withSubscriber({ ssn: '000-12-3456' }), status: 400, code: 'VALIDATION', field: 'subscriber.ssn' },
    { name: 'the sample SSN 123-45-6789', route: '/enrollments', body: withSubscriber({ ssn: '123-45-6789' }), status: 400, code: 'VALIDATION', field: 'subscriber.ssn' },
    { name: 'a ZIP code of another state', route: '/enrollments', body: withSubscriber({ address: { line1: '1 Main St', city: 'Washington', state: 'PA', zip: '75001' } }), status: 400, code: 'VALIDATION', field: 'subscriber.address.zip' },
    { name: 'a corrected SSN starting 666', route: '/demographics', body: { memberId: subscriberId, changes: { ssn: '666123456' }, effectiveDate: f.today, correction: true, expectedVersion: 1 }, status: 400, code: 'VALIDATION', field: 'changes.ssn' },
    { name: "a new address whose ZIP code is another state's", route: '/demographics', body: { memberId: subscriberId, changes: { address: { line1: '1 Main St', city: 'Washington', state: 'PA', zip: '75001' } }, effectiveDate: f.today, correction: false, expectedVersion: 1 }, status: 400, code: 'VALIDATION', field: 'changes.address.zip' },
    { name: 'a plan the group does not offer', route: '/enrollments', body: { ...good(), planCode: 'GOLD-1' }, status: 422, code: 'RULE', field: 'planCode' },
    { name: 'an unknown termination reason', route: '/terminations', body: { memberId: subscriberId, reason: 'bored', requestedDate: f.today, expectedVersion: 1 }, status: 400, code: 'VALIDATION', field: 'reason' },
    { name: 'a member of no group', route: '/terminations', body: { memberId: '999999997', reason: 'quit', requestedDate: f.today, expectedVersion: 1 }, status: 404, code: 'NOT_FOUND' },
    { name: 'a malformed member ID', route: '/reinstatements', body: { memberId: "1' OR 1=1", expectedVersion: 1 }, status: 400, code: 'VALIDATION', field: 'memberId' },
    { name: 'no demographic change', route: '/demographics', body: { memberId: subscriberId, changes: {}, effectiveDate: f.today, correction: false, expectedVersion: 1 }, status: 400, code: 'VALIDATION' },
    { name: '501 ID cards', route: '/id-card-requests', body: { memberIds: Array.from({ length: 501 }, (_, i) => String(100000000 + i)), reason: 'lost', shipTo: 'member' }, status: 400, code: 'VALIDATION', field: 'memberIds' },
    { name: 'the same member twice on an ID-card request', route: '/id-card-requests', body: { memberIds: [subscriberId, subscriberId], reason: 'lost', shipTo: 'member' }, status: 400, code: 'VALIDATION', field: 'memberIds' },
  ];

  it('answers every case with its status, code and a message, and leaves every table as it was', async () => {
    for (const c of cases()) {
      const before = await tableRowCounts(f.service.db);
      const res = await f.service.api('POST', path(c.route), {
        token: f.tokens.admin,
        headers: { 'idempotency-key': randomUUID() },
        ...(c.raw ? { rawBody: c.body as string } : { body: c.body }),
      });
      const body = res.body as unknown as { code: string; message: string; fields?: Record<string, string> };
      expect({ name: c.name, status: res.status, code: body.code }).toEqual({ name: c.name, status: c.status, code: c.code });
      expect(body.message.length, c.name).toBeGreaterThan(10);
      if (c.field) expect(Object.keys(body.fields ?? {}), c.name).toContain(c.field);
      expect(await tableRowCounts(f.service.db), c.name).toEqual(before);
    }
  });

  it('says why an SSN or a ZIP code is refused, under the field', async () => {
    const bad = withSubscriber({ ssn: '000-12-3456', address: { line1: '1 Main St', city: 'Washington', state: 'PA', zip: '75001' } });
    const res = await f.service.api('POST', path('/enrollments'), { token: f.tokens.admin, headers: { 'idempotency-key': randomUUID() }, body: bad });
    expect(res.body).toMatchObject({
      code: 'VALIDATION',
      fields: { 'subscriber.ssn': 'No SSN starts with 000: check the number on the card', 'subscriber.address.zip': "75001 is a Texas ZIP code, not Pennsylvania's" },
    });
  });

  it('accepts the apostrophes, hyphens and accents real names carry, stored as typed', async () => {
    const res = await f.post<TransactionAccepted>(path('/enrollments'), withSubscriber({ firstName: 'José-María', lastName: "O'Brien-Núñez" }));
    expect(res.status).toBe(201);
    expect(res.body.members[0]).toMatchObject({ firstName: 'José-María', lastName: "O'Brien-Núñez" });
    const found = await f.get<{ total: number }>(`${path('/members')}?q=${encodeURIComponent("O'Brien")}`);
    expect(found.body.total).toBe(1);
  });

  it('refuses bad query strings on reads', async () => {
    for (const query of ['?limit=0', '?limit=abc', '?status=gone', '?after=-1']) {
      const route = query.includes('after') ? '/changes' : '/members';
      const res = await f.get(`${path(route)}${query}`);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION' });
    }
  });
});
