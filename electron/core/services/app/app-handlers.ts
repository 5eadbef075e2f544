import { latestSchemaVersion } from '../../store/migrations';
import { handlers } from '../../dispatch/handler-types';

export const appHandlers = handlers({
  'app.status': (_input, { sync: engine, app }) => {
    const sync = engine.status();
    return {
      appVersion: app.version,
      schemaVersion: latestSchemaVersion,
      store: app.storeState(),
      mode: sync.mode,
      online: sync.online,
      lastSyncAt: sync.lastSyncAt,
    };
  },
  'app.startFresh': (_input, { app, connection, now }) => {
    const result = app.startFresh(new Date(now()));
    // The fresh store follows the same service from scratch.
    connection.restart();
    return result;
  },
});
