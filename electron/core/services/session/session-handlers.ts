import { handlers } from '../../dispatch/handler-types';

export const sessionHandlers = handlers({
  'session.get': (_input, { runtime, store }) => runtime.plan.info(store),
  'session.signIn': (input, { runtime, store }) => runtime.plan.signIn(store, input),
  'session.signOut': (_input, { runtime, store }) => runtime.plan.signOut(store),
  'session.useSandbox': ({ discardPending }, { runtime, store }) => runtime.plan.useSandbox(store, discardPending),
});
