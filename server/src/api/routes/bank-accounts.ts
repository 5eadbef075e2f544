import { z } from 'zod';
import { contractErrorSchema } from '@shared/contract/errors';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { addBankAccountRequest, bankAccount, bankAccountId, bankAccountList, verifyMicroDepositsRequest } from '@shared/plan-api/payments';
import { addBankAccount, removeBankAccount, verifyMicroDeposits } from '../../services/payments/bank-accounts';
import { listBankAccounts } from '../../services/payments/bank-account-views';
import { confirmPassword } from '../../services/payments/confirm-password';
import { idempotencyKeyOf, requestHashOf, withIdempotency } from '../../services/idempotency';
import type { Db } from '../../store/db';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';
import { credentialLimit } from './limits';

const tags = ['payments'];
const accountParams = z.object({ groupNumber, id: bankAccountId }).strict();

export const bankAccountRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber/bank-accounts',
    {
      schema: {
        tags,
        summary: 'The group’s bank accounts for ACH debits: nickname, holder, routing number, the last four digits of the account number only, and how far verification has come.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: bankAccountList, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return listBankAccounts(deps.db, request.params.groupNumber);
    },
  );

  app.post(
    '/groups/:groupNumber/bank-accounts',
    {
      schema: {
        tags,
        summary:
          'Add a bank account (routing number checked, account number typed twice) with the caller’s password asked again; it is verified by a prenote or two micro-deposits. The account number is encrypted at rest and never returned: answers carry its last four digits. With an Idempotency-Key header, a retry with the same key (and the same account) answers the first request and never adds a second account.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: addBankAccountRequest,
        response: { 201: bankAccount, '4xx': contractErrorSchema },
      },
      // A password is checked here: the small per-address budget of the credential routes.
      config: credentialLimit(deps),
    },
    async (request, reply) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const key = idempotencyKeyOf(request);
      const now = deps.now();
      // Asked again on a retry too: a replayed answer is no way around the password.
      await confirmPassword(deps.db, userId, request.body.password, { ip: request.ip, now });
      const { nickname, holderName, routingNumber, accountNumber, accountType, verification } = request.body;
      const add = (db: Db) => addBankAccount(db, deps.bankCipher, groupNumber, { nickname, holderName, routingNumber, accountNumber, accountType, verification }, { actorUserId: userId, sessionId, ip: request.ip }, now);
      if (key === null) return reply.code(201).send(await add(deps.db));
      // The password is left out of the digest kept with the key: it is checked above, every time.
      const requestHash = requestHashOf(request.method, request.routeOptions.url, groupNumber, { ...request.body, password: undefined });
      const answer = await withIdempotency(deps.db, { userId, key, requestHash }, async (tx) => ({ status: 201, body: await add(tx) }));
      return reply.code(answer.status).send(answer.body as never);
    },
  );

  app.post(
    '/groups/:groupNumber/bank-accounts/:id/verify',
    {
      schema: {
        tags,
        summary: 'Enter the two micro-deposit amounts (cents, either order) once they were sent; three tries, after which the account fails and must be added again.',
        params: accountParams,
        security: [{ bearer: [] }],
        body: verifyMicroDepositsRequest,
        response: { 200: bankAccount, '4xx': contractErrorSchema },
      },
      config: credentialLimit(deps),
    },
    async (request) => {
      const { groupNumber, id } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      return verifyMicroDeposits(deps.db, groupNumber, id, request.body.amountsCents, { actorUserId: userId, sessionId, ip: request.ip }, deps.now());
    },
  );

  app.delete(
    '/groups/:groupNumber/bank-accounts/:id',
    {
      schema: {
        tags,
        summary: 'Remove a bank account; refused while a scheduled or processing payment or the group’s autopay uses it. Answers with the accounts left.',
        params: accountParams,
        security: [{ bearer: [] }],
        response: { 200: bankAccountList, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber, id } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      await removeBankAccount(deps.db, groupNumber, id, { actorUserId: userId, sessionId, ip: request.ip }, deps.now());
      return listBankAccounts(deps.db, groupNumber);
    },
  );
};
