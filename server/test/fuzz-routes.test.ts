import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@shared/contract/errors';
import { generateMembers } from '@shared/sandbox/generator';
import { bulkLoadMembers } from '../src/services/sandbox/bulk-load';
import { startTestService } from '../test-support/test-service';
import { backends } from '../test-support/backends';
import { databaseDigest } from '../test-support/database-digest';
import { mountedRoutes, type MountedRoute } from '../test-support/route-list';
import { hostileInput, hostileValue } from '../../test/support/fuzz/hostile-input';
import type { JsonSchema, KnownValues } from '../../test/support/fuzz/schema-arbitrary';
import { fuzzParameters } from '../../test/support/fuzz/fuzz-runs';

/**
 * Every route of the plan service, enumerated from Fastify's route tree, fed hostile input over real
 * HTTP as a signed-in primary administrator of a seeded group: the answer is never a 5xx, a refusal
 * always carries a contract error code (and, for a validation failure, the field), and a refused
 * request changes no row of any table. Runs: FUZZ_RUNS, else CI_RUNS (docs/testing-fuzz.md).
 */
const CI_RUNS = 3;
const GROUP = '660012';

/** Routes fuzzed by a targeted test instead, each with why. */
const excluded: Record<string, string> = {
  'GET /verify': 'an HTML page for the link in the verification e-mail, not JSON; targeted test below',
  'POST /verify': 'the HTML form of that page (application/x-www-form-urlencoded); targeted test below',
};

/**
 * Tables a refusal may change, by route, each with why: a wrong password (signing in, changing it, or
 * confirming it before a bank account or autopay is set up) is the very thing the lockout counts, so
 * the attempt, the lock and its audit entry are written.
 */
const passwordChecked = ['login_attempts', 'lockouts', 'audit_log'];
const mayChangeOnRefusal: Record<string, readonly string[]> = {
  'POST /v1/sessions': passwordChecked,
  'POST /v1/accounts/password': passwordChecked,
  'POST /v1/groups/:groupNumber/bank-accounts': passwordChecked,
  'PUT /v1/groups/:groupNumber/autopay': passwordChecked,
};

/**
 * Columns any authenticated request may write, refused or not: a session's idle timer slides on use
 * (at most once a minute, server/src/services/accounts/sessions.ts).
 */
const touchedByAnyRequest = { sessions: ['last_seen_at'] };

// PostgreSQL where the run has one (TEST_DATABASE_URL, as CI does), else PGlite: one backend, since
// every route's property runs against it and both would double the time.
const service = await startTestService({ backend: backends().at(-1) ?? 'pglite' });
await service.createGroup(GROUP);
const today = service.clock.now().toISOString().slice(0, 10);
const plans = [
  { code: 'PPO-500', name: 'PPO 500', kind: 'PPO' as const, rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 } },
  { code: 'HMO-250', name: 'HMO 250', kind: 'HMO' as const, rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } },
];
await service.db.transaction((tx) => bulkLoadMembers(tx, service.ssnCipher, GROUP, generateMembers({ seed: 11, today, groupNumber: GROUP, plans, subscribers: 8 }), service.clock.now()));
const admin = await service.signUpUser();
await service.grantRole(admin.userId, GROUP, 'primary_admin');
// The user the fuzz names when a route takes a user ID: never the administrator it signs in as.
const colleague = await service.signUpUser();
await service.grantRole(colleague.userId, GROUP, 'admin');
const listed = await service.api<{ members: { memberId: string }[] }>('GET', `/v1/groups/${GROUP}/members?limit=5`, { token: admin.token });
const known: KnownValues = {
  groupNumber: [GROUP],
  memberId: listed.body.members.map((m) => m.memberId),
  userId: [colleague.userId],
  planCode: ['PPO-500', 'HMO-250'],
};
const routes = mountedRoutes(service.app);
const openapi = service.app.swagger() as unknown as { paths: Record<string, Record<string, Operation | undefined>> };
let session = admin.token;
let baseline = await databaseDigest(service.db, touchedByAnyRequest);

afterAll(async () => service.close());

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const keyOf = (route: MountedRoute) => `${route.method} ${route.url}`;
const operationOf = (route: MountedRoute): Operation | undefined => openapi.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];

function parametersSchema(operation: Operation | undefined, where: 'query' | 'path'): JsonSchema {
  const parameters = (operation?.parameters ?? []).filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required === true).map((p) => p.name),
  };
}

/** A query string from any JSON value: an object's keys become parameters (arrays repeat them), anything else one `q`. */
function queryString(value: unknown): string {
  const query = new URLSearchParams();
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) for (const item of Array.isArray(v) ? v : [v]) query.append(key, text(item));
  } else if (value !== undefined) query.append('q', text(value));
  const encoded = query.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the three bytes a
 * careless encoder would write for it: invalid UTF-8 the service must refuse.
 */
function encodePart(text: string): string {
  return text
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((piece, i) => {
      if (i % 2 === 0) return encodeURIComponent(piece);
      const code = piece.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

function pathOf(url: string, params: unknown): string {
  const values = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    const text = value === undefined ? 'x' : typeof value === 'string' ? value : JSON.stringify(value);
    return encodePart(text === '' ? 'x' : text);
  });
}

interface Answer {
  status: number;
  body: unknown;
}

/** One real HTTP request; an event stream that opened is closed at once (its status is the answer). */
async function send(method: string, path: string, body: unknown): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(`${service.url}${path}`, {
    method,
    signal: abort.signal,
    headers: { authorization: `Bearer ${session}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    abort.abort();
    return { status: response.status, body: null };
  }
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

const signIn = () => service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: admin.userId, password: admin.password } });

/** After a request that succeeded: the administrator may have signed out or changed a password; sign in again. */
async function keepSignedIn(): Promise<void> {
  const me = await service.api('GET', '/v1/me', { token: session });
  if (me.status === 200) return;
  let signedIn = await signIn();
  // Fuzzing POST /v1/accounts/password fails the password check again and again, which locks the
  // user ID for a while: the service's clock moves past the lock.
  for (let day = 0; signedIn.status === 429 && day < 7; day += 1) {
    service.clock.advance(24 * 60 * 60 * 1000);
    signedIn = await signIn();
  }
  expect(signedIn.status, 'the administrator can sign in again').toBe(201);
  session = signedIn.body.token;
}

function expectCleanRefusal(answer: Answer, what: string): void {
  expect(answer.status, what).toBeLessThan(500);
  if (answer.status < 400) return;
  const error = answer.body as { code?: unknown; message?: unknown; fields?: Record<string, string> };
  expect(errorCodes, what).toContain(error.code);
  expect(error.code, what).not.toBe('INTERNAL');
  expect(typeof error.message === 'string' && error.message.length > 0, what).toBe(true);
  if (answer.status === 400 && error.fields !== undefined) expect(Object.keys(error.fields).length, what).toBeGreaterThan(0);
}

describe('the plan service under hostile input', () => {
  it('enumerates every route it serves, each fuzzed or excluded with a reason', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      if (excluded[keyOf(route)] !== undefined) continue;
      expect(route.url.startsWith('/v1/'), keyOf(route)).toBe(true);
    }
    expect(Object.keys(excluded).every((key) => routes.some((route) => keyOf(route) === key))).toBe(true);
    // The route tree and the OpenAPI document agree, so reading the tree missed nothing.
    for (const [url, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations)) {
        const route = { method: method.toUpperCase(), url: url.replace(/\{(\w+)\}/g, ':$1') };
        expect(routes.some((r) => keyOf(r) === keyOf(route)), keyOf(route)).toBe(true);
      }
    }
  });

  it.each(routes.filter((route) => excluded[keyOf(route)] === undefined).map((route) => [keyOf(route), route] as const))(
    '%s answers hostile input with a clean refusal and changes nothing when it refuses',
    async (key, route) => {
      const operation = operationOf(route);
      const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
      const takesBody = route.method !== 'GET';
      const input = fc.record({
        params: fc.oneof({ arbitrary: hostileInput(parametersSchema(operation, 'path'), known), weight: 1 }, { arbitrary: fc.constant(Object.fromEntries(Object.entries(known).map(([k, v]) => [k, v[0]]))), weight: 3 }),
        query: hostileInput(parametersSchema(operation, 'query'), known),
        body: takesBody ? (bodySchema === undefined ? fc.oneof(fc.constant(undefined), hostileValue()) : hostileInput(bodySchema, known)) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body }) => {
          const path = pathOf(route.url, params) + queryString(query);
          const answer = await send(route.method, path, body);
          const what = `${key}: ${route.method} ${path.slice(0, 200)} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
          expectCleanRefusal(answer, what);
          const before = baseline;
          const after = await databaseDigest(service.db, touchedByAnyRequest);
          // The next run (or a shrinking replay of this one) compares with what is there now.
          baseline = after;
          if (answer.status >= 400) {
            const allowed = new Set(mayChangeOnRefusal[key] ?? []);
            const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !allowed.has(table));
            expect(changed, `${what}: a refusal changed rows`).toEqual([]);
          } else {
            await keepSignedIn();
            baseline = await databaseDigest(service.db, touchedByAnyRequest);
          }
        }),
        fuzzParameters(CI_RUNS),
      );
    },
    Math.max(60_000, (Number(process.env.FUZZ_RUNS) || CI_RUNS) * 2000),
  );

  it('answers hostile input to the e-mail verification page with a page, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('userId', 'code', 'token', 'x'), fc.oneof(fc.string(), hostileValue().map((v) => JSON.stringify(v) ?? ''))), async (form) => {
        const query = new URLSearchParams(form).toString();
        const get = await fetch(`${service.url}/verify?${query}`);
        expect(get.status, `GET /verify?${query.slice(0, 200)}`).toBeLessThan(500);
        const post = await fetch(`${service.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query });
        expect(post.status, `POST /verify ${query.slice(0, 200)}`).toBeLessThan(500);
      }),
      fuzzParameters(CI_RUNS * 4),
    );
  });
});
