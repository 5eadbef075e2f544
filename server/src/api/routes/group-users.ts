import { z } from 'zod';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { userId } from '@shared/plan-api/accounts';
import { changeRoleRequest, groupUsersResponse } from '@shared/plan-api/invitations';
import { changeRole } from '../../services/groups/change-role';
import { removeUser } from '../../services/groups/remove-user';
import { groupUsersOf } from '../../services/invitations/group-users';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

const tags = ['group users'];
const userParams = z.object({ groupNumber, userId }).strict();

/** The primary administrator's users page: who may use the group, and its recent invitations. */
export const groupUserRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber/users',
    {
      schema: {
        tags,
        summary: 'Who may use the group and in which role, and its invitations of the last 30 days, pending first (primary administrators only).',
        security: [{ bearer: [] }],
        params: groupParams,
        response: { 200: groupUsersResponse },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'users.manage');
      return groupUsersOf(deps.db, request.params.groupNumber, deps.now());
    },
  );

  app.patch(
    '/groups/:groupNumber/users/:userId',
    {
      schema: {
        tags,
        summary: 'Change another user’s role in the group; answers with the updated users page.',
        security: [{ bearer: [] }],
        params: userParams,
        body: changeRoleRequest,
        response: { 200: groupUsersResponse },
      },
    },
    async (request) => {
      const { groupNumber: group, userId: target } = request.params;
      const identity = await requireGroupPermission(request, deps, group, 'users.manage');
      const now = deps.now();
      await changeRole(deps.db, { groupNumber: group, userId: target, role: request.body.role }, { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip }, now);
      return groupUsersOf(deps.db, group, now);
    },
  );

  app.delete(
    '/groups/:groupNumber/users/:userId',
    {
      schema: {
        tags,
        summary: 'Take another user’s access to the group away, at once; answers with the updated users page.',
        security: [{ bearer: [] }],
        params: userParams,
        response: { 200: groupUsersResponse },
      },
    },
    async (request) => {
      const { groupNumber: group, userId: target } = request.params;
      const identity = await requireGroupPermission(request, deps, group, 'users.manage');
      const now = deps.now();
      await removeUser(deps.db, { groupNumber: group, userId: target }, { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip }, now);
      return groupUsersOf(deps.db, group, now);
    },
  );
};
