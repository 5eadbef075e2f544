import { handlers } from '../../dispatch/handler-types';

export const syncHandlers = handlers({
  'sync.status': (_input, { sync }) => sync.status(),
  'sync.now': (_input, { sync }) => sync.syncNow(),
});
