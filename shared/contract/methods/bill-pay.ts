import { z } from 'zod';
import { method } from '../define';
import { groupNumber } from '../schemas/primitives';
import { billPaySignUpRequest, billPaySignUpResponse, termsAcceptanceRequest, termsAcceptanceStatus, termsOfService } from '../../plan-api/bill-pay';

/**
 * Bill Pay sign-up: a signed-in user proves they hold the group's latest invoice and accepts the
 * terms of service, and gains the billing role in that group. The input's group is the one being
 * joined, so it is named `signUpGroupNumber`: the core's group-permission check (which needs a role
 * in a named `groupNumber`) must not refuse a user for not yet having one.
 */
export const billPayMethods = {
  'billPay.terms': method({
    summary: 'The plan’s current Bill Pay terms of service.',
    permission: 'none',
    input: z.object({}).strict(),
    output: termsOfService,
  }),
  'billPay.signUp': method({
    summary: 'Join a group for Bill Pay with the group number and the latest invoice’s number and amount.',
    permission: 'none',
    input: billPaySignUpRequest.omit({ groupNumber: true }).extend({ signUpGroupNumber: groupNumber }).strict(),
    output: billPaySignUpResponse,
  }),
  'billPay.termsAcceptance': method({
    summary: 'Which Bill Pay terms the user accepted for the group, and whether the plan asks them to accept the version in force.',
    permission: 'none',
    input: z.object({ groupNumber }).strict(),
    output: termsAcceptanceStatus,
  }),
  'billPay.acceptTerms': method({
    summary: 'Accept the Bill Pay terms in force for the group, naming the version shown.',
    permission: 'billing.write',
    input: termsAcceptanceRequest.extend({ groupNumber }).strict(),
    output: termsAcceptanceStatus,
  }),
} as const;
