import { randomUUID } from 'node:crypto';
import { ContractFailure, type ParsedInput } from '@shared/contract';
import type { AccessRequest } from '@shared/plan-api/access-requests';
import type { RedeemResponse } from '@shared/plan-api/invitations';
import type { HandlerContext } from '../../dispatch/handler-types';
import { fileAccessRequest, redeemAccessCode } from '../../plan-service/account-client';
import { saveAccessRequests } from '../../store/repositories/access-requests-cache';

/**
 * Files a primary-administrator request. Sent once more with the same Idempotency-Key when the
 * first answer did not arrive (the connection dropped after the service may have filed it): the
 * service then answers with that filing, so the user never gets two confirmation numbers for one
 * click. The request is kept here at once, so Access lists it offline before the next sync.
 */
export async function requestAccess(ctx: HandlerContext, input: ParsedInput<'access.request'>): Promise<AccessRequest> {
  const client = ctx.clients.authorized(ctx.store);
  const key = randomUUID();
  const filed = await fileAccessRequest(client, input, key).catch((error: unknown) => {
    if (error instanceof ContractFailure && error.code === 'OFFLINE') return fileAccessRequest(client, input, key);
    throw error;
  });
  const userRef = ctx.session.actingUser(ctx.store);
  // No local user yet (a session given before its first sync): the account sync brings the request.
  if (userRef !== null) saveAccessRequests(ctx.store, userRef, [filed], ctx.now(), { replace: false });
  ctx.emit({ type: 'access.changed' });
  ctx.sync.refreshAccount();
  return filed;
}

/** Joins the group the code was sent for; the group itself arrives with the sync this starts. */
export async function redeemCode(ctx: HandlerContext, code: string): Promise<RedeemResponse> {
  const joined = await redeemAccessCode(ctx.clients.authorized(ctx.store), code);
  ctx.sync.refreshAccount();
  return joined;
}
