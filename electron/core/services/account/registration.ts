import { ContractFailure, type ParsedInput } from '@shared/contract';
import type { PendingVerification } from '@shared/contract/methods/account';
import type { HandlerContext } from '../../dispatch/handler-types';
import { registerAccount, verifyEmail } from '../../plan-service/account-client';
import { readPendingVerification, writeSetting } from '../../store/repositories/settings-repository';
import { verificationToken } from './verification-link';

/** Every window shows the registration waiting (or not) for its code: Welcome, Verify, sign-in's prefill. */
const announceSession = (ctx: HandlerContext): void => ctx.emit({ type: 'session.changed', session: ctx.session.info(ctx.store) });

/**
 * Creates the user ID at the plan service and remembers, on this computer, that it waits for the
 * e-mailed code — so Verify opens again after a restart — and which service it was made at.
 */
export async function register(ctx: HandlerContext, input: ParsedInput<'account.register'>): Promise<PendingVerification> {
  const { serviceUrl, ...account } = input;
  const client = ctx.clients.anonymous(serviceUrl);
  const registered = await registerAccount(client, account);
  const pending: PendingVerification = { serviceUrl: client.url, userId: registered.userId, sentTo: registered.verification.sentTo, expiresAt: registered.verification.expiresAt };
  const now = ctx.now();
  ctx.store.db.transaction(() => {
    writeSetting(ctx.store, 'pendingVerification', pending, now);
    writeSetting(ctx.store, 'lastServiceUrl', client.url, now);
  })();
  announceSession(ctx);
  return pending;
}

/** Verifies with the code or the pasted link; the registration waiting here is done if it was this user's. */
export async function verify(ctx: HandlerContext, input: ParsedInput<'account.verifyEmail'>): Promise<{ userId: string }> {
  const client = ctx.clients.anonymous(input.serviceUrl);
  let body: { token: string } | { userId: string; code: string };
  if ('link' in input) {
    const token = verificationToken(input.link);
    if (token === null) throw new ContractFailure('VALIDATION', 'This is not a GroupDesk verification link.', { link: 'Paste the whole link from the e-mail, or enter the 6-digit code instead' });
    body = { token };
  } else {
    body = { userId: input.userId, code: input.code };
  }
  const { userId } = await verifyEmail(client, body);
  const pending = readPendingVerification(ctx.store);
  const now = ctx.now();
  ctx.store.db.transaction(() => {
    if (pending !== null && pending.userId === userId && pending.serviceUrl === client.url) writeSetting(ctx.store, 'pendingVerification', null, now);
    // A link opened on a computer that did not register still prefills sign-in with its service.
    writeSetting(ctx.store, 'lastServiceUrl', client.url, now);
  })();
  announceSession(ctx);
  return { userId };
}

/** Forgets the waiting registration here; the user ID stays at the plan and can be verified later from the e-mail. */
export function cancelVerification(ctx: HandlerContext): Record<string, never> {
  if (readPendingVerification(ctx.store) !== null) {
    writeSetting(ctx.store, 'pendingVerification', null, ctx.now());
    announceSession(ctx);
  }
  return {};
}
