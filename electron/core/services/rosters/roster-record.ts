import type { Address, CoverageTier } from '@shared/contract/schemas/group';
import type { MemberStatus, Relationship } from '@shared/contract/schemas/member';

/**
 * One member as every roster writer (CSV, Excel, PDF, X12 834) receives them: the replica's member
 * with the coverage in force on the export's as-of date, read from the coverage history. Families
 * arrive together, the subscriber first, then their dependents.
 */
export interface RosterRecord {
  memberId: string;
  subscriberId: string;
  relationship: Relationship;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string;
  gender: 'F' | 'M' | 'U';
  ssnLast4: string | null;
  address: Address;
  phone: string | null;
  email: string | null;
  hireDate: string | null;
  employmentStatus: 'FT' | 'PT' | null;
  employeeClass: string | null;
  planCode: string;
  planName: string;
  tier: CoverageTier;
  status: MemberStatus;
  /** The start of the coverage span in force (or next to start) on the as-of date. */
  effectiveDate: string;
  terminationDate: string | null;
  /** The subscriber's monthly premium for the tier on the as-of date; null on dependents' rows. */
  monthlyPremiumCents: number | null;
}

/**
 * The member details a roster can leave unread: a download reads only those its columns show (the
 * X12 834 reads them all). A record's detail that was not read holds an empty value (an empty string,
 * null, 'U', an address of empty fields), never the member's.
 */
export type MemberDetail = 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'dateOfBirth' | 'gender' | 'ssnLast4' | 'address' | 'phone' | 'email' | 'hireDate' | 'employmentStatus' | 'employeeClass';

export const allMemberDetails: readonly MemberDetail[] = ['firstName', 'middleName', 'lastName', 'suffix', 'dateOfBirth', 'gender', 'ssnLast4', 'address', 'phone', 'email', 'hireDate', 'employmentStatus', 'employeeClass'];

/** What every roster file names besides its members. */
export interface RosterFileContext {
  groupNumber: string;
  groupName: string;
  asOf: string;
  /** When the file was made (ISO instant), from the core's clock. */
  createdAt: string;
}

/** Called as members are written, so a long export can report progress; `total` may be null until known. */
export type RosterProgress = (done: number, total: number | null) => void;
