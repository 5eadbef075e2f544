import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { DAY } from '../test-support/clock';
import { currentCode, enrollTwoFactor, STEP_MS } from '../test-support/two-factor';
import { totpCodeAt } from '../src/services/accounts/two-factor/totp';
import { twoFactor } from '../src/store/schema';

/** Two-step sign-in end to end over HTTP: enrollment, the second step, recovery codes and remembered computers. */
describe.each(backends())('two-step sign-in (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  const signIn = (userId: string, password: string, deviceToken?: string) =>
    service.api<{ challenge?: string; token?: string; rememberedDevice?: { deviceToken: string; expiresAt: string } }>('POST', '/v1/sessions', { body: { userId, password, ...(deviceToken ? { deviceToken } : {}) } });
  const secondStep = (body: Record<string, unknown>) =>
    service.api<{ token?: string; code?: string; rememberedDevice?: { deviceToken: string; expiresAt: string } }>('POST', '/v1/sessions/second-factor', { body });

  it('turns on only after a first right code, keeps the secret sealed to its user, and then asks for a code at sign-in', async () => {
    const user = await service.signUpUser();
    const started = await service.api<{ secret: string; otpauthUri: string }>('POST', '/v1/me/two-factor/enrollment', { token: user.token });
    expect(started.status).toBe(201);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(new RegExp(`^otpauth://totp/.*${user.userId}\\?.*secret=${started.body.secret}`));

    // Not in force yet: sign-in still needs only the password.
    expect((await signIn(user.userId, user.password)).status).toBe(201);
    const [sealed] = await service.db.select().from(twoFactor).where(eq(twoFactor.userId, user.userId));
    expect(Buffer.from(sealed!.secretSealed).toString('latin1')).not.toContain(started.body.secret);

    const wrong = await service.api('POST', '/v1/me/two-factor/enrollment/confirm', { token: user.token, body: { code: '000000' === currentCode(service, started.body.secret) ? '111111' : '000000' } });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { code: 'Not right' } } });

    const confirmed = await service.api<{ recoveryCodes: string[] }>('POST', '/v1/me/two-factor/enrollment/confirm', { token: user.token, body: { code: currentCode(service, started.body.secret) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await service.api('GET', '/v1/me/two-factor', { token: user.token })).body).toEqual({ enabled: true, required: false, policy: 'optional', recoveryCodesLeft: 10, sessionLimited: false });

    // A second enrollment cannot replace a secret that is on.
    expect((await service.api('POST', '/v1/me/two-factor/enrollment', { token: user.token })).body).toMatchObject({ code: 'CONFLICT' });

    service.clock.advance(STEP_MS);
    const first = await signIn(user.userId, user.password);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ secondFactorRequired: true, challenge: expect.any(String) });
    expect(first.body.token).toBeUndefined();
    const done = await secondStep({ challenge: first.body.challenge, code: currentCode(service, started.body.secret) });
    expect(done.status).toBe(201);
    expect((await service.api('GET', '/v1/me', { token: done.body.token })).status).toBe(200);
  });

  it('accepts a code one step either side, refuses one further off, and refuses a code already used in its step', async () => {
    const user = await service.signUpUser();
    const { secret } = await enrollTwoFactor(service, user.token);
    // One step more, so that the step before now is later than the one enrollment used.
    service.clock.advance(STEP_MS);
    const at = (offsetMs: number) => totpCodeAt(secret, new Date(service.clock.now().getTime() + offsetMs));

    const tooLate = await signIn(user.userId, user.password);
    expect((await secondStep({ challenge: tooLate.body.challenge, code: at(-3 * STEP_MS) })).status).toBe(401);
    const early = await secondStep({ challenge: tooLate.body.challenge, code: at(-STEP_MS) });
    expect(early.status).toBe(201);

    // The same code again, on a fresh challenge: a replay.
    const again = await signIn(user.userId, user.password);
    const replay = await secondStep({ challenge: again.body.challenge, code: at(-STEP_MS) });
    expect(replay).toMatchObject({ status: 401, body: { code: 'AUTH', message: 'That code is not right or was already used.' } });
    // The challenge itself is still good for a later code; once used it is gone.
    const ahead = await secondStep({ challenge: again.body.challenge, code: at(STEP_MS) });
    expect(ahead.status).toBe(201);
    expect((await secondStep({ challenge: again.body.challenge, code: at(STEP_MS) })).body).toMatchObject({ code: 'AUTH', message: expect.stringMatching(/Sign in again/) });
  });

  it('lets each recovery code sign in once', async () => {
    const user = await service.signUpUser();
    const { secret, recoveryCodes } = await enrollTwoFactor(service, user.token);
    const [code] = recoveryCodes;
    const first = await signIn(user.userId, user.password);
    // Typed in capitals without the hyphen, as people do.
    const used = await secondStep({ challenge: first.body.challenge, recoveryCode: code!.replace('-', '').toUpperCase() });
    expect(used.status).toBe(201);
    const second = await signIn(user.userId, user.password);
    expect((await secondStep({ challenge: second.body.challenge, recoveryCode: code })).status).toBe(401);
    expect((await service.api('GET', '/v1/me/two-factor', { token: used.body.token })).body).toMatchObject({ recoveryCodesLeft: 9 });

    // New codes need a current code; the old ones stop working.
    const renewed = await service.api<{ recoveryCodes: string[] }>('POST', '/v1/me/two-factor/recovery-codes', { token: used.body.token, body: { code: '123456' } });
    expect(renewed.status).toBe(400);
    const fresh = await service.api<{ recoveryCodes: string[] }>('POST', '/v1/me/two-factor/recovery-codes', { token: used.body.token, body: { code: currentCode(service, secret) } });
    expect(fresh.status).toBe(200);
    const third = await signIn(user.userId, user.password);
    expect((await secondStep({ challenge: third.body.challenge, recoveryCode: recoveryCodes[1] })).status).toBe(401);
    expect((await secondStep({ challenge: third.body.challenge, recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(201);
  });

  it('remembers a computer for 30 days with a signed token that cannot be altered or moved to another user, and that signing out everywhere or a new password revokes', async () => {
    const user = await service.signUpUser();
    const other = await service.signUpUser();
    const { secret } = await enrollTwoFactor(service, user.token);
    await enrollTwoFactor(service, other.token);
    const first = await signIn(user.userId, user.password);
    const remembered = await secondStep({ challenge: first.body.challenge, code: currentCode(service, secret), rememberDevice: true });
    expect(remembered.status).toBe(201);
    const deviceToken = remembered.body.rememberedDevice!.deviceToken;
    expect(Date.parse(remembered.body.rememberedDevice!.expiresAt) - service.clock.now().getTime()).toBeGreaterThan(29 * DAY);

    expect((await signIn(user.userId, user.password, deviceToken)).status).toBe(201);
    const tampered = deviceToken.replace(/\.(\d+)\./, (_, seconds: string) => `.${Number(seconds) + 86_400}.`);
    expect((await signIn(user.userId, user.password, tampered)).status).toBe(202);
    expect((await signIn(other.userId, other.password, deviceToken)).status).toBe(202);
    // A remembered computer still needs the password.
    expect((await signIn(user.userId, 'not-the-password-at-all', deviceToken)).status).toBe(401);

    service.clock.advance(31 * DAY);
    expect((await signIn(user.userId, user.password, deviceToken)).status).toBe(202);
    service.clock.advance(-31 * DAY);

    const session = await signIn(user.userId, user.password, deviceToken);
    const everywhere = await service.api('DELETE', '/v1/sessions', { token: session.body.token });
    expect(everywhere).toMatchObject({ status: 200, body: { forgottenDevices: 1 } });
    expect((await signIn(user.userId, user.password, deviceToken)).status).toBe(202);

    // A new password forgets remembered computers too.
    service.clock.advance(STEP_MS);
    const next = await signIn(user.userId, user.password);
    const again = await secondStep({ challenge: next.body.challenge, code: currentCode(service, secret), rememberDevice: true });
    const newPassword = 'Fresh-Password-For-Tests-91';
    expect((await service.api('POST', '/v1/accounts/password', { token: again.body.token, body: { currentPassword: user.password, newPassword } })).status).toBe(200);
    expect((await signIn(user.userId, newPassword, again.body.rememberedDevice!.deviceToken)).status).toBe(202);
  });

  it('turns off with the password and a current code, forgetting remembered computers', async () => {
    const user = await service.signUpUser();
    const { secret } = await enrollTwoFactor(service, user.token);
    const first = await signIn(user.userId, user.password);
    const remembered = await secondStep({ challenge: first.body.challenge, code: currentCode(service, secret), rememberDevice: true });
    service.clock.advance(STEP_MS);
    const token = remembered.body.token!;
    expect((await service.api('POST', '/v1/me/two-factor/disable', { token, body: { password: 'wrong-password-here', code: currentCode(service, secret) } })).status).toBe(400);
    expect((await service.api('POST', '/v1/me/two-factor/disable', { token, body: { password: user.password, code: currentCode(service, secret) } })).status).toBe(204);
    expect((await service.api('GET', '/v1/me/two-factor', { token })).body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await signIn(user.userId, user.password)).status).toBe(201);

    // On again with a new secret: the computer remembered before is not remembered any more.
    const { secret: renewed } = await enrollTwoFactor(service, token);
    expect(renewed).not.toBe(secret);
    expect((await signIn(user.userId, user.password, remembered.body.rememberedDevice!.deviceToken)).status).toBe(202);
  });

  it('refuses malformed second steps with clear messages', async () => {
    const both = await secondStep({ challenge: 'x'.repeat(43), code: '123456', recoveryCode: '4kq7x-2m9pa' });
    expect(both).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { recoveryCode: 'Enter either the 6-digit code or a recovery code' } } });
    expect((await secondStep({ challenge: 'x'.repeat(43), code: '12345' })).body).toMatchObject({ fields: { code: 'The code is the 6 digits your authenticator app shows' } });
    expect((await secondStep({ challenge: 'x'.repeat(43), code: '123 456' })).body).toMatchObject({ code: 'AUTH', message: expect.stringMatching(/Sign in again/) });
  });
});
