import type { PlanCostSharing } from '@shared/contract/schemas/group';
import type { plans } from '../../store/schema';

type PlanRow = typeof plans.$inferSelect;
type CostSharingColumns = Pick<
  PlanRow,
  | 'inNetworkDeductibleIndividual'
  | 'inNetworkDeductibleFamily'
  | 'inNetworkOopMaxIndividual'
  | 'inNetworkOopMaxFamily'
  | 'outOfNetworkDeductibleIndividual'
  | 'outOfNetworkDeductibleFamily'
  | 'outOfNetworkOopMaxIndividual'
  | 'outOfNetworkOopMaxFamily'
>;

/** A plan's cost sharing as the plans table's eight columns; all NULL when the plan has none on record. */
export function costSharingColumns(costSharing: PlanCostSharing | undefined): CostSharingColumns {
  return {
    inNetworkDeductibleIndividual: costSharing?.inNetwork.deductible.individual ?? null,
    inNetworkDeductibleFamily: costSharing?.inNetwork.deductible.family ?? null,
    inNetworkOopMaxIndividual: costSharing?.inNetwork.outOfPocketMax.individual ?? null,
    inNetworkOopMaxFamily: costSharing?.inNetwork.outOfPocketMax.family ?? null,
    outOfNetworkDeductibleIndividual: costSharing?.outOfNetwork.deductible.individual ?? null,
    outOfNetworkDeductibleFamily: costSharing?.outOfNetwork.deductible.family ?? null,
    outOfNetworkOopMaxIndividual: costSharing?.outOfNetwork.outOfPocketMax.individual ?? null,
    outOfNetworkOopMaxFamily: costSharing?.outOfNetwork.outOfPocketMax.family ?? null,
  };
}

/** The plan's cost sharing from its row, or undefined when it has none (the table keeps all eight or none). */
export function costSharingOf(row: CostSharingColumns): PlanCostSharing | undefined {
  const { inNetworkDeductibleIndividual, inNetworkDeductibleFamily, inNetworkOopMaxIndividual, inNetworkOopMaxFamily } = row;
  const { outOfNetworkDeductibleIndividual, outOfNetworkDeductibleFamily, outOfNetworkOopMaxIndividual, outOfNetworkOopMaxFamily } = row;
  if (
    inNetworkDeductibleIndividual === null ||
    inNetworkDeductibleFamily === null ||
    inNetworkOopMaxIndividual === null ||
    inNetworkOopMaxFamily === null ||
    outOfNetworkDeductibleIndividual === null ||
    outOfNetworkDeductibleFamily === null ||
    outOfNetworkOopMaxIndividual === null ||
    outOfNetworkOopMaxFamily === null
  ) {
    return undefined;
  }
  return {
    inNetwork: {
      deductible: { individual: inNetworkDeductibleIndividual, family: inNetworkDeductibleFamily },
      outOfPocketMax: { individual: inNetworkOopMaxIndividual, family: inNetworkOopMaxFamily },
    },
    outOfNetwork: {
      deductible: { individual: outOfNetworkDeductibleIndividual, family: outOfNetworkDeductibleFamily },
      outOfPocketMax: { individual: outOfNetworkOopMaxIndividual, family: outOfNetworkOopMaxFamily },
    },
  };
}
