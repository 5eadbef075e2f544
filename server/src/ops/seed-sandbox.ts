import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { isIsoDate } from '../../../shared/util/dates';
import { defaultSandboxSeed, generateSandbox } from '../../../shared/sandbox/generator';
import type { Db } from '../store/db';
import { groups, members } from '../store/schema';
import { recordAudit } from '../services/audit';
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
}

/**
 * Loads the sandbox plan (shared/sandbox `generateSandbox`): creates each group and its plans if
 * missing, then loads its members in bulk with their coverage history and change feed. A group that
 * already has members is left alone, so running it again never duplicates anyone. The desktop's
 * embedded plan service calls this on its first start.
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
    results.push({ groupNumber: group.groupNumber, loaded });
  }
  return results;
}

const usage = `ops seed-sandbox [--seed <number>] [--today YYYY-MM-DD]

Loads the sandbox plan's two demo employers, their plans and members (with coverage history and
the change feed). Groups that already have members are left as they are, so it is safe to run again.`;

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
    for (const r of results) context.out(r.loaded > 0 ? `Group ${r.groupNumber}: loaded ${r.loaded} members.` : `Group ${r.groupNumber}: already has members, left as it is.`);
  },
};
