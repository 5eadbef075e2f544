import { z } from 'zod';
import { phone } from '@shared/contract/schemas/primitives';

/**
 * The plan that issues the invoices, as printed on them and named in their e-mails: its name heads
 * the statement, and its billing service team is who a group calls about one. Its member services
 * line is who a member calls: it goes out with each group and onto members' ID cards. One plan runs
 * the service, so these are the same for every group; the operator sets them (PLAN_NAME,
 * BILLING_TEAM_NAME, BILLING_TEAM_PHONE, MEMBER_SERVICES_PHONE, ACCOUNT_SETUP_PHONE), and the sandbox's
 * demo plan is the default. The account-setup line is who a group's administrators call about signing
 * up and getting access; GroupDesk's Help shows it with the group's other contacts.
 */
export const billingPlanSchema = z.object({
  name: z.string().trim().min(1).max(80),
  serviceTeam: z.object({
    name: z.string().trim().min(1).max(80),
    // A number as people dial it: digits with the usual separators, optionally +country first.
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{5,23}$/, 'must be a phone number such as 1-800-555-0134'),
  }),
  // The group's schema carries it, so it is held to that schema's form.
  memberServicesPhone: z.string().trim().pipe(phone),
  // Optional for callers that describe a plan without it (tests of invoices); the configuration always sets one.
  accountSetupPhone: z.string().trim().pipe(phone).optional(),
});

export type BillingPlan = z.infer<typeof billingPlanSchema>;

/** The sandbox's account-setup line, the default when ACCOUNT_SETUP_PHONE is not set. */
export const sandboxAccountSetupPhone = '1-800-555-0162';

/** The sandbox's plan: a made-up name and 555 numbers nobody answers. */
export const sandboxBillingPlan: BillingPlan = {
  name: 'GroupDesk Health Plan',
  serviceTeam: { name: 'Group Billing Services', phone: '1-800-555-0134' },
  memberServicesPhone: '1-800-555-0177',
  accountSetupPhone: sandboxAccountSetupPhone,
};
