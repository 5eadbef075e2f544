import type { FastifyBaseLogger } from 'fastify';
import type { Mailer, OutgoingMail } from './mailer';

/**
 * Sends a message about a write that is already committed. A mail server being down must not turn
 * a done registration or request into an error the client would retry (and be refused as a
 * duplicate): the failure is logged, without the message body, and the user can ask again.
 */
export async function deliverAfterCommit(mailer: Mailer, mail: OutgoingMail, log: FastifyBaseLogger): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    log.error({ err: { message: (error as Error).message }, subject: mail.subject }, 'e-mail not sent');
    return false;
  }
}
