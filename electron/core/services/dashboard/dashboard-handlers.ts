import { handlers } from '../../dispatch/handler-types';
import { groupAsOf } from '../groups/replica-time';
import { membershipCounts } from './membership-counts';

export const dashboardHandlers = handlers({
  'dashboard.counts': ({ groupNumber }, { store, today }) => membershipCounts(store.db, groupNumber, today(), groupAsOf(store.db, groupNumber)),
});
