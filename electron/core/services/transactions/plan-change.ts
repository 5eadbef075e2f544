import type { ParsedTransactionInput } from '@shared/contract/schemas/transaction';
import { planAddDependent } from './add-dependent-change';
import type { ChangeEnv, PlannedChange } from './change-plan';
import { planDemographics } from './demographics-change';
import { planEnroll } from './enroll-change';
import { planIdCards } from './id-cards-change';
import { planReinstate } from './reinstate-change';
import { planTerminate } from './terminate-change';

/** Checks a transaction against the local replica and the group's policy, as the plan will. */
export function planChange(env: ChangeEnv, transaction: ParsedTransactionInput): PlannedChange {
  switch (transaction.kind) {
    case 'enroll':
      return planEnroll(env, transaction.request);
    case 'add_dependent':
      return planAddDependent(env, transaction.request);
    case 'terminate':
      return planTerminate(env, transaction.request);
    case 'reinstate':
      return planReinstate(env, transaction.request);
    case 'update_demographics':
      return planDemographics(env, transaction.request);
    case 'id_cards':
      return planIdCards(env, transaction.request);
  }
}
