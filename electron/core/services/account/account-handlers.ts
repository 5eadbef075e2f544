import { ContractFailure } from '@shared/contract';
import { handlers, type HandlerContext } from '../../dispatch/handler-types';
import type { PlanClient } from '../../plan-service/plan-client';
import {
  acceptBillPayTerms,
  billPayTerms,
  changeUserRole,
  groupUsers,
  inviteUser,
  removeUser,
  resendInvitation,
  resendVerification,
  revokeInvitation,
  signUpForBillPay,
  termsAcceptance,
} from '../../plan-service/account-client';
import { readAccessOverview } from '../../store/repositories/access-requests-cache';
import { redeemCode, requestAccess } from './access';
import { readSetting } from '../../store/repositories/settings-repository';
import { changePassword } from './password';
import { cancelVerification, register, verify } from './registration';

const signedIn = (ctx: HandlerContext): PlanClient => ctx.clients.authorized(ctx.store);

/** The terms are public: the service in use (the sandbox's in the sandbox), else the one last used here. */
function termsClient(ctx: HandlerContext): PlanClient {
  const url = ctx.session.info(ctx.store).serviceUrl ?? readSetting(ctx.store, 'lastServiceUrl');
  if (url === null) throw new ContractFailure('AUTH', 'Sign in to the plan service first: its Bill Pay terms come from it.');
  return ctx.clients.anonymous(url);
}

/**
 * The user's own account (registration, verification, password), access (requests, access codes),
 * a group's users and invitations, and Bill Pay sign-up. All of it is done by the plan service,
 * online; only the registration waiting for its code and the access requests are kept here.
 */
export const accountHandlers = handlers({
  'account.register': (input, ctx) => register(ctx, input),
  'account.verifyEmail': (input, ctx) => verify(ctx, input),
  'account.resendVerification': ({ serviceUrl, userId }, ctx) => resendVerification(ctx.clients.anonymous(serviceUrl), userId),
  'account.cancelVerification': (_input, ctx) => cancelVerification(ctx),
  'account.changePassword': (input, ctx) => changePassword(ctx, input),
  'access.overview': (_input, { store, session }) => readAccessOverview(store, session.actingUser(store)),
  'access.request': (input, ctx) => requestAccess(ctx, input),
  'access.redeemCode': ({ code }, ctx) => redeemCode(ctx, code),
  'users.list': ({ groupNumber }, ctx) => groupUsers(signedIn(ctx), groupNumber),
  'users.invite': ({ groupNumber, ...invitation }, ctx) => inviteUser(signedIn(ctx), groupNumber, invitation),
  'users.resendInvitation': ({ groupNumber, invitationId }, ctx) => resendInvitation(signedIn(ctx), groupNumber, invitationId),
  'users.revokeInvitation': ({ groupNumber, invitationId }, ctx) => revokeInvitation(signedIn(ctx), groupNumber, invitationId),
  'users.changeRole': ({ groupNumber, userId, role }, ctx) => changeUserRole(signedIn(ctx), groupNumber, userId, role),
  'users.remove': ({ groupNumber, userId }, ctx) => removeUser(signedIn(ctx), groupNumber, userId),
  'billPay.terms': (_input, ctx) => billPayTerms(termsClient(ctx)),
  'billPay.signUp': async ({ signUpGroupNumber, ...proof }, ctx) => {
    const joined = await signUpForBillPay(signedIn(ctx), { groupNumber: signUpGroupNumber, ...proof });
    // The billing role (and the group, if it is new to this user) arrives with this sync.
    ctx.sync.refreshAccount();
    return joined;
  },
  'billPay.termsAcceptance': ({ groupNumber }, ctx) => termsAcceptance(signedIn(ctx), groupNumber),
  'billPay.acceptTerms': ({ groupNumber, ...acceptance }, ctx) => acceptBillPayTerms(signedIn(ctx), groupNumber, acceptance),
});
