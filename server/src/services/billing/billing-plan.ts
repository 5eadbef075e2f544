import { z } from 'zod';

/**
 * The plan that issues the invoices, as printed on them and named in their e-mails: its name heads
 * the statement, and its billing service team is who a group calls about one. One plan runs the
 * service, so these are the same for every group; the operator sets them (PLAN_NAME,
 * BILLING_TEAM_NAME, BILLING_TEAM_PHONE), and the sandbox's demo plan is the default.
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
});

export type BillingPlan = z.infer<typeof billingPlanSchema>;

/** The sandbox's plan: a made-up name and a 555 number nobody answers. */
export const sandboxBillingPlan: BillingPlan = {
  name: 'GroupDesk Health Plan',
  serviceTeam: { name: 'Group Billing Services', phone: '1-800-555-0134' },
};
