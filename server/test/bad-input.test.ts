import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';
import { tableRowCounts } from '../test-support/row-counts';
import { goodPassword } from '../test-support/fixtures';

const accessRequest = {
  companyName: 'Acme Tools',
  groupNumber: '7001',
  officerName: 'Robin Officer',
  officerTitle: 'CFO',
  contactPhone: '555-010-2000',
  contactEmail: 'robin@example.com',
  attestation: true,
};

describe.each(backends())('bad input (%s)', (backend) => {
  let service: TestService;
  let user: SignedUpUser;
  beforeAll(async () => {
    service = await startTestService({ backend });
    user = await service.signUpUser();
  });
  afterAll(() => service?.close());

  type Case = { what: string; method: string; path: string; raw?: string; body?: unknown; headers?: Record<string, string>; auth?: boolean; status: number };
  const cases: Case[] = [
    { what: 'malformed JSON', method: 'POST', path: '/v1/accounts', raw: '{"userId": "abcdef",', status: 400 },
    { what: 'a JSON array instead of an object', method: 'POST', path: '/v1/accounts', raw: '[1,2,3]', status: 400 },
    { what: 'an empty body', method: 'POST', path: '/v1/sessions', raw: '', status: 400 },
    { what: 'a number where a string belongs', method: 'POST', path: '/v1/accounts', body: { userId: 12345678, password: goodPassword, name: 'Pat Doe', email: 'pat@example.com' }, status: 400 },
    { what: 'an unknown field', method: 'POST', path: '/v1/accounts', body: { userId: 'someone1', password: goodPassword, name: 'Pat Doe', email: 'pat@example.com', isAdmin: true }, status: 400 },
    { what: 'SQL in the user ID', method: 'POST', path: '/v1/accounts', body: { userId: "x'; DROP TABLE users;--", password: goodPassword, name: 'Pat Doe', email: 'pat@example.com' }, status: 400 },
    { what: 'a body over 1 MiB', method: 'POST', path: '/v1/accounts', raw: JSON.stringify({ userId: 'bigbody1', password: goodPassword, name: 'x'.repeat(1_100_000), email: 'pat@example.com' }), status: 413 },
    { what: 'a form-encoded body', method: 'POST', path: '/v1/sessions', raw: 'userId=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
    { what: 'attestation false', method: 'POST', path: '/v1/access-requests', body: { ...accessRequest, attestation: false }, auth: true, status: 400 },
    { what: 'a group number with letters', method: 'POST', path: '/v1/access-requests', body: { ...accessRequest, groupNumber: '12AB' }, auth: true, status: 400 },
    { what: 'a group number that is not digits, in the path', method: 'GET', path: '/v1/groups/not-a-group/users', auth: true, status: 400 },
    // Refused by Node's HTTP parser before Fastify: answered by server/src/api/client-errors.ts.
    { what: 'a query string over the header size limit', method: 'GET', path: `/v1/me?q=${'x'.repeat(20_000)}`, auth: true, status: 431 },
    // Refused by Fastify's router before any route: also answered by client-errors.ts.
    { what: 'a path parameter over the router length limit', method: 'GET', path: `/v1/groups/${'1'.repeat(200)}`, auth: true, status: 414 },
    { what: 'a percent-encoding that does not decode', method: 'GET', path: '/v1/groups/%E0%A4%A', auth: true, status: 400 },
    // PostgreSQL text cannot hold a NUL: refused at the query, not by the database with a 500.
    { what: 'a NUL in a member search', method: 'GET', path: '/v1/groups/7001/members?q=Sm%00ith', auth: true, status: 400 },
    { what: 'a malformed Idempotency-Key', method: 'POST', path: '/v1/access-requests', body: accessRequest, headers: { 'idempotency-key': 'no' }, auth: true, status: 400 },
  ];

  it.each(cases.map((c) => [c.what, c] as const))('refuses %s with a code and a message, changing nothing', async (_what, c) => {
    const before = await tableRowCounts(service.db);
    const response = await service.api(c.method, c.path, {
      ...(c.raw !== undefined ? { rawBody: c.raw } : {}),
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
      ...(c.auth ? { token: user.token } : {}),
    });
    expect(response.status).toBe(c.status);
    expect(response.body).toMatchObject({ code: 'VALIDATION', message: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+|stack|SELECT|INSERT/);
    expect(await tableRowCounts(service.db)).toEqual(before);
  });

  it('names the path of each wrong field', async () => {
    const response = await service.api('POST', '/v1/accounts', { body: { userId: 1, password: 2, name: 'Pat Doe', email: 'pat@example.com' } });
    expect(Object.keys(response.body.fields as object).sort()).toEqual(['password', 'userId']);
  });

  it('stores SQL metacharacters in names literally', async () => {
    const name = "O'Brien-Smith"; // apostrophes and hyphens are what real names use
    const company = `Robert'); DROP TABLE groups;-- & "Sons"`;
    const response = await service.api('POST', '/v1/access-requests', { token: user.token, body: { ...accessRequest, groupNumber: '7002', officerName: name, companyName: company } });
    expect(response.status).toBe(201);
    const stored = await service.db.execute<{ company_name: string; officer_name: string }>(
      sql`SELECT company_name, officer_name FROM access_requests WHERE confirmation_number = ${String(response.body.confirmationNumber)}`,
    );
    expect(stored.rows[0]).toEqual({ company_name: company, officer_name: name });
    const groups = await service.db.execute(sql`SELECT count(*) FROM groups`);
    expect(groups.rows).toHaveLength(1);
  });
});
