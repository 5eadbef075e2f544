import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { groupNumber } from '../../../../shared/contract/schemas/primitives';
import { roles } from '../../../../shared/contract/roles';
import type { RoutePlugin } from '../deps';
import { requireGroupPermission } from '../auth';
import { groupUsers, users } from '../../store/schema';

const groupUserList = z.object({
  users: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(roles), grantedAt: z.iso.datetime() })),
});

export const groupUserRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber/users',
    {
      schema: {
        tags: ['group users'],
        summary: 'Who may use the group and in which role (primary administrators only).',
        security: [{ bearer: [] }],
        params: z.object({ groupNumber }).strict(),
        response: { 200: groupUserList },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'users.manage');
      const rows = await deps.db
        .select({ userId: users.userId, name: users.name, email: users.email, role: groupUsers.role, grantedAt: groupUsers.grantedAt })
        .from(groupUsers)
        .innerJoin(users, eq(users.userId, groupUsers.userId))
        .where(eq(groupUsers.groupNumber, request.params.groupNumber))
        .orderBy(asc(groupUsers.userId));
      return { users: rows.map((r) => ({ ...r, grantedAt: r.grantedAt.toISOString() })) };
    },
  );
};
