import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { startPlanService } from '../src/start';

describe.each(backends())('rate limits (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend, limits: { global: 40, credentials: 10, windowMs: 60_000 } });
  });
  afterAll(() => service?.close());

  it('answers a sign-in flood with 429 before checking any credentials', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await service.api('POST', '/v1/sessions', { body: { userId: `flooder${i}`, password: 'whatever-password' } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
    const limited = await service.api('POST', '/v1/sessions', { body: { userId: 'flooder', password: 'whatever-password' } });
    expect(limited.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/Too many requests/) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers an unauthenticated flood of any route with 429, not 401', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await service.api('GET', '/v1/me')).status);
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('rate limits and sign-in records behind a reverse proxy', () => {
  it('counts each forwarded client separately only when the connecting address is a listed proxy', async () => {
    for (const [trustProxy, separate] of [[['127.0.0.1'], true], [['10.0.0.0/8'], false]] as const) {
      const service = await startPlanService({ trustProxy: [...trustProxy], limits: { global: 3, credentials: 3, windowMs: 60_000 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const response = await fetch(`${service.url}/v1/me`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
          statuses.push(response.status);
        }
        expect(statuses).toEqual(separate ? [401, 401, 401, 401, 401] : [401, 401, 401, 429, 429]);
      } finally {
        await service.close();
      }
    }
  });

  it('records failed sign-ins under the connecting address when X-Forwarded-For comes from an unlisted one', async () => {
    const service = await startPlanService({ trustProxy: ['10.0.0.0/8'] });
    try {
      for (let i = 0; i < 3; i++) {
        await fetch(`${service.url}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
          body: JSON.stringify({ userId: 'spoofer', password: 'wrong-password-here' }),
        });
      }
      const recorded = await service.db.execute<{ ip: string }>(sql`SELECT DISTINCT ip FROM login_attempts WHERE user_id = 'spoofer'`);
      expect(recorded.rows).toEqual([{ ip: '127.0.0.1' }]);
    } finally {
      await service.close();
    }
  });
});
