import { ContractFailure } from '@shared/contract';
import { handlers } from '../../dispatch/handler-types';

// replaced by the reconcile branch at merge
export const billingAnalysisHandlers = handlers({
  'billing.reconcile': () => {
    throw new ContractFailure('INTERNAL', 'not in this branch');
  },
  'billing.worksheet': () => {
    throw new ContractFailure('INTERNAL', 'not in this branch');
  },
  'billing.preview': () => {
    throw new ContractFailure('INTERNAL', 'not in this branch');
  },
});
