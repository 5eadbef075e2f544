import { latestSchemaVersion } from '../../store/migrations';
import { handlers } from '../../dispatch/handler-types';

export const appHandlers = handlers({
  'app.status': (_input, { runtime }) => {
    const sync = runtime.plan.engine.status();
    return {
      appVersion: runtime.appVersion,
      schemaVersion: latestSchemaVersion,
      store: runtime.session.state,
      mode: sync.mode,
      online: sync.online,
      lastSyncAt: sync.lastSyncAt,
    };
  },
  'app.startFresh': (_input, { runtime }) => {
    const result = runtime.session.startFresh(new Date(runtime.now()));
    // The fresh store follows the same service from scratch.
    runtime.plan.start();
    return result;
  },
});
