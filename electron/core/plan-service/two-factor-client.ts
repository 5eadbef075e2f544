import type { z } from 'zod';
import { signOutEverywhereResponse, type SignOutEverywhereResponse } from '@shared/plan-api/accounts';
import { enrollmentStarted, recoveryCodesIssued, twoFactorStatus, type EnrollmentStarted, type TwoFactorStatus } from '@shared/plan-api/two-factor';
import { accountFailure } from './account-client';
import type { PlanClient } from './plan-client';

/** The signed-in user's two-step sign-in at the plan service (shared/plan-api/two-factor.ts); failures in the contract's words. */

async function call<T>(client: PlanClient, method: string, path: string, schema: z.ZodType<T>, body?: unknown, status = 200): Promise<T> {
  try {
    return await client.json(method, path, schema, { ...(body === undefined ? {} : { body }), status });
  } catch (error) {
    throw accountFailure(error, client.url);
  }
}

export const twoFactorStatusAt = (client: PlanClient): Promise<TwoFactorStatus> => call(client, 'GET', '/v1/me/two-factor', twoFactorStatus);

export const startTwoFactor = (client: PlanClient): Promise<EnrollmentStarted> => call(client, 'POST', '/v1/me/two-factor/enrollment', enrollmentStarted, undefined, 201);

export const confirmTwoFactor = async (client: PlanClient, code: string): Promise<string[]> =>
  (await call(client, 'POST', '/v1/me/two-factor/enrollment/confirm', recoveryCodesIssued, { code })).recoveryCodes;

export async function disableTwoFactor(client: PlanClient, input: { password: string; code: string }): Promise<void> {
  try {
    await client.send('POST', '/v1/me/two-factor/disable', { body: input });
  } catch (error) {
    throw accountFailure(error, client.url);
  }
}

export const regenerateRecoveryCodes = async (client: PlanClient, code: string): Promise<string[]> =>
  (await call(client, 'POST', '/v1/me/two-factor/recovery-codes', recoveryCodesIssued, { code })).recoveryCodes;

/** Ends the user's other sessions and forgets every remembered computer (DELETE /v1/sessions). */
export const signOutEverywhere = (client: PlanClient): Promise<SignOutEverywhereResponse> => call(client, 'DELETE', '/v1/sessions', signOutEverywhereResponse);
