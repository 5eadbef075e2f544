import type { TermsOfService } from '@shared/plan-api/bill-pay';

/**
 * The Bill Pay terms of service in force. A sign-up names the version it accepts and is refused
 * when that is not this one, so nobody is bound by terms they were not shown; each user's accepted
 * version is kept per group (bill_pay_terms_acceptances), and a billing user who accepted an older
 * one is asked again (terms-acceptance.ts). The text describes only what Bill Pay does today: a new
 * feature comes with a new text and a new version, as paying invoices by ACH debit brought 2027-01.
 */
export const currentTerms: TermsOfService = {
  version: '2027-01',
  title: 'GroupDesk Bill Pay Terms of Service',
  effectiveOn: '2027-01-01',
  text: [
    'These terms govern the use of GroupDesk Bill Pay by an employer group and the people it authorizes. By signing up you confirm that you may act for the employer named on the invoice in matters of premium billing, and that you accept these terms on its behalf.',
    'Bill Pay lets you sign up as a billing user of the group, with its group number and the invoice number and amount of its latest invoice, and shows you the group’s invoices and its balance of open invoices. Each invoice line names the member it bills, with their member ID, plan, coverage tier and amount; billing users do not see the group’s roster or members’ other details.',
    'Bank accounts. Billing users and primary administrators may add the employer’s checking or savings accounts, giving your password again. The plan checks the routing number and verifies each account before debiting it, by a zero-dollar test entry (the account can be used three banking days after it is sent, if the bank does not return it) or by two small deposits whose amounts you enter (three tries). The full account number is encrypted by the plan and never shown again: GroupDesk shows its last four digits only. An account cannot be removed while a payment is scheduled from it or autopay uses it.',
    'Payments. You may pay one or more open invoices, in full or in part (a partial amount is applied to the oldest invoice first), by ACH debit of a verified account. A payment may be dated today if you submit it before the cut-off, 5:00 p.m. Eastern time, or any later business day up to the due date; it is sent to the bank that evening and settles the next banking day. You accept the debit authorization shown before you submit, and you get a confirmation number, an e-mail and a receipt. You may cancel a payment until the cut-off of its date; after that it is at the bank. Make sure the account holds enough money on that date.',
    'Autopay. A billing user or primary administrator may enroll the group in autopay, giving your password again and accepting its authorization: the plan then debits the chosen account for each invoice’s total due, on its due date or the number of business days before it you choose. You are e-mailed five business days before each debit and may skip that month or cancel autopay until the cut-off of the debit’s date. The group’s primary administrators are told of every change.',
    'Returns. If the bank returns a debit (for example for insufficient funds or a closed account), the payment is marked returned with the reason, the invoices it paid are open again, and the payer and the primary administrators are e-mailed; autopay is suspended until you enroll again, and an account that cannot be debited is disabled. The plan charges no fee for a returned payment, nor for paying through Bill Pay; your bank may charge its own fees.',
    'Keep your user ID and password to yourself and sign out of shared computers. Everyone who signs up for Bill Pay gets their own login. The group’s primary administrators are told by e-mail of each new billing user, can see who has billing access and can remove it at any time. Tell the plan at once if you think someone used your login without your permission, or if a debit you did not authorize appears on your statement.',
    'The plan keeps a record of every sign-up, acceptance of these terms, payment and autopay authorization, with the time and the user who made it, for as long as the law and the banking rules require, and uses it only to bill and collect premiums and to keep the service secure.',
    'The plan may change these terms. A new version is shown to you, and you are asked to accept it, before you go on using Bill Pay. Questions about an invoice or a payment go to the plan’s billing department at the number printed on the invoice.',
  ].join('\n\n'),
};
