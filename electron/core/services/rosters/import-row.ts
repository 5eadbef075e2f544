import type { Address, CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import type { importActions } from '@shared/contract/methods/roster-import';

/**
 * One member as every import reader (spreadsheet, X12 834) yields them, before any rule is checked.
 * The check turns each row into the transaction a wizard would queue, or a refusal with its reason.
 */
export interface ImportRow {
  /** Where the member sits in the file: a spreadsheet line (header = 1), or an 834 INS segment number. */
  location: { kind: 'line' | 'segment'; number: number };
  action: (typeof importActions)[number];
  /**
   * Rows of one family share this key (the subscriber's member ID, or for a new family the
   * subscriber's SSN or file reference), so a new employee's dependents enroll with them.
   */
  familyKey: string;
  /** The plan's member ID when the file names one (required to terminate, change or reinstate). */
  memberId: string | null;
  relationship: Relationship;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string | null;
  gender: 'F' | 'M' | 'U' | null;
  /** The full SSN as the file gives it; held in memory only, never written to a report or a log. */
  ssn: string | null;
  address: Address | null;
  phone: string | null;
  email: string | null;
  hireDate: string | null;
  employmentStatus: 'FT' | 'PT' | null;
  planCode: string | null;
  tier: CoverageTier | null;
  /** Coverage start for an add or a reinstatement. */
  effectiveDate: string | null;
  /** Coverage end for a termination. */
  terminationDate: string | null;
  /** A termination reason or qualifying event, as the wizards' codes. */
  reason: string | null;
  /** What the reader could not make sense of (a missing column, a date that does not parse): the row is refused with these. */
  problems: string[];
}
