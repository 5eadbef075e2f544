import { z } from 'zod';
import { method } from '../define';
import { groupNumber } from '../schemas/primitives';
import { billPaySignUpRequest, billPaySignUpResponse, termsOfService } from '../../plan-api/bill-pay';

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
} as const;
