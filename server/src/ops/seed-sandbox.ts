import { parseArgs } from 'node:util';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Group } from '@shared/contract/schemas/group';
import { addMonths, isIsoDate } from '@shared/util/dates';
import { defaultSandboxSeed, generateSandbox } from '@shared/sandbox/generator';
import type { Db } from '../store/db';
import { groups, members, plans } from '../store/schema';
import { recordAudit } from '../services/audit';
import { latestIssuedPeriod, scheduledIssueDate } from '../services/billing/billing-calendar';
import { issuedFor, issueMonth } from '../services/billing/issue-invoice';
import type { Actor } from '../services/groups/create-group';
import { createGroup } from '../services/groups/create-group';
import { costSharingColumns } from '../services/groups/cost-sharing-columns';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import type { BankAccountCipher } from '../services/payments/bank-account-cipher';
import { bulkLoadMembers } from '../services/sandbox/bulk-load';
import { ensureDemoBankAccount, seedSettledPayment } from '../services/sandbox/demo-payments';
import { UsageError, type OpsCommand } from './command';

export interface SeedSandboxOptions {
  cipher: SsnCipher;
  /** The service's bank account cipher: the demo account's number is encrypted with it like any other. */
  bankCipher: BankAccountCipher;
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
  /** The confirmation number of the payment made now for the older invoice; null when it already had one. */
  payment: string | null;
}

/**
 * Loads the sandbox plan (shared/sandbox `generateSandbox`): creates each group and its plans if
 * missing (an existing group's plans get the demo cost sharing they lack), then loads its members in bulk with their coverage history and change feed, and issues
 * its last two invoices with a settled payment of the older one (seedBilling). A group that already
 * has members is left alone, an invoice already issued is not issued again and one already paid by a
 * payment is not paid again, so running it again never duplicates anything. The desktop's embedded
 * plan service calls this on every start.
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
    else await recordMissingCostSharing(db, group);
    const loaded = await db.transaction(async (tx) => {
      // Serializes two seeders of one group: the second waits, then finds the members there.
      await tx.select().from(groups).where(eq(groups.groupNumber, group.groupNumber)).for('update');
      const [present] = await tx.select({ n: count() }).from(members).where(eq(members.groupNumber, group.groupNumber));
      if ((present?.n ?? 0) > 0) return 0;
      const n = await bulkLoadMembers(tx, options.cipher, group.groupNumber, records, options.now);
      await recordAudit(tx, { ...actor, action: 'sandbox.seed', target: `group:${group.groupNumber}`, detail: { members: n, seed: options.seed ?? defaultSandboxSeed, today }, at: options.now });
      return n;
    });
    const billing = await seedBilling(db, options.bankCipher, group.groupNumber, today, actor, options.now);
    results.push({ groupNumber: group.groupNumber, loaded, ...billing });
  }
  return results;
}

/**
 * A sandbox whose groups were created before plans had cost sharing gets the demo plans' figures,
 * so its ID cards print them too; figures a plan already has stay as they are.
 */
async function recordMissingCostSharing(db: Db, group: Group): Promise<void> {
  for (const plan of group.plans) {
    if (plan.costSharing === undefined) continue;
    await db
      .update(plans)
      .set(costSharingColumns(plan.costSharing))
      .where(and(eq(plans.groupNumber, group.groupNumber), eq(plans.code, plan.code), isNull(plans.inNetworkDeductibleIndividual)));
  }
}

/**
 * A billing history to explore and to sign up for Bill Pay with: the two latest invoices the plan's
 * calendar has issued by `today` (billing-calendar.ts), each issued on its scheduled day, the older
 * one paid by a settled debit from the group's verified demo account and the latest open. The older
 * invoice is paid before the latest is issued, so the latest counts the payment received. An older
 * invoice left open by an earlier start (a month ago, when it was the latest) or issued meanwhile by
 * the service's billing cycle gets its payment now, unless one was already made to it, so the demo's
 * balance stays one month's premium.
 */
async function seedBilling(db: Db, bankCipher: BankAccountCipher, groupNumber: string, today: string, actor: Actor, now: Date): Promise<{ invoices: string[]; payment: string | null }> {
  const latest = latestIssuedPeriod(today);
  const older = addMonths(latest, -1);
  const issued: string[] = [];
  // The ledger needs the order the story tells: the older invoice written, then its payment settled,
  // then the latest written, so the latest receives the payment. A seed runs at one instant (a fixed
  // clock in tests), so the first two are written a millisecond apart before it.
  const before = (ms: number) => new Date(now.getTime() - ms);
  const issue = async (periodStart: string, at: Date): Promise<string | null> => {
    const existing = await issuedFor(db, groupNumber, periodStart);
    if (existing) return existing.invoiceNumber;
    const result = await issueMonth(db, { groupNumber, periodStart, issuedOn: scheduledIssueDate(periodStart), status: 'open' }, actor, at);
    if (result.outcome === 'already_issued') return result.existing.invoiceNumber;
    if (result.outcome === 'nothing_to_bill') return null;
    issued.push(result.issued.invoice.invoiceNumber);
    return result.issued.invoice.invoiceNumber;
  };
  const olderInvoice = await issue(older, before(2));
  const payment =
    olderInvoice === null
      ? null
      : await db.transaction(async (tx) => {
          // Serializes two seeders of one group, so the second finds the account the first added.
          await tx.select().from(groups).where(eq(groups.groupNumber, groupNumber)).for('update');
          const bankAccountId = await ensureDemoBankAccount(tx, bankCipher, groupNumber, scheduledIssueDate(older), actor, now);
          return seedSettledPayment(tx, { groupNumber, invoiceNumber: olderInvoice, bankAccountId }, actor, before(1));
        });
  await issue(latest, now);
  return { invoices: issued, payment };
}

const usage = `ops seed-sandbox [--seed <number>] [--today YYYY-MM-DD]

Loads the sandbox plan's two demo employers, their plans and members (with coverage history and
the change feed), and issues each group's two latest invoices, the older one paid by a settled
debit from a verified demo bank account. Groups that already have members, invoices already issued
and an invoice already paid by a payment are left as they are, so it is safe to run again.`;

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
      bankCipher: context.bankCipher,
      now: context.now(),
      operator: context.operator,
      ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
      ...(values.today === undefined ? {} : { today: values.today }),
    });
    for (const r of results) {
      const members = r.loaded > 0 ? `loaded ${r.loaded} members` : 'already has members, left as they are';
      const billed = r.invoices.length > 0 ? `issued ${r.invoices.join(', ')}` : 'invoices already issued';
      const paid = r.payment === null ? '' : `; paid the older invoice by ${r.payment}`;
      context.out(`Group ${r.groupNumber}: ${members}; ${billed}${paid}.`);
    }
  },
};
