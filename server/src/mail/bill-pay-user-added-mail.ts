import { planInstant } from '@shared/util/date-format';
import { escapeHtml } from './escape-html';
import type { OutgoingMail } from './mailer';

export interface BillPayUserAdded {
  to: string;
  /** The primary administrator written to. */
  name: string;
  groupNumber: string;
  companyName: string;
  newUser: { userId: string; name: string; email: string };
  /** ISO instant of the sign-up. */
  at: string;
}

/**
 * Tells a primary administrator that someone joined their group through Bill Pay sign-up, which
 * takes only the latest invoice: who (name, user ID, e-mail), when, and how to remove them if the
 * group did not expect it. It names no member of the group.
 */
export function billPayUserAddedMail(input: BillPayUserAdded): OutgoingMail {
  const when = planInstant(input.at);
  const group = `${input.companyName} (group ${input.groupNumber})`;
  const who = `${input.newUser.name}, user ID ${input.newUser.userId}, ${input.newUser.email}`;
  const remove = 'If your group did not expect this, remove the user in GroupDesk: open Users, find them in the list and choose Remove. They lose access at once.';
  return {
    to: input.to,
    subject: `New Bill Pay user in group ${input.groupNumber}`,
    text: [
      `Hello ${input.name},`,
      '',
      `A new user signed up for Bill Pay for ${group} at ${when}:`,
      '',
      `  ${who}`,
      '',
      'They entered the invoice number and amount of the group’s latest invoice and now have the Billing role: they see the group’s invoices, not its members.',
      '',
      remove,
    ].join('\n'),
    html: [
      `<p>Hello ${escapeHtml(input.name)},</p>`,
      `<p>A new user signed up for Bill Pay for ${escapeHtml(group)} at ${escapeHtml(when)}:</p>`,
      `<ul><li>Name: ${escapeHtml(input.newUser.name)}</li><li>User ID: ${escapeHtml(input.newUser.userId)}</li><li>E-mail: ${escapeHtml(input.newUser.email)}</li></ul>`,
      '<p>They entered the invoice number and amount of the group’s latest invoice and now have the Billing role: they see the group’s invoices, not its members.</p>',
      `<p>${escapeHtml(remove)}</p>`,
    ].join('\n'),
  };
}
