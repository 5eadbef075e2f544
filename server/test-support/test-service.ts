import { startPlanService, type PlanService, type PlanServiceOptions } from '../src/start';
import type { Backend } from '../src/store/db';
import type { Role } from '@shared/contract/roles';
import { createGroup, type NewGroupInput } from '../src/services/groups/create-group';
import { grantRole } from '../src/services/groups/grant-role';
import { createScratchDatabase, type ScratchDatabase } from './backends';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { apiClient, type Api } from './http';
import { testClock, type TestClock } from './clock';
import { opsCommands } from '../src/ops/index';
import { createMailer } from '../src/mail/mailer';
import { goodPassword, sampleGroup, uniqueUserId } from './fixtures';

export interface SignedUpUser {
  userId: string;
  password: string;
  email: string;
  token: string;
  sessionId: string;
}

export interface TestService extends Omit<PlanService, 'close'> {
  api: Api;
  mail: SmtpSink;
  clock: TestClock;
  /** Registers, verifies the e-mail with the mailed code and signs in. */
  signUpUser(options?: { userId?: string; password?: string; email?: string; name?: string }): Promise<SignedUpUser>;
  /** Creates a group as an operator would (defaults: two plans, default policy). */
  createGroup(groupNumber: string, input?: Partial<NewGroupInput>): Promise<void>;
  grantRole(userId: string, groupNumber: string, role: Role): Promise<void>;
  /** Runs an operator command against this service's database, mailing to the sink; returns what it printed. */
  ops(argv: string[]): Promise<string[]>;
  close(): Promise<void>;
}

const OPERATOR = { actorUserId: 'ops:test', sessionId: null, ip: null };

/**
 * The real plan service on an ephemeral port, on the chosen backend (a scratch PostgreSQL database
 * per call), with mail going to an SMTP sink and a clock the test can move. Rate limits are raised
 * unless the test passes its own, so suites that make many calls are not throttled by accident.
 */
export async function startTestService(
  options: { backend: Backend } & Pick<PlanServiceOptions, 'limits' | 'dataDir' | 'streamHeartbeatMs' | 'billingCycle' | 'billingPlan' | 'logger' | 'logStream' | 'trustProxy' | 'twoFactorPolicy'>,
): Promise<TestService> {
  const mail = await startSmtpSink();
  const clock = testClock();
  let scratch: ScratchDatabase | undefined;
  try {
    if (options.backend === 'postgres') scratch = await createScratchDatabase();
    const service = await startPlanService({
      smtpUrl: mail.url,
      now: clock.now,
      limits: { global: 100_000, credentials: 10_000, ...options.limits },
      ...(scratch ? { databaseUrl: scratch.url } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.streamHeartbeatMs ? { streamHeartbeatMs: options.streamHeartbeatMs } : {}),
      ...(options.billingCycle ? { billingCycle: options.billingCycle } : {}),
      ...(options.billingPlan ? { billingPlan: options.billingPlan } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.twoFactorPolicy ? { twoFactorPolicy: options.twoFactorPolicy } : {}),
    });
    const api = apiClient(service.url);
    return {
      ...service,
      api,
      mail,
      clock,
      async signUpUser(user = {}) {
        const userId = user.userId ?? uniqueUserId();
        const password = user.password ?? goodPassword;
        const email = user.email ?? `${userId}@example.com`;
        const registered = await api('POST', '/v1/accounts', { body: { userId, password, name: user.name ?? 'Pat Example', email } });
        if (registered.status !== 201) throw new Error(`register ${userId}: ${registered.status} ${JSON.stringify(registered.body)}`);
        const message = await mail.waitForMail((m) => m.to.includes(email.toLowerCase()) && /verification code/i.test(m.subject));
        const code = /code is (\d{6})/.exec(message.text)?.[1];
        const verified = await api('POST', '/v1/accounts/verify-email', { body: { userId, code } });
        if (verified.status !== 200) throw new Error(`verify ${userId}: ${verified.status} ${JSON.stringify(verified.body)}`);
        const signedIn = await api<{ token: string; sessionId: string }>('POST', '/v1/sessions', { body: { userId, password } });
        if (signedIn.status !== 201) throw new Error(`sign in ${userId}: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
        return { userId: userId.toLowerCase(), password, email, token: signedIn.body.token, sessionId: signedIn.body.sessionId };
      },
      createGroup: (groupNumber, input = {}) => createGroup(service.db, { ...sampleGroup(groupNumber), ...input }, OPERATOR, clock.now()),
      grantRole: (userId, groupNumber, role) => service.db.transaction((tx) => grantRole(tx, { userId, groupNumber, role }, OPERATOR, clock.now())),
      async ops([name, ...args]) {
        const command = opsCommands.find((c) => c.name === name);
        if (!command) throw new Error(`No ops command ${name}`);
        const printed: string[] = [];
        const mailer = createMailer({ smtpUrl: mail.url });
        try {
          await command.run(args, {
            db: service.db,
            mailer,
            billingPlan: service.billingPlan,
            ach: service.ach,
            ssnCipher: service.ssnCipher,
            bankCipher: service.bankCipher,
            now: clock.now,
            operator: 'ops:test',
            out: (line) => printed.push(line),
          });
        } finally {
          mailer.close();
        }
        return printed;
      },
      async close() {
        await service.close();
        await mail.close();
        await scratch?.drop();
      },
    };
  } catch (error) {
    await mail.close();
    await scratch?.drop();
    throw error;
  }
}
