/**
 * The plan that issues the invoices, as printed on them: its name heads the statement, and its
 * billing service team is who a group calls about one. One plan runs the service, so these are the
 * same for every group.
 */
export const billingPlan = {
  name: 'GroupDesk Health Plan',
  serviceTeam: { name: 'Group Billing Services', phone: '1-800-555-0134' },
} as const;
