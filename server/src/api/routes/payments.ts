import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { ContractFailure, contractErrorSchema } from '@shared/contract/errors';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { authorizationKinds, payment, paymentAuthorization, paymentConfirmation, paymentList, paymentRequest } from '@shared/plan-api/payments';
import { deliverAfterCommit } from '../../mail/deliver';
import { paymentScheduledMail } from '../../mail/payment-mails';
import { idempotencyKeyOf, requestHashOf, withIdempotency } from '../../services/idempotency';
import { cancelPayment } from '../../services/payments/cancel-payment';
import { paymentAuthorizations, requireCurrentAuthorization } from '../../services/payments/payment-authorization';
import { paymentMailContext, userContact } from '../../services/payments/payment-recipients';
import { paymentOf, paymentsOf } from '../../services/payments/payment-views';
import { receiptOf, writeReceiptPdf } from '../../services/payments/receipt-pdf';
import { schedulePayment } from '../../services/payments/schedule-payment';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

const tags = ['payments'];
const paymentParams = z.object({ groupNumber, confirmationNumber: paymentConfirmation }).strict();

export const paymentRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/bill-pay/payment-authorization',
    {
      schema: {
        tags,
        summary: 'The debit authorization in force for a one-time payment or for autopay, with its version; a payment or enrollment must name that version.',
        querystring: z.object({ kind: z.enum(authorizationKinds) }).strict(),
        response: { 200: paymentAuthorization, '4xx': contractErrorSchema },
      },
    },
    (request) => paymentAuthorizations[request.query.kind],
  );

  app.get(
    '/groups/:groupNumber/payments',
    {
      schema: {
        tags,
        summary: 'The group’s payments, newest first: scheduled, processing, settled, returned (with the reason in plain words) or cancelled, each with its allocations.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: paymentList, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return { payments: await paymentsOf(deps.db, request.params.groupNumber, deps.now()) };
    },
  );

  app.post(
    '/groups/:groupNumber/payments',
    {
      schema: {
        tags,
        summary:
          'Pay open invoices by ACH debit, with an Idempotency-Key header: the amount is spread over the named invoices oldest first, at most what is open on them, from a verified account, on a business day up to the due date. A retry with the same key answers the first payment and never debits twice. The payer is e-mailed the receipt’s facts.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: paymentRequest,
        response: { 201: payment, '4xx': contractErrorSchema },
      },
    },
    async (request, reply) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const key = idempotencyKeyOf(request);
      if (key === null) {
        throw new ContractFailure('VALIDATION', 'Send an Idempotency-Key header (8–128 letters, digits, dashes or underscores), new for each payment.', { 'Idempotency-Key': 'Required' });
      }
      const now = deps.now();
      let scheduledNow = false;
      const answer = await withIdempotency(deps.db, { userId, key, requestHash: requestHashOf(request.method, request.routeOptions.url, groupNumber, request.body) }, async (tx) => {
        // Inside: a retry of a payment made before the authorization's words changed gets its first answer.
        requireCurrentAuthorization('payment', request.body.authorizationVersion);
        const confirmationNumber = await schedulePayment(tx, { groupNumber, ...request.body }, { actorUserId: userId, sessionId, ip: request.ip }, now);
        scheduledNow = true;
        return { status: 201, body: await paymentOf(tx, groupNumber, confirmationNumber, now) };
      });
      // Only the request that scheduled it mails the receipt: a replay answers without a second e-mail.
      if (scheduledNow) {
        const scheduled = payment.parse(answer.body);
        const payer = await userContact(deps.db, userId);
        const { group } = await paymentMailContext(deps.db, groupNumber, deps.billingPlan);
        if (payer) await deliverAfterCommit(deps.mailer, paymentScheduledMail(payer.email, group, scheduled), request.log);
      }
      return reply.code(answer.status).send(answer.body as never);
    },
  );

  app.post(
    '/groups/:groupNumber/payments/:confirmationNumber/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a scheduled payment, until the cut-off (5:00 p.m. Eastern) of its date; after that it is at the bank.',
        params: paymentParams,
        security: [{ bearer: [] }],
        response: { 200: payment, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber, confirmationNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      return cancelPayment(deps.db, groupNumber, confirmationNumber, { actorUserId: userId, sessionId, ip: request.ip }, deps.now());
    },
  );

  app.get(
    '/groups/:groupNumber/payments/:confirmationNumber/receipt',
    {
      schema: {
        tags,
        summary: 'The payment’s receipt as a PDF (application/pdf, named after the confirmation number): payer, amount in figures and words, date, the account’s last four digits, allocations and the authorization version accepted.',
        params: paymentParams,
        produces: ['application/pdf'],
        security: [{ bearer: [] }],
        // Any: the body is a stream of PDF bytes, which Fastify sends as is.
        response: { 200: z.any().describe('The PDF document.'), '4xx': contractErrorSchema },
      },
    },
    async (request, reply) => {
      const { groupNumber, confirmationNumber } = request.params;
      await requireGroupPermission(request, deps, groupNumber, 'billing.read');
      const receipt = await receiptOf(deps.db, groupNumber, confirmationNumber, deps.billingPlan, deps.now());
      const body = new PassThrough();
      writeReceiptPdf(receipt, body).catch((error: unknown) => {
        request.log.error({ err: error, confirmationNumber }, 'receipt PDF failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${confirmationNumber}.pdf"`).send(body);
    },
  );
};
