import type { TermsOfService } from '@shared/plan-api/bill-pay';

/**
 * The Bill Pay terms of service in force. A sign-up names the version it accepts and is refused
 * when that is not this one, so nobody is bound by terms they were not shown; the version and the
 * time of acceptance are kept with the sign-up (bill_pay_sign_ups). A new text gets a new version.
 */
export const currentTerms: TermsOfService = {
  version: '2026-01',
  title: 'GroupDesk Bill Pay Terms of Service',
  effectiveOn: '2026-01-01',
  text: [
    'These terms govern the use of GroupDesk Bill Pay by an employer group and the people it authorizes. By signing up you confirm that you may act for the employer named on the invoice in matters of premium billing and payment, and that you accept these terms on its behalf.',
    'Bill Pay shows the group’s monthly invoices with their member-level lines and lets you pay an invoice in full from the employer’s bank account, once or automatically every month. Each payment is an ACH debit; you authorize the plan to debit the account you name for the amount you approve, on the date you choose, and to credit it back if a debit is made in error.',
    'Premiums are due on the first day of the month they cover. A payment is applied when the plan receives it; a debit returned by the bank (for example for insufficient funds or a closed account) leaves the invoice unpaid and may cancel automatic payments. Coverage stays subject to the grace period and termination terms of the group’s plan contract, which these terms do not change.',
    'Keep your user ID and password to yourself and sign out of shared computers. Everyone who signs up for Bill Pay gets their own login; the group’s primary administrator can see who has billing access and remove it at any time. Tell the plan at once if you think someone used your login without your permission.',
    'The plan keeps a record of every sign-up, payment and change, with the time and the user who made it, for as long as the law requires. Bank account numbers are stored encrypted and shown only in part. The plan uses this information only to bill and collect premiums and to keep the service secure.',
    'The plan may change these terms; a new version is shown to you, and you must accept it, before your next sign-up. Questions about an invoice or a payment go to the plan’s billing department at the number printed on the invoice.',
  ].join('\n\n'),
};
