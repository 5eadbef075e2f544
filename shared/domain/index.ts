/** The eligibility rules both programs enforce (docs/architecture.md#domain-rules). */
export { allow, violation, toContractError, violationFields, type RuleResult, type RuleViolation, type FieldPath, type FieldViolation } from './rule-result';
export {
  relationshipCodes,
  relationshipLabels,
  relationshipCode,
  relationshipFromCode,
  subscriberIndicator,
  isChildRelationship,
  isPartnerRelationship,
  type RelationshipCode,
} from './relationships';
export { coverageTierLabels, deriveCoverageTier, monthlyPremium } from './coverage-tier';
export { validateFamilyComposition } from './family-composition';
export { ageOutDate, earliestChildBirthDate, isWithinDependentAge, validateDependentAge, type DependentAgeInput } from './dependent-age';
export { earliestRetroDate, retroWindowPhrase, validateRetroDate } from './retro-window';
export {
  effectiveTerminationDate,
  validateTermination,
  dependentTerminationDates,
  cobraNote,
  type TerminationInput,
  type DependentCoverageEnd,
  type CobraNote,
} from './termination';
export {
  terminationReasons,
  terminationReasonIds,
  terminationReason,
  terminationReasonsFor,
  isTerminationReasonId,
  type TerminationReason,
  type TerminationReasonId,
} from './termination-reasons';
export {
  qualifyingEvents,
  qualifyingEventIds,
  qualifyingEvent,
  qualifyingEventWindowDays,
  qualifyingEventEffectiveDate,
  validateQualifyingEvent,
  type QualifyingEvent,
  type QualifyingEventId,
  type QualifyingEventRequest,
} from './qualifying-events';
export { firstEligibleEffectiveDate, validateWaitingPeriodDays, validateWaitingPeriodStart, maxWaitingPeriodDays } from './waiting-period';
export { validatePlanOffered } from './plan-offered';
export { checkEnrollment, type EnrollmentFacts, type EnrollmentGroup } from './enrollment-checks';
export { memberStatusOn, isVisible, visibleSince, coverageSpan, terminatedVisibleYears } from './member-status';
export { federalHolidays, observedHolidayOn, type FederalHoliday } from './federal-holidays';
export { isBusinessDay, nextBusinessDay, addBusinessDays, businessDaysBetween } from './business-days';
export { defaultGroupPolicy } from './default-policy';
export {
  isBilledInMonth,
  familyMonthCharge,
  monthAdjustment,
  totalDue,
  type BillableCoverage,
  type MonthCharge,
  type ChangeCause,
  type MonthAdjustment,
  type MonthAdjustmentInput,
  type InvoiceTotals,
} from './month-billing';
