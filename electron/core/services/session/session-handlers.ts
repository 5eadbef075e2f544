import type { SessionInfo } from '@shared/contract/methods/sync';
import { handlers, type HandlerContext } from '../../dispatch/handler-types';
import { writeSetting } from '../../store/repositories/settings-repository';
import { lockScreen, unlockScreen } from './screen-lock';

/** Answers the session as it is now and tells every other window too. */
function changed({ session: state, store, emit }: HandlerContext): SessionInfo {
  const session = state.info(store);
  emit({ type: 'session.changed', session });
  return session;
}

export const sessionHandlers = handlers({
  'session.get': (_input, { session, store }) => session.info(store),
  'session.signIn': async (input, ctx) => {
    await ctx.connection.signIn(ctx.store, input);
    return changed(ctx);
  },
  'session.completeSignIn': async (input, ctx) => {
    await ctx.connection.completeSignIn(ctx.store, input);
    return changed(ctx);
  },
  'session.signOut': async (_input, ctx) => {
    await ctx.connection.signOut(ctx.store);
    return changed(ctx);
  },
  'session.useSandbox': async ({ discardPending }, ctx) => {
    await ctx.connection.useSandbox(ctx.store, discardPending);
    return changed(ctx);
  },
  'session.lock': (_input, ctx) => {
    lockScreen(ctx.store, ctx.session, ctx.now());
    return changed(ctx);
  },
  'session.unlock': async ({ password }, ctx) => {
    await unlockScreen(ctx.store, ctx, password);
    return changed(ctx);
  },
  'session.setAutoLock': ({ minutes }, ctx) => {
    writeSetting(ctx.store, 'autoLockMinutes', minutes, ctx.now());
    return changed(ctx);
  },
  'session.dismissWelcome': (_input, ctx) => {
    writeSetting(ctx.store, 'welcomeDone', true, ctx.now());
    return changed(ctx);
  },
});
