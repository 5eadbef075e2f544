import { accountHandlers } from './account/account-handlers';
import { appHandlers } from './app/app-handlers';
import { billingAnalysisHandlers } from './billing/billing-analysis-handlers';
import { billingHandlers } from './billing/billing-handlers';
import { dashboardHandlers } from './dashboard/dashboard-handlers';
import { draftsHandlers } from './drafts/drafts-handlers';
import { exceptionsHandlers } from './exceptions/exceptions-handlers';
import { groupsHandlers } from './groups/groups-handlers';
import { membersHandlers } from './members/members-handlers';
import { notificationsHandlers } from './notifications/notifications-handlers';
import { paymentsHandlers } from './payments/payments-handlers';
import { rosterHistoryHandlers } from './rosters/history/roster-history-handlers';
import { rosterImportHandlers } from './rosters/roster-import-handlers';
import { rosterExportHandlers } from './rosters/roster-export-handlers';
import { sessionHandlers } from './session/session-handlers';
import { syncHandlers } from './sync/sync-handlers';
import { transactionsHandlers } from './transactions/transactions-handlers';
import { twoFactorHandlers } from './two-factor/two-factor-handlers';
import { combineHandlers, type HandlerMap } from '../dispatch/handler-types';

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
  billingHandlers,
  billingAnalysisHandlers,
  paymentsHandlers,
  rosterHistoryHandlers,
  rosterImportHandlers,
  exceptionsHandlers,
  rosterExportHandlers,
  twoFactorHandlers,
);
