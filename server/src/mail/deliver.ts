import type { Mailer, OutgoingMail } from './mailer';

/** Where a failed delivery is reported: the request's or the job's logger, or an operator command's output. */
export interface DeliveryLog {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Sends a message about a write that is already committed. A mail server being down must not turn
 * a done registration or request into an error the client would retry (and be refused as a
 * duplicate): the failure is logged, without the message body, and the user can ask again.
 */
export async function deliverAfterCommit(mailer: Pick<Mailer, 'send'>, mail: OutgoingMail, log: DeliveryLog): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    // Name and code only (as store/loggable-error.ts, which mail may not import): a mail server's
    // refusal quotes the recipient's address.
    const { name, code } = error instanceof Error ? (error as Error & { code?: unknown }) : { name: typeof error, code: undefined };
    log.error({ err: { name, ...(typeof code === 'string' ? { errorCode: code } : {}) }, subject: mail.subject }, 'e-mail not sent');
    return false;
  }
}
