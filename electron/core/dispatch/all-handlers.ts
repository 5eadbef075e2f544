import { accountHandlers } from '../services/account/account-handlers';
import { appHandlers } from '../services/app/app-handlers';
import { dashboardHandlers } from '../services/dashboard/dashboard-handlers';
import { draftsHandlers } from '../services/drafts/drafts-handlers';
import { groupsHandlers } from '../services/groups/groups-handlers';
import { membersHandlers } from '../services/members/members-handlers';
import { notificationsHandlers } from '../services/notifications/notifications-handlers';
import { sessionHandlers } from '../services/session/session-handlers';
import { syncHandlers } from '../services/sync/sync-handlers';
import { transactionsHandlers } from '../services/transactions/transactions-handlers';
import { combineHandlers, type HandlerMap } from './handler-types';

/** Every method's handler. Typed as the full map, so a contract method without a handler fails to compile. */
export const allHandlers: HandlerMap = combineHandlers(
  appHandlers,
  groupsHandlers,
  membersHandlers,
  dashboardHandlers,
  transactionsHandlers,
  draftsHandlers,
  notificationsHandlers,
  syncHandlers,
  sessionHandlers,
  accountHandlers,
);
