import { ContractFailure } from '@shared/contract';
import { PlanError } from './plan-client';

/**
 * A failed call to the plan service in the contract's words: unreachable is OFFLINE, an answer that
 * is not the API's is VALIDATION on the address, and the service's own refusal (throttling too) keeps its code,
 * message and fields (INTERNAL from the service reads as AUTH: the session is the likely cause).
 */
export function planFailure(error: unknown, url: string): ContractFailure {
  if (error instanceof ContractFailure) return error;
  if (!(error instanceof PlanError)) return new ContractFailure('INTERNAL', 'The request failed on this computer. Try again.');
  // Throttling (a sign-in or code lockout, a rate limit) is the service's rule, in its words with its
  // retry time: not "offline", which would send the user checking their network.
  if (error.status === 429 && error.contractError !== null) return new ContractFailure(error.contractError.code, error.contractError.message, error.contractError.fields);
  if (error.kind === 'retry') return new ContractFailure('OFFLINE', `${error.message} Check the address and your connection.`, { serviceUrl: 'Cannot be reached' });
  if (error.kind === 'invalid') return new ContractFailure('VALIDATION', `${url} does not answer like a plan service. Check the address the plan gave you.`, { serviceUrl: 'Not a plan service' });
  const code = error.contractError?.code ?? 'AUTH';
  return new ContractFailure(code === 'INTERNAL' ? 'AUTH' : code, error.message, error.contractError?.fields);
}
