import { totpCodeAt } from '../src/services/accounts/two-factor/totp';
import type { TestService } from './test-service';

/** One TOTP step: a code is accepted once per step, so tests move the clock this far between uses. */
export const STEP_MS = 30_000;

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
}

/** What the user's authenticator app shows now, by the service clock. */
export const currentCode = (service: TestService, secret: string): string => totpCodeAt(secret, service.clock.now());

/** Turns two-step sign-in on through the API, as the desktop does, then moves past the step its code used. */
export async function enrollTwoFactor(service: TestService, token: string): Promise<Enrolled> {
  const started = await service.api<{ secret: string }>('POST', '/v1/me/two-factor/enrollment', { token });
  if (started.status !== 201) throw new Error(`start enrollment: ${started.status} ${JSON.stringify(started.body)}`);
  const confirmed = await service.api<{ recoveryCodes: string[] }>('POST', '/v1/me/two-factor/enrollment/confirm', { token, body: { code: currentCode(service, started.body.secret) } });
  if (confirmed.status !== 200) throw new Error(`confirm enrollment: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  service.clock.advance(STEP_MS);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}
