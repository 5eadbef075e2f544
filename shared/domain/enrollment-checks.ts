import type { GroupPolicy } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { isIsoDate } from '../util/dates';
import { validateDependentAge } from './dependent-age';
import { validateFamilyComposition } from './family-composition';
import { checkEnrollmentTiming, type EnrollmentPeriodPolicy, type EnrollmentTiming } from './late-enrollment';
import { validatePlanOffered } from './plan-offered';
import { isPartnerRelationship } from './relationships';
import { validateRetroDate } from './retro-window';
import type { FieldViolation } from './rule-result';
import { validateWaitingPeriodStart } from './waiting-period';

/**
 * What the enrollment rules read from a request. The wizard asks while the user is still typing, so a
 * value may be blank ('') or not yet a date: the checks that need it wait, because the field's own
 * check (filled in, a real date) already speaks for it.
 */
export interface EnrollmentFacts {
  planCode: string;
  effectiveDate: string;
  subscriber: { hireDate: string };
  dependents: readonly { relationship: Relationship | ''; dateOfBirth: string; disabled?: boolean; firstName?: string; lastName?: string }[];
  enrollmentReason?: EnrollmentTiming['enrollmentReason'];
  event?: EnrollmentTiming['event'];
}

/** What the rules need of the group: its number and plans for the words, its policy for the limits. */
export interface EnrollmentGroup {
  groupNumber: string;
  planCodes: readonly string[];
  policy: Pick<GroupPolicy, 'retroMonths' | 'dependentAgeLimit'> & EnrollmentPeriodPolicy;
}

/**
 * Every rule an enrollment must meet, each broken one at the request path of the field to change:
 * the wizard shows them beside the fields as the user types, the desktop core refuses to queue the
 * enrollment and the plan service refuses to accept it, all with these same words. A field gets one
 * message at most: the effective date is checked against the waiting period only once it is inside
 * the retro window, since moving it later is the way out of both, and against the enrollment
 * reason (first window, open enrollment, qualifying event) only once both are met.
 */
export function checkEnrollment(facts: EnrollmentFacts, group: EnrollmentGroup, today: string): FieldViolation[] {
  const found: FieldViolation[] = [];
  const { policy } = group;

  if (facts.planCode !== '') {
    const plan = validatePlanOffered(facts.planCode, group.planCodes, group.groupNumber);
    if (!plan.ok) found.push({ path: ['planCode'], message: plan.message });
  }

  const effectiveDate = isIsoDate(facts.effectiveDate) ? facts.effectiveDate : null;
  if (effectiveDate !== null) {
    const retro = validateRetroDate(effectiveDate, policy, today);
    const start = !retro.ok || !isIsoDate(facts.subscriber.hireDate) ? retro : validateWaitingPeriodStart(effectiveDate, facts.subscriber.hireDate, policy);
    if (!start.ok) found.push({ path: ['effectiveDate'], message: start.message });
  }

  const timing = { effectiveDate: facts.effectiveDate, hireDate: facts.subscriber.hireDate, enrollmentReason: facts.enrollmentReason, event: facts.event };
  for (const v of checkEnrollmentTiming(timing, policy, today)) {
    if (!found.some((f) => f.path[0] === v.path[0])) found.push(v);
  }

  const known = facts.dependents.flatMap((d) => (d.relationship === '' ? [] : [d.relationship]));
  const family = validateFamilyComposition(['subscriber', ...known]);
  if (!family.ok) {
    // The one to change is the partner named after another: the first stays as entered.
    const second = facts.dependents.findIndex((d, i) => isPartner(d.relationship) && facts.dependents.slice(0, i).some((e) => isPartner(e.relationship)));
    found.push({ path: ['dependents', Math.max(second, 0), 'relationship'], message: family.message });
  }

  if (effectiveDate !== null) {
    facts.dependents.forEach((d, i) => {
      if (d.relationship === '' || !isIsoDate(d.dateOfBirth)) return;
      const age = validateDependentAge({ ...d, relationship: d.relationship, disabled: d.disabled === true }, effectiveDate, policy);
      if (!age.ok) found.push({ path: ['dependents', i, 'dateOfBirth'], message: age.message });
    });
  }
  return found;
}

const isPartner = (relationship: Relationship | ''): boolean => relationship !== '' && isPartnerRelationship(relationship);
