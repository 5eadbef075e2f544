import { handlers } from '../../dispatch/handler-types';

export const syncHandlers = handlers({
  'sync.status': (_input, { runtime }) => runtime.plan.engine.status(),
  'sync.now': (_input, { runtime }) => runtime.plan.engine.syncNow(),
});
