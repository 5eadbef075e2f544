import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { accessRequest, type AccessRequest, type AccessRequestInput } from '@shared/plan-api/access-requests';
import {
  changePasswordResponse,
  registerResponse,
  resendVerificationResponse,
  verifyEmailResponse,
  type ChangePasswordRequest,
  type RegisterRequest,
  type RegisterResponse,
} from '@shared/plan-api/accounts';
import {
  billPaySignUpResponse,
  termsAcceptanceStatus,
  termsOfService,
  type BillPaySignUpRequest,
  type BillPaySignUpResponse,
  type TermsAcceptanceRequest,
  type TermsAcceptanceStatus,
  type TermsOfService,
} from '@shared/plan-api/bill-pay';
import {
  groupUsersResponse,
  invitation,
  redeemResponse,
  type GroupUsersResponse,
  type Invitation,
  type InvitationInput,
  type RedeemResponse,
} from '@shared/plan-api/invitations';
import type { Role } from '@shared/contract/roles';
import type { PlanClient, PlanRequestInit } from './plan-client';
import { planFailure } from './plan-failure';

/**
 * The plan service's account, access, users and Bill Pay calls (shared/plan-api) as the desktop
 * makes them on the user's behalf. Each answer is checked with its schema, and each failure is
 * already in the contract's words, with the service's field names renamed to the desktop form's
 * where they differ (`renameFields`).
 */

/** planFailure, with the service's field names renamed to the desktop form's. */
export function accountFailure(error: unknown, url: string, renameFields: Record<string, string> = {}): ContractFailure {
  const failure = planFailure(error, url);
  if (failure.fields === undefined) return failure;
  const fields = Object.fromEntries(Object.entries(failure.fields).map(([name, message]) => [renameFields[name] ?? name, message]));
  return new ContractFailure(failure.code, failure.message, fields);
}

async function call<T>(client: PlanClient, method: string, path: string, schema: z.ZodType<T>, init: PlanRequestInit, renameFields?: Record<string, string>): Promise<T> {
  try {
    return await client.json(method, path, schema, init);
  } catch (error) {
    throw accountFailure(error, client.url, renameFields);
  }
}

const groupPath = (groupNumber: string): string => `/v1/groups/${encodeURIComponent(groupNumber)}`;

export const registerAccount = (client: PlanClient, body: RegisterRequest): Promise<RegisterResponse> =>
  call(client, 'POST', '/v1/accounts', registerResponse, { body, status: 201, auth: false });

/** The e-mail's link token, or the user ID with the 6-digit code; the service's `token` field is the form's `link`. */
export const verifyEmail = (client: PlanClient, body: { token: string } | { userId: string; code: string }): Promise<{ userId: string }> =>
  call(client, 'POST', '/v1/accounts/verify-email', verifyEmailResponse, { body, auth: false }, { token: 'link' });

/** Answers the same whether or not the user ID waits for verification (the service lets no one probe IDs). */
export const resendVerification = (client: PlanClient, userId: string): Promise<{ message: string }> =>
  call(client, 'POST', '/v1/accounts/resend-verification', resendVerificationResponse, { body: { userId }, status: 202, auth: false });

export const changePassword = (client: PlanClient, body: ChangePasswordRequest): Promise<{ endedSessions: number }> =>
  call(client, 'POST', '/v1/accounts/password', changePasswordResponse, { body });

/** The key makes a resend of the same request (its answer lost on the way) file it only once. */
export const fileAccessRequest = (client: PlanClient, body: AccessRequestInput, idempotencyKey: string): Promise<AccessRequest> =>
  call(client, 'POST', '/v1/access-requests', accessRequest, { body, status: 201, headers: { 'idempotency-key': idempotencyKey } });

export const redeemAccessCode = (client: PlanClient, code: string): Promise<RedeemResponse> => call(client, 'POST', '/v1/invitations/redeem', redeemResponse, { body: { code } });

export const groupUsers = (client: PlanClient, groupNumber: string): Promise<GroupUsersResponse> => call(client, 'GET', `${groupPath(groupNumber)}/users`, groupUsersResponse, {});

export const inviteUser = (client: PlanClient, groupNumber: string, body: InvitationInput): Promise<Invitation> =>
  call(client, 'POST', `${groupPath(groupNumber)}/invitations`, invitation, { body, status: 201 });

export const resendInvitation = (client: PlanClient, groupNumber: string, invitationId: number): Promise<Invitation> =>
  call(client, 'POST', `${groupPath(groupNumber)}/invitations/${invitationId}/resend`, invitation, {});

export const revokeInvitation = (client: PlanClient, groupNumber: string, invitationId: number): Promise<Invitation> =>
  call(client, 'DELETE', `${groupPath(groupNumber)}/invitations/${invitationId}`, invitation, {});

export const changeUserRole = (client: PlanClient, groupNumber: string, userId: string, role: Role): Promise<GroupUsersResponse> =>
  call(client, 'PATCH', `${groupPath(groupNumber)}/users/${encodeURIComponent(userId)}`, groupUsersResponse, { body: { role } });

export const removeUser = (client: PlanClient, groupNumber: string, userId: string): Promise<GroupUsersResponse> =>
  call(client, 'DELETE', `${groupPath(groupNumber)}/users/${encodeURIComponent(userId)}`, groupUsersResponse, {});

export const billPayTerms = (client: PlanClient): Promise<TermsOfService> => call(client, 'GET', '/v1/bill-pay/terms', termsOfService, { auth: false });

/** The desktop names the group being joined `signUpGroupNumber` (see shared/contract/methods/bill-pay.ts). */
export const signUpForBillPay = (client: PlanClient, body: BillPaySignUpRequest): Promise<BillPaySignUpResponse> =>
  call(client, 'POST', '/v1/bill-pay/sign-ups', billPaySignUpResponse, { body, status: 201 }, { groupNumber: 'signUpGroupNumber' });

export const termsAcceptance = (client: PlanClient, groupNumber: string): Promise<TermsAcceptanceStatus> =>
  call(client, 'GET', `${groupPath(groupNumber)}/bill-pay/terms-acceptance`, termsAcceptanceStatus, {});

export const acceptBillPayTerms = (client: PlanClient, groupNumber: string, body: TermsAcceptanceRequest): Promise<TermsAcceptanceStatus> =>
  call(client, 'POST', `${groupPath(groupNumber)}/bill-pay/terms-acceptance`, termsAcceptanceStatus, { body });
