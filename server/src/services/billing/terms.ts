import type { TermsOfService } from '@shared/plan-api/bill-pay';

/**
 * The Bill Pay terms of service in force. A sign-up names the version it accepts and is refused
 * when that is not this one, so nobody is bound by terms they were not shown; each user's accepted
 * version is kept per group (bill_pay_terms_acceptances), and a billing user who accepted an older
 * one is asked again (terms-acceptance.ts). The text describes only what Bill Pay does today: a new
 * feature (paying invoices) comes with a new text and a new version.
 */
export const currentTerms: TermsOfService = {
  version: '2026-12',
  title: 'GroupDesk Bill Pay Terms of Service',
  effectiveOn: '2026-12-01',
  text: [
    'These terms govern the use of GroupDesk Bill Pay by an employer group and the people it authorizes. By signing up you confirm that you may act for the employer named on the invoice in matters of premium billing, and that you accept these terms on its behalf.',
    'Bill Pay lets you sign up as a billing user of the group, with its group number and the invoice number and amount of its latest invoice, and shows you the group’s balance of open invoices. Each invoice line names the member it bills, with their member ID, plan, coverage tier and amount; billing users do not see the group’s roster or members’ other details. Bill Pay does not take payments: pay invoices as you do today, by the means printed on the invoice.',
    'Keep your user ID and password to yourself and sign out of shared computers. Everyone who signs up for Bill Pay gets their own login. The group’s primary administrators are told by e-mail of each new billing user, can see who has billing access and can remove it at any time. Tell the plan at once if you think someone used your login without your permission.',
    'The plan keeps a record of every sign-up and acceptance of these terms, with the time and the user who made it, for as long as the law requires, and uses it only to bill premiums and to keep the service secure.',
    'The plan may change these terms, and will when Bill Pay offers more (such as paying invoices online). A new version is shown to you, and you are asked to accept it, before you go on using Bill Pay. Questions about an invoice go to the plan’s billing department at the number printed on the invoice.',
  ].join('\n\n'),
};
