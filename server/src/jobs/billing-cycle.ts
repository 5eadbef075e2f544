import { EventEmitter } from 'node:events';
import type { Db } from '../store/db';
import { runBillingCycle, type CycleReport } from '../services/billing/billing-cycle';
import { announceNewInvoice, type InvoiceNotices } from '../services/billing/new-invoice-notice';

/** Who the audit log says issued the cycle's invoices. */
export const BILLING_CYCLE_ACTOR = { actorUserId: 'system:billing-cycle', sessionId: null, ip: null };

/** Hourly: the bill day is a calendar day, so a pass within the hour after midnight (UTC) is soon enough. */
export const BILLING_CYCLE_INTERVAL_MS = 3_600_000;

export interface BillingCycleLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface BillingCycleJob {
  /** A pass as of the clock's day now, after any pass in progress; resolves with its report. */
  runNow(): Promise<CycleReport>;
  /** Stops the timer and waits for the pass in progress, so the database can be closed after it. */
  stop(): Promise<void>;
  /** `pass` with each finished pass's report; `failure` with the error of a pass that failed as a whole (an emitter's `error` would throw unheard). */
  readonly events: EventEmitter<{ pass: [CycleReport]; failure: [Error] }>;
}

/**
 * The billing cycle inside the service: a pass at start and one every `intervalMs` (none without
 * one: passes run only when asked), each as of the injected clock's day (UTC, the plan's calendar),
 * so tests move the clock and ask for a pass or wait for the timer's. A tick
 * while a pass runs is skipped; the timer does not keep the process alive. Logs counts and group
 * numbers only: never a member, an amount or an error text that might quote either. Each invoice
 * issued is announced to its group's notice recipients once its month is committed.
 */
export function scheduleBillingCycle(db: Db, notices: InvoiceNotices, now: () => Date, log: BillingCycleLog, intervalMs: number | null): BillingCycleJob {
  const events = new EventEmitter<{ pass: [CycleReport]; failure: [Error] }>();
  let running: Promise<CycleReport> | null = null;
  let stopped = false;

  const pass = async (): Promise<CycleReport> => {
    const at = now();
    const report = await runBillingCycle(db, { asOf: at.toISOString().slice(0, 10) }, BILLING_CYCLE_ACTOR, at);
    if (report.issued.length > 0 || report.failed.length > 0) {
      log.info(
        {
          asOf: report.asOf,
          issued: report.issued.length,
          groups: [...new Set(report.issued.map((i) => i.groupNumber))],
          alreadyIssued: report.alreadyIssued,
          nothingToBill: report.nothingToBill,
          failed: report.failed.length,
        },
        'billing cycle',
      );
    }
    for (const issued of report.issued) await announceNewInvoice(db, notices, issued.invoiceNumber, log);
    for (const failure of report.failed) {
      log.error({ groupNumber: failure.groupNumber, periodStart: failure.periodStart, errorType: failure.error.name }, 'billing cycle: a month could not be issued');
    }
    events.emit('pass', report);
    return report;
  };
  const start = (): Promise<CycleReport> => {
    const current = pass().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  const tick = () => {
    if (stopped || running) return;
    start().catch((error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      log.error({ errorType: e.name }, 'billing cycle pass failed');
      events.emit('failure', e);
    });
  };

  const timer = intervalMs === null ? undefined : setInterval(tick, intervalMs);
  timer?.unref();
  if (timer) tick();
  return {
    events,
    async runNow() {
      if (stopped) throw new Error('The billing cycle has stopped');
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
