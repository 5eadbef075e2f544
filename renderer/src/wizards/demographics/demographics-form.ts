import { z } from 'zod';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { employeeClass, employmentStatus, type MemberDetail, type Relationship } from '@shared/contract/schemas/member';
import { email, isoDate, phone } from '@shared/contract/schemas/primitives';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { moveCandidates, sameAddress } from '@shared/domain/household-move';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { UpdateDemographicsRequest } from '@shared/plan-api/eligibility';
import {
  addressFormSchema,
  addressRequest,
  blankOr,
  filled,
  orNull,
  personFormSchema,
  ssnDigits,
  type AddressValues,
  type PersonValues,
  type WizardStep,
} from '../common';

export interface DemographicsValues {
  /** Every field as it will be; the request carries only the ones that differ from the member's record. */
  changes: Omit<PersonValues, 'gender'> & {
    gender: 'F' | 'M' | 'U';
    address: AddressValues;
    phone: string;
    email: string;
    employmentStatus: '' | 'FT' | 'PT';
    /** Absent from drafts saved before the question existed: then it is not changed. */
    employeeClass?: string;
  };
  effectiveDate: string;
  /** `correction`: the record was wrong (834 INS04 25); `change`: a life event (a move, a new name on marriage). */
  why: '' | 'change' | 'correction';
  /**
   * An employee's move: the dependents who move with them. Absent from drafts saved before the
   * question existed: then those linked to the employee's address move, as the plan would do.
   */
  moveDependents?: string[];
}

/** A dependent an employee's move may take along (shared/domain/household-move.ts). */
export interface MoveOffer {
  memberId: string;
  name: string;
  relationship: Relationship;
  /** Entered "Same as the employee": checked until the user unchecks them. */
  linked: boolean;
}

/** The dependents who lived at the employee's address as the record has it: none for a dependent's own record. */
export function moveOffers(member: MemberDetail): MoveOffer[] {
  if (member.relationship !== 'subscriber') return [];
  const rows = new Map(member.dependents.map((d) => [d.memberId, d]));
  const dependents = member.dependentHomes.flatMap((home) => {
    const row = rows.get(home.memberId);
    return row === undefined ? [] : [{ ...home, terminated: row.status === 'terminated', row }];
  });
  return moveCandidates(member.address, dependents).map((c) => {
    const row = rows.get(c.memberId) as MemberDetail['dependents'][number];
    return { memberId: c.memberId, name: `${row.firstName} ${row.lastName}`, relationship: row.relationship, linked: c.linked };
  });
}

/** Whether the form moves the member to another address than the one on file. */
export const addressChanged = (member: MemberDetail, values: DemographicsValues): boolean => !sameAddress(addressRequest(values.changes.address), member.address);

/**
 * The dependents the request moves: the user's choice among the offers, or the linked ones when the
 * user never chose; undefined when the employee is not moving or nobody lived with them.
 */
export function movingDependents(member: MemberDetail, values: DemographicsValues): string[] | undefined {
  const offers = moveOffers(member);
  if (offers.length === 0 || !addressChanged(member, values)) return undefined;
  const chosen = new Set(values.moveDependents ?? offers.filter((o) => o.linked).map((o) => o.memberId));
  return offers.filter((o) => chosen.has(o.memberId)).map((o) => o.memberId);
}

export type DemographicChanges = UpdateDemographicsRequest['changes'];

/** The member's record as form values; the SSN starts blank, meaning "keep the one on file". */
export function valuesFromMember(member: MemberDetail, today: string): DemographicsValues {
  return {
    changes: {
      firstName: member.firstName,
      middleName: member.middleName ?? '',
      lastName: member.lastName,
      suffix: member.suffix ?? '',
      dateOfBirth: member.dateOfBirth,
      gender: member.gender,
      ssn: '',
      address: { line1: member.address.line1, line2: member.address.line2 ?? '', city: member.address.city, state: member.address.state, zip: member.address.zip },
      phone: member.phone ?? '',
      email: member.email ?? '',
      employmentStatus: member.employmentStatus ?? '',
      employeeClass: member.employeeClass ?? '',
    },
    effectiveDate: today,
    why: '',
    moveDependents: moveOffers(member)
      .filter((o) => o.linked)
      .map((o) => o.memberId),
  };
}

/** Only what differs from the record: the plan applies exactly these fields and nothing else. */
export function changedFields(member: MemberDetail, values: DemographicsValues): DemographicChanges {
  const c = values.changes;
  const out: Record<string, unknown> = {};
  const text = (key: 'firstName' | 'lastName', value: string) => {
    if (value.trim() !== member[key]) out[key] = value.trim();
  };
  const optional = (key: 'middleName' | 'suffix' | 'phone' | 'email', value: string) => {
    const next = orNull(value);
    if (next !== (member[key] ?? null)) out[key] = next;
  };
  text('firstName', c.firstName);
  optional('middleName', c.middleName);
  text('lastName', c.lastName);
  optional('suffix', c.suffix);
  if (c.dateOfBirth !== member.dateOfBirth) out.dateOfBirth = c.dateOfBirth;
  if (c.gender !== member.gender) out.gender = c.gender;
  if (c.ssn.trim() !== '') out.ssn = ssnDigits(c.ssn);
  const address = addressRequest(c.address);
  if (!sameAddress(address, member.address)) out.address = address;
  optional('phone', c.phone);
  optional('email', c.email);
  if (member.relationship === 'subscriber' && c.employmentStatus !== '' && c.employmentStatus !== member.employmentStatus) out.employmentStatus = c.employmentStatus;
  if (member.relationship === 'subscriber' && c.employeeClass !== undefined && orNull(c.employeeClass) !== member.employeeClass) out.employeeClass = orNull(c.employeeClass);
  return out as DemographicChanges;
}

/** A date of birth or an SSN is never "changed", only corrected (the plan's rule, server update-demographics.ts). */
export const needsCorrection = (changes: DemographicChanges) => changes.dateOfBirth !== undefined || changes.ssn !== undefined;

export function demographicsSteps(member: MemberDetail, policy: Pick<GroupPolicy, 'retroMonths'>, today: string): WizardStep[] {
  const person = personFormSchema({ today, ssnRequired: false });
  const subscriber = member.relationship === 'subscriber';
  return [
    {
      id: 'identity',
      tour: 'demographics-identity',
      label: 'Name and identity',
      fields: ['changes.firstName', 'changes.middleName', 'changes.lastName', 'changes.suffix', 'changes.dateOfBirth', 'changes.gender', 'changes.ssn'],
      schema: z.object({ changes: person }),
    },
    {
      id: 'contact',
      tour: 'demographics-contact',
      label: subscriber ? 'Address, contact and employment' : 'Address and contact',
      fields: ['changes.address', 'moveDependents', 'changes.phone', 'changes.email', 'changes.employmentStatus', 'changes.employeeClass'],
      schema: z.object({
        changes: z.object({
          address: addressFormSchema,
          phone: blankOr(phone),
          email: blankOr(email),
          employmentStatus: subscriber ? filled(employmentStatus, 'Choose full time or part time') : z.string(),
          employeeClass: subscriber ? blankOr(employeeClass).optional() : z.unknown(),
        }),
      }),
    },
    {
      id: 'when',
      tour: 'demographics-when',
      label: 'Why and when',
      fields: ['changed', 'why', 'effectiveDate'],
      schema: z
        .object({
          why: z.string(),
          effectiveDate: filled(isoDate, 'Enter the date the change takes effect'),
          changes: z.unknown(),
        })
        .superRefine((v, ctx) => {
          const changes = changedFields(member, v as DemographicsValues);
          if (Object.keys(changes).length === 0) {
            ctx.addIssue({ code: 'custom', path: ['changed'], message: 'Nothing is different from the record yet: go back and change at least one field.' });
          }
          if (v.why === '') ctx.addIssue({ code: 'custom', path: ['why'], message: 'Choose whether this is a change or a correction' });
          else if (v.why !== 'correction' && needsCorrection(changes)) {
            ctx.addIssue({ code: 'custom', path: ['why'], message: 'A date of birth or SSN can only be corrected: choose “A correction: the record was wrong”.' });
          }
          if (isoDate.safeParse(v.effectiveDate).success) {
            const retro = validateRetroDate(v.effectiveDate, policy, today);
            if (!retro.ok) ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: retro.message });
          }
        }),
    },
    { id: 'review', label: 'Review', fields: [], tour: 'demographics-review' },
  ];
}

/** The plan names the flag `correction`; the form asks it as `why`. */
export const demographicsAliases = { correction: 'why' } as const;

export function demographicsTransaction(member: MemberDetail, values: DemographicsValues): TransactionInput {
  const moveDependents = movingDependents(member, values);
  return {
    kind: 'update_demographics',
    request: {
      memberId: member.memberId,
      changes: changedFields(member, values),
      effectiveDate: values.effectiveDate,
      correction: values.why === 'correction',
      ...(moveDependents === undefined ? {} : { moveDependents }),
    },
  };
}

export const demographicsSecretPaths = () => ['changes.ssn'];
