import { ContractFailure } from '@shared/contract';
import { exceptionRequest, type ExceptionRequest, type ExceptionRequestBody } from '@shared/plan-api/exception-requests';
import type { PlanClient } from './plan-client';
import { planFailure } from './plan-failure';

/**
 * Sends a request for an exception on the user's behalf. Only the plan can grant one and there is
 * nothing to show until it has the request, so it is not queued: unreachable is OFFLINE, saying so.
 */
export async function sendExceptionRequest(client: PlanClient, groupNumber: string, body: ExceptionRequestBody): Promise<ExceptionRequest> {
  try {
    return await client.json('POST', `/v1/groups/${encodeURIComponent(groupNumber)}/exception-requests`, exceptionRequest, { body, status: 201 });
  } catch (error) {
    const failure = planFailure(error, client.url);
    if (failure.code === 'OFFLINE') {
      throw new ContractFailure('OFFLINE', 'A request for an exception goes straight to the plan, which cannot be reached now: it was not sent. Your note is kept here; send it again when you are back online.');
    }
    throw failure;
  }
}
