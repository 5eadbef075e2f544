import type { z } from 'zod';
import type { Address } from '@shared/contract/schemas/group';
import { personFields, type dependentInput } from '@shared/plan-api/eligibility';
import type { EligibilityEnv } from './context';
import type { MemberRow } from './snapshots';

/**
 * The members row for a dependent, whether named at enrollment or added later for a qualifying event.
 * The SSN is stored only encrypted, with its last 4 for search and a keyed fingerprint for the
 * duplicate check; a dependent without an address lives at the subscriber's, linked to it: they
 * follow the subscriber's later moves.
 */
export function dependentRow(
  env: EligibilityEnv,
  family: { groupNumber: string; subscriberId: string; subscriberAddress: Address },
  memberId: string,
  dependent: z.output<typeof dependentInput>,
): Omit<MemberRow, 'updatedAt' | 'version'> {
  return {
    memberId,
    groupNumber: family.groupNumber,
    subscriberId: family.subscriberId,
    relationship: dependent.relationship,
    ...personFields(dependent),
    ssnEncrypted: dependent.ssn ? env.cipher.encrypt(dependent.ssn, memberId) : null,
    ssnLast4: dependent.ssn ? dependent.ssn.slice(-4) : null,
    ssnFingerprint: dependent.ssn ? env.cipher.fingerprint(dependent.ssn) : null,
    address: dependent.address ?? family.subscriberAddress,
    phone: null,
    email: null,
    hireDate: null,
    employmentStatus: null,
    employeeClass: null,
    disabled: dependent.disabled,
    sameAddressAsSubscriber: dependent.address === undefined,
  };
}
