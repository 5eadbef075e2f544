import { ContractFailure } from '@shared/contract';
import { handlers } from '../../dispatch/handler-types';
import { groupAsOf } from '../groups/replica-time';
import { findMemberDetail } from './member-detail';
import { searchMembers } from './member-search';
import { listRoster } from './roster-list';
import { temporaryIdCard } from './temporary-id-card';

export const membersHandlers = handlers({
  'members.list': (input, { store, today }) => {
    const asOf = groupAsOf(store.db, input.groupNumber);
    return { ...listRoster(store.db, input, today()), asOf };
  },
  'members.search': ({ groupNumber, query, limit }, { store, today }) => searchMembers(store.db, groupNumber, query, limit, today()),
  'members.get': ({ groupNumber, memberId }, { store, today }) => {
    const member = findMemberDetail(store.db, groupNumber, memberId, today());
    if (member === null) throw new ContractFailure('NOT_FOUND', `No member ${memberId} in group ${groupNumber}.`);
    return member;
  },
  'members.temporaryIdCard': ({ groupNumber, memberId }, { store, today, now }) => temporaryIdCard(store, groupNumber, memberId, today(), now()),
});
