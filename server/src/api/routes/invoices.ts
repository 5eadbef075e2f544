import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { contractErrorSchema } from '@shared/contract/errors';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { invoiceNumber } from '@shared/plan-api/bill-pay';
import { invoiceDetail, invoiceList } from '@shared/plan-api/invoices';
import { invoiceDetailOf } from '../../services/billing/invoice-detail';
import { listInvoices } from '../../services/billing/invoice-list';
import { writeInvoicePdf } from '../../services/billing/invoice-pdf';
import { invoiceStatementOf } from '../../services/billing/invoice-pdf-source';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

const tags = ['invoices'];

/** `/groups/:groupNumber/invoices/:invoiceNumber`: the number as typed is forgiven as at sign-up (normalizeInvoiceNumber). */
const invoiceParams = z.object({ groupNumber, invoiceNumber }).strict();

export const invoiceRoutes: RoutePlugin = async (app, deps) => {
  /** The plan's calendar day (UTC) on the service clock: what past due is measured against. */
  const today = (): string => deps.now().toISOString().slice(0, 10);

  app.get(
    '/groups/:groupNumber/invoices',
    {
      schema: {
        tags,
        summary: 'The group’s invoices, newest month first, each with its totals and whether it is open, partly paid, paid or past due.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: invoiceList, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return listInvoices(deps.db, request.params.groupNumber, today());
    },
  );

  app.get(
    '/groups/:groupNumber/invoices/:invoiceNumber',
    {
      schema: {
        tags,
        summary: 'One invoice of the group: its statement, its premium lines (member name, member ID, plan, tier, amount) and its adjustments with their TX- confirmation numbers.',
        params: invoiceParams,
        security: [{ bearer: [] }],
        response: { 200: invoiceDetail, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return invoiceDetailOf(deps.db, request.params.groupNumber, request.params.invoiceNumber, today());
    },
  );

  app.get(
    '/groups/:groupNumber/invoices/:invoiceNumber/pdf',
    {
      schema: {
        tags,
        summary:
          'The invoice as a PDF (application/pdf, an attachment named after the invoice number): a summary page, the premium lines by member ID and the adjustments with their TX- numbers, each page numbered “Page N of M”. Streamed as it is written.',
        params: invoiceParams,
        produces: ['application/pdf'],
        security: [{ bearer: [] }],
        // Any: the body is a stream of PDF bytes, which Fastify sends as is (no serializer runs on a stream).
        response: { 200: z.any().describe('The PDF document.'), '4xx': contractErrorSchema },
      },
    },
    async (request, reply) => {
      const { groupNumber, invoiceNumber } = request.params;
      await requireGroupPermission(request, deps, groupNumber, 'billing.read');
      // Read before the headers go out, so an unknown invoice is a plain 404.
      const statement = await invoiceStatementOf(deps.db, groupNumber, invoiceNumber);
      const body = new PassThrough();
      writeInvoicePdf(deps.db, statement, deps.billingPlan, body).catch((error: unknown) => {
        // The status has gone out: all that is left is to cut the download short, so the file is incomplete rather than wrong.
        request.log.error({ err: error, invoiceNumber }, 'invoice PDF failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${statement.invoice.invoiceNumber}.pdf"`).send(body);
    },
  );
};
