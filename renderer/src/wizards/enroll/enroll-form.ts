import { z } from 'zod';
import type { Group } from '@shared/contract/schemas/group';
import { employeeClass, employmentStatus } from '@shared/contract/schemas/member';
import { email, isoDate, phone } from '@shared/contract/schemas/primitives';
import type { Relationship } from '@shared/contract/schemas/member';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { isPartnerRelationship } from '@shared/domain/relationships';
import { validateRetroDate } from '@shared/domain/retro-window';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { dependentRelationship, type EnrollRequest } from '@shared/plan-api/eligibility';
import { compareDates } from '@shared/util/dates';
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
}

export const emptyEnroll: EnrollValues = {
  subscriber: { ...emptyPerson, address: emptyAddress, phone: '', email: '', hireDate: '', employmentStatus: '', employeeClass: '' },
  planCode: '',
  effectiveDate: '',
  dependents: [],
};

export const emptyDependent = (relationship: DependentRelationship): DependentValues => ({ ...emptyPerson, relationship, disabled: false });

/** Full SSNs in the form: saved as draft secrets, never in draft data. */
export const enrollSecretPaths = (v: EnrollValues) => ['subscriber.ssn', ...v.dependents.map((_, i) => `dependents.${i}.ssn`)];

const iso = (value: string) => isoDate.safeParse(value).success;
const asRelationship = (value: string): DependentRelationship | null => {
  const parsed = dependentRelationship.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const isPartner = (value: string) => {
  const r = asRelationship(value);
  return r !== null && isPartnerRelationship(r);
};

/** The steps with their checks; the rules that need the group (waiting period, age limit) come from its policy. */
export function enrollSteps(group: Group, today: string): WizardStep[] {
  const { policy } = group;
  const person = personFormSchema({ today, ssnRequired: true });
  const dependent = personFormSchema({ today, ssnRequired: false }).extend({
    relationship: filled(dependentRelationship, 'Choose the relationship'),
    disabled: z.boolean(),
  });
  const planCodes = group.plans.map((p) => p.code);

  return [
    {
      id: 'person',
      label: 'Personal details',
      fields: ['subscriber.firstName', 'subscriber.middleName', 'subscriber.lastName', 'subscriber.suffix', 'subscriber.dateOfBirth', 'subscriber.gender', 'subscriber.ssn'],
      schema: z.object({ subscriber: person }),
    },
    {
      id: 'contact',
      label: 'Address and contact',
      fields: ['subscriber.address', 'subscriber.phone', 'subscriber.email'],
      schema: z.object({ subscriber: z.object({ address: addressFormSchema, phone: blankOr(phone), email: blankOr(email) }) }),
    },
    {
      id: 'employment',
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
      label: 'Coverage',
      fields: ['planCode', 'effectiveDate'],
      schema: z
        .object({
          planCode: z.string().refine((code) => planCodes.includes(code), 'Choose a plan'),
          effectiveDate: filled(isoDate, 'Choose when coverage starts'),
          subscriber: z.object({ hireDate: z.string() }),
        })
        .superRefine((v, ctx) => {
          if (!iso(v.effectiveDate) || !iso(v.subscriber.hireDate)) return;
          // The service's own two checks, with its own words (server enroll.ts).
          const retro = validateRetroDate(v.effectiveDate, policy, today);
          if (!retro.ok) return void ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: retro.message });
          const earliest = firstEligibleEffectiveDate(v.subscriber.hireDate, policy);
          if (compareDates(v.effectiveDate, earliest) < 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['effectiveDate'],
              message: `Effective date must be on or after ${earliest}: the group's waiting period is ${policy.waitingPeriodDays} days after the hire date ${v.subscriber.hireDate}.`,
            });
          }
        }),
    },
    {
      id: 'dependents',
      label: 'Dependents',
      fields: ['dependents'],
      schema: z
        .object({ dependents: z.array(dependent).max(20, 'At most 20 dependents in one enrollment'), effectiveDate: z.string() })
        .superRefine((v, ctx) => {
          const relationships = v.dependents.map((d) => asRelationship(d.relationship)).filter((r): r is DependentRelationship => r !== null);
          const family = validateFamilyComposition(['subscriber', ...relationships] as Relationship[]);
          if (!family.ok) {
            const second = v.dependents.findIndex((d, i) => isPartner(d.relationship) && v.dependents.slice(0, i).some((e) => isPartner(e.relationship)));
            ctx.addIssue({ code: 'custom', path: ['dependents', Math.max(second, 0), 'relationship'], message: family.message });
          }
          if (!iso(v.effectiveDate)) return;
          v.dependents.forEach((d, i) => {
            const relationship = asRelationship(d.relationship);
            if (relationship === null || !iso(d.dateOfBirth)) return;
            const age = validateDependentAge({ relationship, dateOfBirth: d.dateOfBirth, disabled: d.disabled }, v.effectiveDate, policy);
            if (!age.ok) ctx.addIssue({ code: 'custom', path: ['dependents', i, 'dateOfBirth'], message: age.message });
          });
        }),
    },
    { id: 'review', label: 'Review and submit', fields: [] },
  ];
}

/** The plan-api request the review shows and the outbox sends: blank optional fields as null, SSNs as 9 digits. */
export function enrollRequestFrom(v: EnrollValues): EnrollRequest {
  const s = v.subscriber;
  return {
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
