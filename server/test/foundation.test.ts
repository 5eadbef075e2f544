import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { migrate } from '../src/store/migrate';
import { migrations } from '../src/store/migrations';

describe.each(backends())('plan service foundation (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  it('applies every migration once and records it', async () => {
    const applied = await service.db.execute<{ version: number; name: string }>(sql`SELECT version, name FROM schema_migrations ORDER BY version`);
    expect(applied.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const response = await service.api('GET', '/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/v1/no-such-thing') });
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const response = await service.api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/v1/accounts', '/v1/sessions', '/v1/me', '/v1/access-requests', '/v1/groups/{groupNumber}/users']));
    const register = (response.body.paths['/v1/accounts'] as { post: { requestBody: unknown; responses: Record<string, unknown> } }).post;
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '4XX', '5XX']));
    expect(JSON.stringify(register.requestBody)).toContain('"additionalProperties":false');
  });

  it('sends security headers (helmet)', async () => {
    const response = await service.api('GET', '/v1/openapi.json');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('migrations', () => {
  it('refuses a database that has a migration this build does not know', async () => {
    const run = async <T>(work: (q: { exec(t: string): Promise<void>; query<R>(t: string, p: unknown[]): Promise<R[]> }) => Promise<T>) =>
      work({ exec: async () => undefined, query: async <R>(text: string) => (text.startsWith('SELECT version') ? [{ version: 99, name: '0099_future' }] : []) as R[] });
    await expect(migrate(run)).rejects.toThrow(/newer version/);
  });
});
