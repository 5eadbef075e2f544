import { parseArgs } from 'node:util';
import { and, count, eq } from 'drizzle-orm';
import { addMonths, isIsoDate } from '@shared/util/dates';
import { defaultSandboxSeed, generateSandbox } from '@shared/sandbox/generator';
import type { Db } from '../store/db';
import { groups, invoices, members } from '../store/schema';
import { recordAudit } from '../services/audit';
import { appendChanges } from '../services/changes/append';
import { latestIssuedPeriod, scheduledIssueDate } from '../services/billing/billing-calendar';
import { toInvoiceSummary } from '../services/billing/invoice-views';
import { issuedFor, issueMonth } from '../services/billing/issue-invoice';
import type { Actor } from '../services/groups/create-group';
import { createGroup } from '../services/groups/create-group';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import { bulkLoadMembers } from '../services/sandbox/bulk-load';
import { UsageError, type OpsCommand } from './command';

export interface SeedSandboxOptions {
  cipher: SsnCipher;
  now: Date;
  /** The generator's seed; the same seed and day give the same data (shared/sandbox). */
  seed?: number;
  /** The day the data set is dated from; defaults to `now`'s UTC date. */
  today?: string;
  /** Who the audit log names, `ops:<name>`. */
  operator?: string;
}

export interface SeedSandboxResult {
  groupNumber: string;
  /** Members loaded now; 0 when the group already had members (seeding is idempotent). */
  loaded: number;
  /** Invoice numbers issued now; empty when the billing history was already there. */
  invoices: string[];
}

/**
 * Loads the sandbox plan (shared/sandbox `generateSandbox`): creates each group and its plans if
 * missing, then loads its members in bulk with their coverage history and change feed, and issues
 * its last two invoices (seedInvoices). A group that already has members is left alone, and an
 * invoice already issued is not issued again, so running it again never duplicates anything. The
 * desktop's embedded plan service calls this on every start.
 */
export async function seedSandbox(db: Db, options: SeedSandboxOptions): Promise<SeedSandboxResult[]> {
  const today = options.today ?? options.now.toISOString().slice(0, 10);
  const operator = options.operator ?? 'ops:seed-sandbox';
  const actor = { actorUserId: operator, sessionId: null, ip: null };
  const dataSet = generateSandbox({ ...(options.seed === undefined ? {} : { seed: options.seed }), today });
  const results: SeedSandboxResult[] = [];
  for (const { group, members: records } of dataSet.groups) {
    const [existing] = await db.select({ n: groups.groupNumber }).from(groups).where(eq(groups.groupNumber, group.groupNumber));
    if (!existing) await createGroup(db, { ...group }, actor, options.now);
    const loaded = await db.transaction(async (tx) => {
      // Serializes two seeders of one group: the second waits, then finds the members there.
      await tx.select().from(groups).where(eq(groups.groupNumber, group.groupNumber)).for('update');
      const [present] = await tx.select({ n: count() }).from(members).where(eq(members.groupNumber, group.groupNumber));
      if ((present?.n ?? 0) > 0) return 0;
      const n = await bulkLoadMembers(tx, options.cipher, group.groupNumber, records, options.now);
      await recordAudit(tx, { ...actor, action: 'sandbox.seed', target: `group:${group.groupNumber}`, detail: { members: n, seed: options.seed ?? defaultSandboxSeed, today }, at: options.now });
      return n;
    });
    const issued = await seedInvoices(db, group.groupNumber, today, actor, options.now);
    results.push({ groupNumber: group.groupNumber, loaded, invoices: issued });
  }
  return results;
}

/**
 * A billing history to explore and to sign up for Bill Pay with: the two latest invoices the plan's
 * calendar has issued by `today` (billing-calendar.ts), each issued on its scheduled day, the older
 * one paid and the latest open. An older invoice left open by an earlier start (a month ago, when it
 * was the latest) is marked paid, so the demo's balance stays one month's premium.
 */
async function seedInvoices(db: Db, groupNumber: string, today: string, actor: Actor, now: Date): Promise<string[]> {
  const latest = latestIssuedPeriod(today);
  const issued: string[] = [];
  for (const [periodStart, status] of [[addMonths(latest, -1), 'paid'], [latest, 'open']] as const) {
    const existing = await issuedFor(db, groupNumber, periodStart);
    if (!existing) {
      // The service's billing cycle may have issued the month meanwhile: then it stays as issued.
      const result = await issueMonth(db, { groupNumber, periodStart, issuedOn: scheduledIssueDate(periodStart), status }, actor, now);
      if (result.outcome === 'issued') issued.push(result.issued.invoice.invoiceNumber);
    } else if (existing.status !== status && status === 'paid') {
      const { invoiceNumber } = existing;
      await db.transaction(async (tx) => {
        const [paid] = await tx.update(invoices).set({ status }).where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.status, 'open'))).returning();
        if (!paid) return;
        await recordAudit(tx, { ...actor, action: 'sandbox.pay_invoice', target: `invoice:${invoiceNumber}`, detail: { amountCents: paid.amountCents }, at: now });
        await appendChanges(tx, groupNumber, now.toISOString(), [{ entity: 'invoice', entityId: invoiceNumber, op: 'upsert', payload: toInvoiceSummary(paid) }]);
      });
    }
  }
  return issued;
}

const usage = `ops seed-sandbox [--seed <number>] [--today YYYY-MM-DD]

Loads the sandbox plan's two demo employers, their plans and members (with coverage history and
the change feed), and issues each group's two latest invoices (the older one paid). Groups that
already have members and invoices already issued are left as they are, so it is safe to run again.`;

export const seedSandboxCommand: OpsCommand = {
  name: 'seed-sandbox',
  summary: 'Load the sandbox groups, plans and members (idempotent).',
  usage,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { seed: { type: 'string' }, today: { type: 'string' } }, strict: true });
    if (values.seed !== undefined && !/^\d{1,10}$/.test(values.seed)) throw new UsageError('--seed must be a whole number');
    if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError('--today must be an existing date YYYY-MM-DD');
    const results = await seedSandbox(context.db, {
      cipher: context.ssnCipher,
      now: context.now(),
      operator: context.operator,
      ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
      ...(values.today === undefined ? {} : { today: values.today }),
    });
    for (const r of results) {
      const members = r.loaded > 0 ? `loaded ${r.loaded} members` : 'already has members, left as they are';
      const billed = r.invoices.length > 0 ? `issued ${r.invoices.join(', ')}` : 'invoices already issued';
      context.out(`Group ${r.groupNumber}: ${members}; ${billed}.`);
    }
  },
};
