import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { address, groupPolicy, plan } from '@shared/contract/schemas/group';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import type { Db } from '../../store/db';
import { groups, plans } from '../../store/schema';
import { recordAudit } from '../audit';
import { costSharingColumns } from './cost-sharing-columns';

/** What an operator supplies to set up a group; policy values left out take the plan's defaults. */
export const newGroupInput = z
  .object({
    groupNumber,
    name: z.string().trim().min(1).max(80),
    address,
    region: z.string().trim().min(1).max(40),
    policy: groupPolicy.partial().strict().default({}),
    plans: z
      .array(plan)
      .min(1, 'A group offers at least one plan')
      .refine((list) => new Set(list.map((p) => p.code)).size === list.length, 'Plan codes must be unique within a group'),
  })
  .strict();
export type NewGroupInput = z.input<typeof newGroupInput>;

export interface Actor {
  actorUserId: string;
  sessionId: string | null;
  ip: string | null;
}

/** Creates a group with its plans and rates in one transaction; CONFLICT if the number is taken. */
export async function createGroup(db: Db, input: NewGroupInput, actor: Actor, now: Date): Promise<void> {
  const parsed = newGroupInput.parse(input);
  const policy = { ...defaultGroupPolicy, ...parsed.policy };
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: groups.groupNumber }).from(groups).where(eq(groups.groupNumber, parsed.groupNumber));
    if (existing) throw new ContractFailure('CONFLICT', `Group ${parsed.groupNumber} already exists.`, { groupNumber: 'Already exists' });
    await tx.insert(groups).values({ groupNumber: parsed.groupNumber, name: parsed.name, address: parsed.address, region: parsed.region, policy, createdAt: now });
    await tx.insert(plans).values(
      parsed.plans.map((p) => ({
        groupNumber: parsed.groupNumber,
        code: p.code,
        name: p.name,
        kind: p.kind,
        rateEmp: p.rates.EMP,
        rateEsp: p.rates.ESP,
        rateEch: p.rates.ECH,
        rateFam: p.rates.FAM,
        ...costSharingColumns(p.costSharing),
      })),
    );
    await recordAudit(tx, {
      ...actor,
      action: 'group.create',
      target: `group:${parsed.groupNumber}`,
      detail: { name: parsed.name, region: parsed.region, policy, plans: parsed.plans.map((p) => p.code) },
      at: now,
    });
  });
}
