import { loggableError } from './store/loggable-error';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { defaultRateLimits, defaultStreamHeartbeatMs, type RateLimits } from './api/deps';
import { openDatabase, type Backend, type Db } from './store/db';
import type { FolderLock } from './store/folder-lock';
import { startOperatorEndpoint, type OperatorEndpoint } from './ops/operator-endpoint';
import { createMailer } from './mail/mailer';
import { schedulePruning } from './jobs/prune-accounts';
import { BILLING_CYCLE_INTERVAL_MS, scheduleBillingCycle, type BillingCycleJob } from './jobs/billing-cycle';
import { PAYMENTS_JOB_INTERVAL_MS, schedulePaymentsJob, type PaymentsJob } from './jobs/payments';
import { loadSsnKey, ssnCipher, type SsnCipher } from './services/eligibility/ssn-crypto';
import { sandboxBillingPlan, type BillingPlan } from './services/billing/billing-plan';
import { bankAccountCipher, type BankAccountCipher } from './services/payments/bank-account-cipher';
import { sandboxAchSettings, type AchSettings } from './services/ach/ach-settings';
import { twoFactorKeys } from './services/accounts/two-factor/two-factor-keys';
import type { TwoFactorPolicy } from '@shared/plan-api/two-factor';

export interface PlanServiceOptions {
  host?: string;
  /** 0 (the default here) picks a free port; the CLI passes its configured one. */
  port?: number;
  /**
   * PGlite folder; without it and without databaseUrl the database is in memory. The service holds
   * the folder's lock while it runs, and takes operator commands on a loopback endpoint meanwhile.
   */
  dataDir?: string;
  /** The data folder's lock, when the caller took it to prepare the folder; the service releases it on close. */
  folderLock?: FolderLock;
  /** What the folder's lock says holds it (default `plan service`), for the message a second opener gets. */
  purpose?: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailDir?: string;
  /** Where e-mailed links point; defaults to the URL the service listens on. */
  publicUrl?: string;
  /** SSN encryption key (64 hex characters); defaults to `<dataDir>/ssn.key`. */
  ssnKey?: string;
  /** A file holding the SSN key (SSN_KEY_FILE), read when `ssnKey` is not given. */
  ssnKeyFile?: string;
  logger?: boolean;
  /** Behind a reverse proxy: the proxies' addresses and CIDR ranges whose X-Forwarded-For is believed. */
  trustProxy?: string[];
  /** Where log lines go instead of stdout. */
  logStream?: { write(line: string): void };
  now?: () => Date;
  limits?: Partial<RateLimits>;
  /** How often an open event stream sends its keep-alive and checks its session's expiry (default 15 s). */
  streamHeartbeatMs?: number;
  /**
   * Runs the billing cycle at start and on a timer (default hourly), on the service clock. The CLI
   * turns it on; the desktop's sandbox does not, since it bills its demo as of a day of its own.
   */
  billingCycle?: { intervalMs?: number };
  /** Settles debits and runs autopay at start and on a timer (default hourly), on the service clock; the CLI turns it on. */
  paymentsJob?: { intervalMs?: number };
  /** The plan as invoices and their e-mails name it (default: the sandbox's demo plan). */
  billingPlan?: BillingPlan;
  /** The plan to the banks and as payee of its remittances (default: the sandbox's made-up bank). */
  ach?: AchSettings;
  /** Who must use two-step sign-in (TWO_FACTOR; default `optional`). */
  twoFactorPolicy?: TwoFactorPolicy;
}

export interface PlanService {
  url: string;
  app: FastifyInstance;
  db: Db;
  backend: Backend;
  /** The SSN cipher the service encrypts with, for in-process seeding (the sandbox). */
  ssnCipher: SsnCipher;
  /** Bank account numbers' cipher, for in-process operator commands (tests) and the ACH file. */
  bankCipher: BankAccountCipher;
  /** The plan as invoices name it, for operator commands run in-process (tests). */
  billingPlan: BillingPlan;
  /** The ACH file's origin and the 820's payee, for operator commands run in-process (tests). */
  ach: AchSettings;
  /** The billing cycle job (docs/billing-rules.md): a pass can be asked for, scheduled or not, and each pass is announced. */
  billingCycle: BillingCycleJob;
  /** Settlement and autopay (jobs/payments.ts): a pass can be asked for, scheduled or not. */
  paymentsJob: PaymentsJob;
  close(): Promise<void>;
}

/** How long close() lets in-flight requests finish before it cuts the connections still open. */
const closeGraceMs = 2000;

/** Starts the plan service: the CLI, the tests and the desktop's sandbox all come in here. */
export async function startPlanService(options: PlanServiceOptions = {}): Promise<PlanService> {
  const database = await openDatabase({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.folderLock ? { lock: options.folderLock } : {}),
    purpose: options.purpose ?? 'plan service',
  });
  const mailer = createMailer({
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.mailDir ? { mailDir: options.mailDir } : {}),
  });
  let app: FastifyInstance | undefined;
  let operatorEndpoint: OperatorEndpoint | undefined;
  try {
    const key = await loadSsnKey({ env: options.ssnKey, file: options.ssnKeyFile, dataDir: options.dataDir });
    // The public URL is only known after listening on port 0, so routes read it through a function.
    let publicUrl = options.publicUrl ?? '';
    const deps = {
      db: database.db,
      backend: database.backend,
      now: options.now ?? (() => new Date()),
      mailer,
      publicUrl: () => publicUrl,
      ssnCipher: ssnCipher(key),
      bankCipher: bankAccountCipher(key),
      twoFactor: { keys: twoFactorKeys(key), policy: options.twoFactorPolicy ?? 'optional', issuer: (options.billingPlan ?? sandboxBillingPlan).name },
      billingPlan: options.billingPlan ?? sandboxBillingPlan,
      ach: options.ach ?? sandboxAchSettings,
      limits: { ...defaultRateLimits, ...options.limits },
      streamHeartbeatMs: options.streamHeartbeatMs ?? defaultStreamHeartbeatMs,
      logger: options.logger ?? false,
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    };
    app = await buildApp(deps);
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    const url = listenUrl(address);
    publicUrl ||= url;
    const running = app;
    // On PostgreSQL any number of processes share the database, so operator commands open it themselves.
    if (options.dataDir && database.backend === 'pglite') {
      operatorEndpoint = await startOperatorEndpoint({ dataDir: options.dataDir, db: database.db, mailer, billingPlan: deps.billingPlan, ach: deps.ach, ssnCipher: deps.ssnCipher, bankCipher: deps.bankCipher, now: deps.now, log: running.log });
    }
    const endpoint = operatorEndpoint;
    const stopPruning = schedulePruning(database.db, deps.now, (error) => running.log.error({ err: loggableError(error) }, 'pruning sign-in records failed'));
    const billingCycle = scheduleBillingCycle(database.db, { mailer, plan: deps.billingPlan }, deps.now, running.log, options.billingCycle ? (options.billingCycle.intervalMs ?? BILLING_CYCLE_INTERVAL_MS) : null);
    const paymentsJob = schedulePaymentsJob({ db: database.db, mailer, plan: deps.billingPlan, bankCipher: deps.bankCipher, ach: deps.ach.origin }, deps.now, running.log, options.paymentsJob ? (options.paymentsJob.intervalMs ?? PAYMENTS_JOB_INTERVAL_MS) : null);
    return {
      url,
      app: running,
      db: database.db,
      backend: database.backend,
      ssnCipher: deps.ssnCipher,
      bankCipher: deps.bankCipher,
      billingPlan: deps.billingPlan,
      ach: deps.ach,
      billingCycle,
      paymentsJob,
      async close() {
        stopPruning();
        // Before the database closes: a pass in progress finishes its month first.
        await billingCycle.stop();
        await paymentsJob.stop();
        await endpoint?.close();
        // In-flight requests get a moment to finish; connections that stay open after it (a change
        // stream, a client that connected and never asked anything) are cut, so a quit never hangs.
        const cut = setTimeout(() => running.server.closeAllConnections(), closeGraceMs);
        await running.close();
        clearTimeout(cut);
        mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    await operatorEndpoint?.close();
    await app?.close();
    mailer.close();
    await database.close();
    throw error;
  }
}

/** Fastify reports `http://[::1]:port` style addresses; IPv4 loopback is what users type. */
function listenUrl(address: string): string {
  return address.replace('http://[::1]', 'http://localhost').replace('http://0.0.0.0', 'http://127.0.0.1');
}
