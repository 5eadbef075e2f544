import type { AchSettings } from '../services/ach/ach-settings';
import { dayFilesDue, writeDayFile, type DayFile } from '../services/payments/ach-day-file';
import { runAutopay, type AutopayReport } from '../services/payments/autopay-run';
import type { BankAccountCipher } from '../services/payments/bank-account-cipher';
import { settleDue } from '../services/payments/payment-progress';
import type { PaymentsEnv } from '../services/payments/payments-env';

/** Hourly: settlement and autopay work by banking days, so a pass within the hour is soon enough. */
export const PAYMENTS_JOB_INTERVAL_MS = 3_600_000;

export interface PaymentsPass {
  settled: string[];
  autopay: AutopayReport;
  /** The days' ACH files written in this pass, oldest first. */
  achFiles: DayFile[];
}

/** What the job needs besides the payment services': the cipher that opens account numbers for the file, and the file's origin. */
export interface PaymentsJobEnv extends Omit<PaymentsEnv, 'log'> {
  bankCipher: BankAccountCipher;
  ach: AchSettings['origin'];
}

export interface PaymentsJob {
  /** A pass as of the clock now, after any pass in progress. */
  runNow(): Promise<PaymentsPass>;
  /** Stops the timer and waits for the pass in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * The payments job inside the service: each pass settles the debits whose settlement date has come,
 * then runs autopay (debits scheduled, pre-debit e-mails), then writes each business day's ACH file
 * once its cut-off has passed, catching up days missed while the service was down. Every step is
 * idempotent, so a pass that repeats or follows a crash does no harm. Logs counts, dates and group
 * numbers only.
 */
export function schedulePaymentsJob(env: PaymentsJobEnv, now: () => Date, log: PaymentsEnv['log'] & { info(details: Record<string, unknown>, message: string): void }, intervalMs: number | null): PaymentsJob {
  let running: Promise<PaymentsPass> | null = null;
  let stopped = false;
  const pass = async (): Promise<PaymentsPass> => {
    const settled = await settleDue(env.db, now());
    const autopay = await runAutopay({ db: env.db, mailer: env.mailer, plan: env.plan, log }, now());
    const achFiles: DayFile[] = [];
    for (const day of await dayFilesDue(env.db, now())) {
      const written = await writeDayFile(env.db, env.bankCipher, env.ach, day, now());
      if (written.outcome === 'file' && written.file.writtenNow) achFiles.push(written.file);
    }
    if (settled.length > 0 || autopay.scheduled.length > 0 || autopay.failed.length > 0 || achFiles.length > 0) {
      log.info(
        {
          settled: settled.length,
          autopayScheduled: autopay.scheduled.length,
          notices: autopay.notices,
          autopayFailed: autopay.failed.map((f) => f.groupNumber),
          achFiles: achFiles.map((f) => ({ fileDate: f.fileDate, entries: f.entryCount })),
        },
        'payments pass',
      );
    }
    return { settled, autopay, achFiles };
  };
  const start = (): Promise<PaymentsPass> => {
    const current = pass().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  const tick = () => {
    if (stopped || running) return;
    start().catch((error: unknown) => log.error({ errorType: error instanceof Error ? error.name : typeof error }, 'payments pass failed'));
  };
  const timer = intervalMs === null ? undefined : setInterval(tick, intervalMs);
  timer?.unref();
  if (timer) tick();
  return {
    async runNow() {
      if (stopped) throw new Error('The payments job has stopped');
      await running?.catch(() => undefined);
      return running ?? start();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
