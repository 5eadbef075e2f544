import { latestSchemaVersion } from '../../store/migrations';
import { lastReplicatedAt } from '../../store/repositories/sync-cursors';
import { handlers } from '../../dispatch/handler-types';

export const appHandlers = handlers({
  'app.status': (_input, { runtime }) => {
    const store = runtime.session.store;
    return {
      appVersion: runtime.appVersion,
      schemaVersion: latestSchemaVersion,
      store: runtime.session.state,
      mode: runtime.mode,
      // The core holds no plan-service connection yet; the sync engine reports it when it has one.
      online: false,
      lastSyncAt: store === null ? null : lastReplicatedAt(store.db),
    };
  },
  'app.startFresh': (_input, { runtime }) => {
    const result = runtime.session.startFresh(new Date(runtime.now()));
    runtime.seedIfEmpty();
    return result;
  },
});
