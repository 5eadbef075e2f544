import { asc, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Group } from '@shared/contract/schemas/group';
import type { Db } from '../../store/db';
import { groups, plans } from '../../store/schema';
import { costSharingOf } from '../groups/cost-sharing-columns';

/** The group as the desktop replicates it: address, policy values, plans with monthly rates and cost sharing in cents. */
export async function loadGroup(db: Db, groupNumber: string): Promise<Group> {
  const [row] = await db.select().from(groups).where(eq(groups.groupNumber, groupNumber));
  if (!row) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} does not exist.`);
  const offered = await db.select().from(plans).where(eq(plans.groupNumber, groupNumber)).orderBy(asc(plans.code));
  return {
    groupNumber: row.groupNumber,
    name: row.name,
    address: row.address,
    region: row.region,
    policy: row.policy,
    plans: offered.map((p) => {
      const costSharing = costSharingOf(p);
      return { code: p.code, name: p.name, kind: p.kind, rates: { EMP: p.rateEmp, ESP: p.rateEsp, ECH: p.rateEch, FAM: p.rateFam }, ...(costSharing ? { costSharing } : {}) };
    }),
  };
}
