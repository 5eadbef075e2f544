import { z } from 'zod';
import type { Group } from '@shared/contract/schemas/group';
import { employeeClass, employmentStatus } from '@shared/contract/schemas/member';
import { email, isoDate, phone } from '@shared/contract/schemas/primitives';
import { checkEnrollment, type EnrollmentFacts } from '@shared/domain/enrollment-checks';
import { checkEnrollmentTiming, enrollmentReasons, initialEnrollmentCloses, specialEnrollmentEventIds, type EnrollmentReason, type SpecialEnrollmentEventId } from '@shared/domain/late-enrollment';
import { qualifyingEventWindowDays } from '@shared/domain/qualifying-events';
import { addDays, compareDates, daysBetween } from '@shared/util/dates';
import { dependentRelationship, type EnrollRequest } from '@shared/plan-api/eligibility';
import {
  addressFormSchema,
  addressRequest,
  blankOr,
  emptyAddress,
  emptyPerson,
  filled,
  orNull,
  personFormSchema,
  personRequest,
  ssnDigits,
  type AddressValues,
  type PersonValues,
  type WizardStep,
} from '../common';

export type DependentRelationship = z.infer<typeof dependentRelationship>;

export interface DependentValues extends PersonValues {
  relationship: '' | DependentRelationship;
  disabled: boolean;
}

export interface EnrollValues {
  subscriber: PersonValues & { address: AddressValues; phone: string; email: string; hireDate: string; employmentStatus: '' | 'FT' | 'PT'; employeeClass: string };
  planCode: string;
  effectiveDate: string;
  dependents: DependentValues[];
  /** Asked only when the hire date is past the first enrollment window; blank otherwise. */
  enrollmentReason: '' | EnrollmentReason;
  event: { kind: '' | SpecialEnrollmentEventId; date: string };
}

export const emptyEnroll: EnrollValues = {
  subscriber: { ...emptyPerson, address: emptyAddress, phone: '', email: '', hireDate: '', employmentStatus: '', employeeClass: '' },
  planCode: '',
  effectiveDate: '',
  dependents: [],
  enrollmentReason: '',
  event: { kind: '', date: '' },
};

/** True when the hire date is a date and its first enrollment window closed before today. */
export function isLateHire(hireDate: string, policy: Group['policy'], today: string): boolean {
  return isoDate.safeParse(hireDate).success && compareDates(initialEnrollmentCloses(hireDate, policy), today) < 0;
}

/**
 * A late hire's enrollment for a qualifying event requested after its window closed (the one refusal
 * the plan may waive on request): the plan's rule in its own words (shared/domain/late-enrollment),
 * the window's length and its last day; null when the event is in time or not yet chosen.
 */
export function lateEventEnrollmentRefusal(
  values: Pick<EnrollValues, 'enrollmentReason' | 'event'>,
  policy: Group['policy'],
  today: string,
): { message: string; windowDays: number; windowCloses: string } | null {
  const { event } = values;
  if (values.enrollmentReason !== 'special' || event.kind === '' || !isoDate.safeParse(event.date).success || compareDates(event.date, today) > 0) return null;
  const windowDays = qualifyingEventWindowDays(event.kind, policy);
  if (windowDays === null || daysBetween(event.date, today) <= windowDays) return null;
  const refusal = checkEnrollmentTiming({ hireDate: '', effectiveDate: '', enrollmentReason: 'special', event }, policy, today).find((v) => v.path.join('.') === 'event.date');
  return refusal === undefined ? null : { message: refusal.message, windowDays, windowCloses: addDays(event.date, windowDays) };
}

export const emptyDependent = (relationship: DependentRelationship): DependentValues => ({ ...emptyPerson, relationship, disabled: false });

/** Full SSNs in the form: saved as draft secrets, never in draft data. */
export const enrollSecretPaths = (v: EnrollValues) => ['subscriber.ssn', ...v.dependents.map((_, i) => `dependents.${i}.ssn`)];

/** The relationship chosen, or '' while none (or a stale draft's unknown one) is: the rules wait for it. */
const asRelationship = (value: string): DependentRelationship | '' => {
  const parsed = dependentRelationship.safeParse(value);
  return parsed.success ? parsed.data : '';
};

/** The steps with their checks; the rules that need the group (plans, waiting period, age limit) come from it. */
export function enrollSteps(group: Group, today: string): WizardStep[] {
  const rules = { groupNumber: group.groupNumber, planCodes: group.plans.map((p) => p.code), policy: group.policy };
  /** The plan's enrollment rules, in its own words, for the fields under `owners`: each step shows only its own. */
  const addRuleIssues = (facts: EnrollmentFacts, owners: readonly string[], ctx: z.RefinementCtx) => {
    for (const v of checkEnrollment(facts, rules, today)) {
      if (owners.includes(String(v.path[0]))) ctx.addIssue({ code: 'custom', path: [...v.path], message: v.message });
    }
  };
  const person = personFormSchema({ today, ssnRequired: true });
  const dependent = personFormSchema({ today, ssnRequired: false }).extend({
    relationship: filled(dependentRelationship, 'Choose the relationship'),
    disabled: z.boolean(),
  });

  return [
    {
      id: 'person',
      tour: 'enroll-person',
      label: 'Personal details',
      fields: ['subscriber.firstName', 'subscriber.middleName', 'subscriber.lastName', 'subscriber.suffix', 'subscriber.dateOfBirth', 'subscriber.gender', 'subscriber.ssn'],
      schema: z.object({ subscriber: person }),
    },
    {
      id: 'contact',
      tour: 'enroll-contact',
      label: 'Address and contact',
      fields: ['subscriber.address', 'subscriber.phone', 'subscriber.email'],
      schema: z.object({ subscriber: z.object({ address: addressFormSchema, phone: blankOr(phone), email: blankOr(email) }) }),
    },
    {
      id: 'employment',
      tour: 'enroll-employment',
      label: 'Employment',
      fields: ['subscriber.hireDate', 'subscriber.employmentStatus', 'subscriber.employeeClass'],
      schema: z.object({
        subscriber: z.object({
          hireDate: filled(isoDate, 'Enter the hire date'),
          employmentStatus: filled(employmentStatus, 'Choose full time or part time'),
          // Optional: absent from drafts saved before the question existed.
          employeeClass: blankOr(employeeClass).optional(),
        }),
      }),
    },
    {
      id: 'coverage',
      tour: 'enroll-coverage',
      label: 'Coverage',
      fields: ['enrollmentReason', 'event', 'planCode', 'effectiveDate'],
      schema: z
        .object({
          planCode: filled(z.string(), 'Choose a plan'),
          effectiveDate: filled(isoDate, 'Choose when coverage starts'),
          subscriber: z.object({ hireDate: z.string() }),
          // Optional: absent from drafts saved before the question existed.
          enrollmentReason: z.enum(['', ...enrollmentReasons]).optional(),
          event: z.object({ kind: z.enum(['', ...specialEnrollmentEventIds]), date: z.string() }).optional(),
        })
        .superRefine((v, ctx) => {
          const late = isLateHire(v.subscriber.hireDate, group.policy, today);
          if (late && !v.enrollmentReason) {
            ctx.addIssue({ code: 'custom', path: ['enrollmentReason'], message: 'Choose why this employee can enroll now' });
            return;
          }
          if (late && v.enrollmentReason === 'special' && v.event?.date === '') ctx.addIssue({ code: 'custom', path: ['event', 'date'], message: 'Enter the date of the event' });
          const timing = late ? { enrollmentReason: v.enrollmentReason || undefined, event: v.enrollmentReason === 'special' ? v.event : undefined } : {};
          addRuleIssues({ planCode: v.planCode, effectiveDate: v.effectiveDate, subscriber: v.subscriber, dependents: [], ...timing }, ['enrollmentReason', 'event', 'planCode', 'effectiveDate'], ctx);
        }),
    },
    {
      id: 'dependents',
      tour: 'enroll-dependents',
      label: 'Dependents',
      fields: ['dependents'],
      schema: z
        .object({ dependents: z.array(dependent).max(20, 'At most 20 dependents in one enrollment'), effectiveDate: z.string() })
        .superRefine((v, ctx) => {
          const dependents = v.dependents.map((d) => ({ ...d, relationship: asRelationship(d.relationship) }));
          addRuleIssues({ planCode: '', effectiveDate: v.effectiveDate, subscriber: { hireDate: '' }, dependents }, ['dependents'], ctx);
        }),
    },
    { id: 'review', label: 'Review and submit', fields: [], tour: 'enroll-review' },
  ];
}

/** The plan-api request the review shows and the outbox sends: blank optional fields as null, SSNs as 9 digits. */
export function enrollRequestFrom(v: EnrollValues): EnrollRequest {
  const s = v.subscriber;
  // The reason is asked only of late hires (the step clears it otherwise); a new hire's is left out.
  const reason = v.enrollmentReason ?? '';
  const event = v.event;
  return {
    ...(reason === '' ? {} : { enrollmentReason: reason }),
    ...(reason === 'special' && event && event.kind !== '' ? { event: { kind: event.kind, date: event.date } } : {}),
    subscriber: {
      ...personRequest(s),
      ssn: ssnDigits(s.ssn),
      address: addressRequest(s.address),
      phone: orNull(s.phone),
      email: orNull(s.email),
      hireDate: s.hireDate,
      employmentStatus: s.employmentStatus as 'FT' | 'PT',
      employeeClass: orNull(s.employeeClass),
    },
    planCode: v.planCode,
    effectiveDate: v.effectiveDate,
    dependents: v.dependents.map((d) => ({
      ...personRequest(d),
      ssn: d.ssn.trim() === '' ? null : ssnDigits(d.ssn),
      relationship: d.relationship as DependentRelationship,
      disabled: d.disabled,
    })),
  };
}
