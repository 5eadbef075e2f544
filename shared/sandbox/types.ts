import type { Address, CoverageTier, Group } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';

/**
 * One member as the plan holds it: what the sandbox generator produces and what both the desktop's
 * local store and the plan service load. The SSN is whole here and only here; stores encrypt it.
 */
export interface MemberRecord {
  memberId: string;
  subscriberId: string;
  relationship: Relationship;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string;
  gender: 'F' | 'M' | 'U';
  /** 9 digits, or null for a dependent whose SSN was not collected (IRC 6055 allows it). */
  ssn: string | null;
  address: Address;
  phone: string | null;
  email: string | null;
  /** Subscriber only. */
  hireDate: string | null;
  employmentStatus: 'FT' | 'PT' | null;
  /** Coverage periods, oldest first; the last one is current (its endDate may be null). */
  coverage: CoverageRecord[];
}

export interface CoverageRecord {
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
  /**
   * 834 maintenance reason words, e.g. "Initial enrollment", "Termination of employment": why the
   * period began, except the last period of a member whose coverage ended, which carries why it ended.
   */
  reason: string;
}

export interface SandboxGroup {
  group: Group;
  /** Subscribers each followed by their dependents. */
  members: MemberRecord[];
}

export interface SandboxDataSet {
  /** Everything is computed relative to this day so the data set looks current whenever it is made. */
  today: string;
  groups: SandboxGroup[];
}
