import { ContractFailure } from '@shared/contract';
import { handlers } from '../../dispatch/handler-types';
import { findGroup, listGroups } from '../../store/repositories/groups-repository';

export const groupsHandlers = handlers({
  'groups.list': (_input, { store, today, session }) => listGroups(store.db, today(), session.actingUser(store)),
  'groups.get': ({ groupNumber }, { store, today }) => {
    const group = findGroup(store.db, groupNumber, today());
    if (group === null) throw new ContractFailure('NOT_FOUND', `There is no group ${groupNumber} on this computer.`);
    return group;
  },
});
