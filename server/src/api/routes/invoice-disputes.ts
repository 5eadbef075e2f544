import { z } from 'zod';
import { ContractFailure, contractErrorSchema } from '@shared/contract/errors';
import { roleAllows, roleLabels, type Role } from '@shared/contract/roles';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { invoiceNumber } from '@shared/plan-api/bill-pay';
import { disputeList, disputeListQuery, fileDisputeRequest, invoiceDispute } from '@shared/plan-api/invoice-disputes';
import { listDisputes } from '../../services/billing/dispute-list';
import { fileDispute } from '../../services/billing/file-dispute';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

const tags = ['invoices'];

const invoiceParams = z.object({ groupNumber, invoiceNumber }).strict();

/**
 * Who may dispute: those who reconcile the invoice, against payments (billing.write) or against the
 * roster (members.write) — primary administrators, administrators and billing users. A read-only
 * user only looks. No single permission names exactly these roles, so both are asked for here.
 */
const mayDispute = (role: Role): boolean => roleAllows(role, 'billing.write') || roleAllows(role, 'members.write');

export const invoiceDisputeRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/groups/:groupNumber/invoices/:invoiceNumber/disputes',
    {
      schema: {
        tags,
        summary:
          'Dispute a member line of the invoice (memberId) or the invoice as a whole (no memberId), with a reason and a note, for plan staff to resolve. Primary administrators, administrators and billing users; one open dispute per line (409 names it).',
        params: invoiceParams,
        security: [{ bearer: [] }],
        body: fileDisputeRequest,
        response: { 201: invoiceDispute, '4xx': contractErrorSchema },
      },
    },
    async (request, reply) => {
      const { groupNumber: group, invoiceNumber: number } = request.params;
      const { userId, sessionId, role } = await requireGroupPermission(request, deps, group, 'billing.read');
      if (!mayDispute(role)) throw new ContractFailure('FORBIDDEN', `Your role in group ${group} (${roleLabels[role]}) may read invoices but not dispute them.`);
      const { memberId = null, reason, note } = request.body;
      const dispute = await fileDispute(deps.db, { groupNumber: group, invoiceNumber: number, memberId, reason, note }, { actorUserId: userId, sessionId, ip: request.ip }, deps.now());
      return reply.code(201).send(dispute);
    },
  );

  app.get(
    '/groups/:groupNumber/disputes',
    {
      schema: {
        tags,
        summary: 'The group’s invoice disputes, newest first; ?status=open or resolved for only those.',
        params: groupParams,
        querystring: disputeListQuery,
        security: [{ bearer: [] }],
        response: { 200: disputeList, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber: group } = request.params;
      await requireGroupPermission(request, deps, group, 'billing.read');
      const listed = await listDisputes(deps.db, { groupNumber: group, ...(request.query.status ? { status: request.query.status } : {}) });
      return { disputes: listed.map(({ groupNumber: _group, ...dispute }) => dispute) };
    },
  );
};
