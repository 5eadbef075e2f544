import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { Backend } from '../src/store/db';
import { enrollment, GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';
import type { BillingPlan } from '../src/services/billing/billing-plan';

/** sampleGroup's PPO rates (test-support/fixtures.ts), in cents. */
export const PPO = { EMP: 52_000, ESP: 104_000 };

export interface InvoiceFixture {
  f: EligibilityFixture;
  /** November's invoice: Dana (single) and Ada with her spouse (couple). */
  november: string;
  /** December's: the three families, plus November re-billed for Mo, enrolled back to it late. */
  december: string;
  ids: { single: string; couple: string; late: string };
  /** The transaction that enrolled Mo late, named by December's adjustment. */
  lateTx: string;
}

/**
 * Two invoices of GROUP that the invoice API and PDF tests read: the service clock starts on
 * 2026-11-27 (test-support/clock.ts), so November is billed late and due at once.
 */
export async function startInvoiceFixture(backend: Backend, billingPlan?: BillingPlan): Promise<InvoiceFixture> {
  const f = await startEligibilityService(backend, billingPlan ? { billingPlan } : {});
  const enroll = async (overrides: Parameters<typeof enrollment>[1]): Promise<TransactionAccepted> => {
    const res = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, overrides));
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const issue = async (period: string): Promise<string> => {
    const printed = await f.service.ops(['issue-invoice', '--group', GROUP, '--period', period]);
    const number = /^Issued (\S+) /.exec(printed[0] ?? '')?.[1];
    if (!number) throw new Error(`No invoice number in ${JSON.stringify(printed)}`);
    return number;
  };
  const { subscriber } = enrollment(f.today);
  const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Okafor', dateOfBirth: '1984-02-29', gender: 'M' as const };
  const single = (await enroll({ effectiveDate: '2026-11-01', subscriber: { ...subscriber, firstName: 'Dana', middleName: 'Lee', lastName: 'Whitfield' } })).memberIds[0] ?? '';
  const couple = (await enroll({ effectiveDate: '2026-11-01', subscriber: { ...subscriber, firstName: 'Ada', lastName: 'Okafor', ssn: enrollment(f.today).subscriber.ssn }, dependents: [spouse] })).memberIds[0] ?? '';
  const november = await issue('2026-11');
  // Enrolled back to November after November was billed: December re-bills November for them.
  const late = await enroll({ effectiveDate: '2026-11-01', subscriber: { ...subscriber, firstName: 'Mo', lastName: 'Brandt', ssn: enrollment(f.today).subscriber.ssn } });
  const december = await issue('2026-12');
  return { f, november, december, ids: { single, couple, late: late.memberIds[0] ?? '' }, lateTx: late.confirmationNumber };
}
