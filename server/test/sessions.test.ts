import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { HOUR, MINUTE } from '../test-support/clock';

describe.each(backends())('sessions (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  const me = (token: string) => service.api('GET', '/v1/me', { token });
  const signIn = (userId: string, password: string) => service.api<{ token: string; expiresAt: string; user: { userId: string } }>('POST', '/v1/sessions', { body: { userId, password } });

  it('signs in with an opaque token stored only as its SHA-256, and /me answers with it', async () => {
    const user = await service.signUpUser();
    expect(user.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await service.db.execute<{ token_hash: string }>(sql`SELECT token_hash FROM sessions WHERE session_id = ${user.sessionId}`);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(user.token);
    const response = await me(user.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: user.userId, emailVerified: true, groups: [] });
  });

  it('lists the groups the user holds a role in, with that role’s permissions', async () => {
    const user = await service.signUpUser();
    await service.createGroup('5101');
    await service.grantRole(user.userId, '5101', 'billing');
    const response = await me(user.token);
    expect(response.body.groups).toEqual([{ groupNumber: '5101', name: 'Acme Tools 5101', role: 'billing', permissions: ['billing.read', 'billing.write'] }]);
  });

  it('accepts the user ID in any case', async () => {
    const user = await service.signUpUser();
    expect((await signIn(user.userId.toUpperCase(), user.password)).status).toBe(201);
  });

  it('answers a wrong password and an unknown user ID the same way', async () => {
    const user = await service.signUpUser();
    const wrongPassword = await signIn(user.userId, 'not-the-password-at-all');
    const unknownUser = await signIn('no-such-user-1', 'not-the-password-at-all');
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
  });

  it('signs out: the token stops working at once, other sessions go on', async () => {
    const user = await service.signUpUser();
    const other = await signIn(user.userId, user.password);
    expect((await service.api('DELETE', '/v1/sessions/current', { token: user.token })).status).toBe(204);
    const after = await me(user.token);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'AUTH', message: expect.stringMatching(/Sign in/) });
    expect((await me(other.body.token)).status).toBe(200);
  });

  it('ends a session unused for 12 hours', async () => {
    const user = await service.signUpUser();
    service.clock.advance(11 * HOUR);
    expect((await me(user.token)).status).toBe(200);
    service.clock.advance(11 * HOUR);
    expect((await me(user.token)).status).toBe(200);
    service.clock.advance(12 * HOUR + MINUTE);
    expect((await me(user.token)).status).toBe(401);
  });

  it('ends every session 7 days after sign-in, however busy', async () => {
    const user = await service.signUpUser();
    for (let day = 0; day < 7; day++) {
      service.clock.advance(10 * HOUR);
      expect((await me(user.token)).status).toBe(200);
      service.clock.advance(10 * HOUR);
      expect((await me(user.token)).status).toBe(200);
    }
    service.clock.advance(29 * HOUR);
    expect((await me(user.token)).status).toBe(401);
  });

  it('refuses malformed and unknown tokens with 401', async () => {
    expect((await service.api('GET', '/v1/me', { headers: { authorization: 'Bearer short' } })).status).toBe(401);
    expect((await service.api('GET', '/v1/me', { token: 'A'.repeat(43) })).status).toBe(401);
    expect((await service.api('GET', '/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const user = await service.signUpUser();
    const laptop = await signIn(user.userId, user.password);
    const phone = await signIn(user.userId, user.password);
    const newPassword = 'Another-Long-Passphrase-7';
    const changed = await service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword: user.password, newPassword } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ endedSessions: 2 });
    expect((await me(user.token)).status).toBe(200);
    expect((await me(laptop.body.token)).status).toBe(401);
    expect((await me(phone.body.token)).status).toBe(401);
    expect((await signIn(user.userId, user.password)).status).toBe(401);
    expect((await signIn(user.userId, newPassword)).status).toBe(201);
  });

  it('refuses a password change with a wrong current password or a weak new one', async () => {
    const user = await service.signUpUser();
    const wrong = await service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword: 'wrong-password-here', newPassword: 'Another-Long-Passphrase-7' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION', fields: { currentPassword: 'Not right' } });
    const weak = await service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword: user.password, newPassword: 'qwerty123456' } });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ fields: { newPassword: expect.stringMatching(/common/) } });
  });

  it('locks the user ID from this address after 5 failed sign-ins, for a minute, even for the right password', async () => {
    const user = await service.signUpUser();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(user.userId, `wrong-password-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await signIn(user.userId, user.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/this user ID is locked for 1 more minute \(until \d{4}-\d\d-\d\dT\d\d:\d\dZ\)/) });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
    // The lock is on this user ID, not on everyone at this address.
    const neighbour = await service.signUpUser();
    expect((await signIn(neighbour.userId, neighbour.password)).status).toBe(201);
    service.clock.advance(MINUTE + 1000);
    expect((await signIn(user.userId, user.password)).status).toBe(201);
  });

  it('counts failures only since the last successful sign-in', async () => {
    const user = await service.signUpUser();
    for (let i = 0; i < 4; i++) await signIn(user.userId, `wrong-password-${i}`);
    expect((await signIn(user.userId, user.password)).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await signIn(user.userId, `wrong-again-${i}`)).status).toBe(401);
  });
});
