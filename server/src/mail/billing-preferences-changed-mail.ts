import { planInstant } from '@shared/util/date-format';
import { escapeHtml } from './escape-html';
import type { OutgoingMail } from './mailer';

export interface BillingPreferencesChanged {
  to: string;
  /** The primary administrator written to. */
  name: string;
  groupNumber: string;
  companyName: string;
  changedBy: { userId: string; name: string };
  paperless: boolean;
  /** Null: the group's primary administrators and billing users. */
  noticeRecipients: string[] | null;
  /** ISO instant of the change. */
  at: string;
}

/**
 * Tells a primary administrator that the group's billing preferences changed, by whom and when:
 * a billing user can join with an invoice alone, and could otherwise stop the paper invoice or move
 * the notices unseen. It names no member of the group.
 */
export function billingPreferencesChangedMail(input: BillingPreferencesChanged): OutgoingMail {
  const when = planInstant(input.at);
  const group = `${input.companyName} (group ${input.groupNumber})`;
  const who = `${input.changedBy.name} (user ID ${input.changedBy.userId})`;
  const delivery = input.paperless ? 'Paperless: no paper invoice is mailed' : 'Paper: invoices are printed and mailed';
  const recipients = input.noticeRecipients ? input.noticeRecipients.join(', ') : 'the group’s primary administrators and billing users';
  const undo = 'If your group did not expect this, change them back in GroupDesk under Billing, and check the group’s users under Users.';
  return {
    to: input.to,
    subject: `Billing preferences changed for group ${input.groupNumber}`,
    text: [
      `Hello ${input.name},`,
      '',
      `${who} changed the billing preferences of ${group} at ${when}. They are now:`,
      '',
      `  Invoices: ${delivery}`,
      `  New-invoice e-mails go to: ${recipients}`,
      '',
      undo,
    ].join('\n'),
    html: [
      `<p>Hello ${escapeHtml(input.name)},</p>`,
      `<p>${escapeHtml(who)} changed the billing preferences of ${escapeHtml(group)} at ${escapeHtml(when)}. They are now:</p>`,
      `<ul><li>Invoices: ${escapeHtml(delivery)}</li><li>New-invoice e-mails go to: ${escapeHtml(recipients)}</li></ul>`,
      `<p>${escapeHtml(undo)}</p>`,
    ].join('\n'),
  };
}
