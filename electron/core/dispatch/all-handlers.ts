import { appHandlers } from '../services/app/app-handlers';
import { dashboardHandlers } from '../services/dashboard/dashboard-handlers';
import { groupsHandlers } from '../services/groups/groups-handlers';
import { membersHandlers } from '../services/members/members-handlers';
import { combineHandlers, type HandlerMap } from './handler-types';

/** Every method's handler. Typed as the full map, so a contract method without a handler fails to compile. */
export const allHandlers: HandlerMap = combineHandlers(appHandlers, groupsHandlers, membersHandlers, dashboardHandlers);
