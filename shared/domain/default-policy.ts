import type { GroupPolicy } from '../contract/schemas/group';

/**
 * Common carrier policy and US law (docs/architecture.md#domain-rules): retro changes for
 * the current month plus two, end-of-month terminations, children to 26 (45 CFR 147.120), 30/60-day
 * special enrollment (29 CFR 2590.701-6; CHIPRA), a 30-day waiting period (≤ 90, PHS Act §2708)
 * followed by 30 days to enroll, and a calendar plan year with open enrollment in November.
 * A group's own values come from the plan; these are what a new group starts with.
 */
export const defaultGroupPolicy: GroupPolicy = Object.freeze({
  retroMonths: 2,
  terminationRule: 'end_of_month',
  dependentAgeLimit: 26,
  specialEnrollmentDays: 30,
  medicaidSpecialEnrollmentDays: 60,
  waitingPeriodDays: 30,
  initialEnrollmentDays: 30,
  planYearStart: '01-01',
  openEnrollmentStart: '11-01',
  openEnrollmentEnd: '11-30',
});
