import { loggableError } from '../store/loggable-error';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContractFailure } from '@shared/contract/errors';
import { installErrorHandlers } from '../api/errors';
import type { Db } from '../store/db';
import type { Mailer } from '../mail/mailer';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import type { BillingPlan } from '../services/billing/billing-plan';
import type { BankAccountCipher } from '../services/payments/bank-account-cipher';
import type { AchSettings } from '../services/ach/ach-settings';
import { executeOpsCommand } from './execute';
import { opsCommands } from './index';
import { OPERATOR_ROUTE, operatorRequest, operatorResponse, type OperatorResponse } from './operator-protocol';
import { removeOperatorFile, writeOperatorFile } from './operator-file';

export interface OperatorEndpointOptions {
  dataDir: string;
  db: Db;
  mailer: Mailer;
  billingPlan: BillingPlan;
  ach: AchSettings;
  ssnCipher: SsnCipher;
  bankCipher: BankAccountCipher;
  now: () => Date;
  log: FastifyBaseLogger;
}

export interface OperatorEndpoint {
  url: string;
  close(): Promise<void>;
}

/** Only this machine may run operator commands; a proxy in front of the public port never reaches this one. */
const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * While the service holds a PGlite data folder no other process may open it, so `ops` commands
 * are run here, inside the service, on its own database and mailer. A separate listener on
 * 127.0.0.1 and a free port, apart from the public API (and its OpenAPI document), guarded by a
 * random token that only readers of the data folder's operator file know.
 */
export async function startOperatorEndpoint(options: OperatorEndpointOptions): Promise<OperatorEndpoint> {
  const token = randomBytes(32).toString('hex');
  const app = buildOperatorApp(options, token);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    await writeOperatorFile(options.dataDir, { url, token, pid: process.pid });
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    url,
    async close() {
      await removeOperatorFile(options.dataDir);
      await app.close();
    },
  };
}

/** The endpoint's routes and guards, not yet listening. */
export function buildOperatorApp(options: Omit<OperatorEndpointOptions, 'dataDir'>, token: string): FastifyInstance {
  const expected = digest(`Bearer ${token}`);
  const app = Fastify({ loggerInstance: options.log }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.addHook('onRequest', async (request) => {
    if (!loopback.has(request.socket.remoteAddress ?? '')) throw new ContractFailure('FORBIDDEN', 'Operator commands are taken from this machine only.');
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) throw new ContractFailure('AUTH', 'The operator token is missing or wrong.');
  });
  app.post(OPERATOR_ROUTE, { schema: { body: operatorRequest, response: { 200: operatorResponse } } }, async (request): Promise<OperatorResponse> => {
    const [name, ...args] = request.body.argv;
    const command = opsCommands.find((c) => c.name === name);
    if (!command) throw new ContractFailure('NOT_FOUND', `Unknown ops command "${name}".`);
    const lines: OperatorResponse['lines'] = [];
    const out = (text: string): void => void lines.push({ stream: 'out', text });
    const err = (text: string): void => void lines.push({ stream: 'err', text });
    const context = { db: options.db, mailer: options.mailer, billingPlan: options.billingPlan, ach: options.ach, ssnCipher: options.ssnCipher, bankCipher: options.bankCipher, now: options.now, operator: request.body.operator, out };
    try {
      const exitCode = await executeOpsCommand(command, args, context, err);
      request.log.info({ command: name, operator: request.body.operator, exitCode }, 'operator command');
      return { exitCode, lines };
    } catch (error) {
      // The CLI run on its own prints an unexpected error's message and exits 1; so does this.
      request.log.error({ err: loggableError(error), command: name }, 'operator command failed');
      err(error instanceof Error ? error.message : String(error));
      return { exitCode: 1, lines };
    }
  });
  return app;
}
