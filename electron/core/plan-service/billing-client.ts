import { ContractFailure } from '@shared/contract';
import { billingPreferences, type BillingPreferences, type BillingPreferencesUpdate } from '@shared/plan-api/billing-preferences';
import { disputeList, invoiceDispute, type FileDisputeRequest, type InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import type { PlanClient, PlanRequestInit } from './plan-client';
import { planFailure } from './plan-failure';
import type { z } from 'zod';

/**
 * The plan service's billing calls the desktop makes on the user's behalf: the invoice PDF, disputes
 * and invoice preferences (shared/plan-api). The invoices themselves come by the change feed. Each
 * failure is in the contract's words; unreachable is OFFLINE with `offline`'s explanation, since
 * the screens that make these calls also work from what this computer already has.
 */

const groupPath = (groupNumber: string): string => `/v1/groups/${encodeURIComponent(groupNumber)}`;

async function attempt<T>(client: PlanClient, offline: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = planFailure(error, client.url);
    throw failure.code === 'OFFLINE' ? new ContractFailure('OFFLINE', offline) : failure;
  }
}

const json = <T>(client: PlanClient, offline: string, method: string, path: string, schema: z.ZodType<T>, init: PlanRequestInit = {}): Promise<T> =>
  attempt(client, offline, () => client.json(method, path, schema, init));

export const invoicePdf = (client: PlanClient, groupNumber: string, invoiceNumber: string): Promise<Uint8Array> =>
  attempt(client, 'The invoice PDF comes from the plan, which cannot be reached now. The invoice itself, its lines and adjustments are on this computer and can be read offline.', () =>
    client.invoicePdf(groupNumber, invoiceNumber),
  );

export const fileDispute = (client: PlanClient, groupNumber: string, invoiceNumber: string, body: FileDisputeRequest): Promise<InvoiceDispute> =>
  json(client, 'A dispute goes to the plan, which cannot be reached now. Try again when you are back online.', 'POST', `${groupPath(groupNumber)}/invoices/${encodeURIComponent(invoiceNumber)}/disputes`, invoiceDispute, {
    body,
    status: 201,
  });

export const groupDisputes = async (client: PlanClient, groupNumber: string): Promise<InvoiceDispute[]> =>
  (await json(client, 'The plan cannot be reached now.', 'GET', `${groupPath(groupNumber)}/disputes`, disputeList)).disputes;

export const readBillingPreferences = (client: PlanClient, groupNumber: string): Promise<BillingPreferences> =>
  json(client, 'Invoice preferences come from the plan, which cannot be reached now, and this computer has not read them yet.', 'GET', `${groupPath(groupNumber)}/billing-preferences`, billingPreferences);

export const writeBillingPreferences = (client: PlanClient, groupNumber: string, body: BillingPreferencesUpdate): Promise<BillingPreferences> =>
  json(client, 'Invoice preferences are changed at the plan, which cannot be reached now. Try again when you are back online.', 'PUT', `${groupPath(groupNumber)}/billing-preferences`, billingPreferences, {
    body,
  });
