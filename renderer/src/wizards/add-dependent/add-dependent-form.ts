import { z } from 'zod';
import type { CoverageTier, Group, GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail, Relationship } from '@shared/contract/schemas/member';
import { isoDate } from '@shared/contract/schemas/primitives';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { deriveCoverageTier, monthlyPremium } from '@shared/domain/coverage-tier';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { qualifyingEvent, qualifyingEventEffectiveDate, qualifyingEventIds, qualifyingEventWindowDays, validateQualifyingEvent, type QualifyingEventId } from '@shared/domain/qualifying-events';
import { validateRetroDate } from '@shared/domain/retro-window';
import { dependentRelationship } from '@shared/plan-api/eligibility';
import { addDays, compareDates, daysBetween, maxDate } from '@shared/util/dates';
import { emptyPerson, filled, personFormSchema, personRequest, ssnDigits, type PersonValues, type WizardStep } from '../common';

export type DependentRelationship = z.infer<typeof dependentRelationship>;

export interface AddDependentValues {
  dependent: PersonValues & { relationship: '' | DependentRelationship; disabled: boolean };
  event: { kind: '' | QualifyingEventId; date: string };
}

export const emptyAddDependent: AddDependentValues = { dependent: { ...emptyPerson, relationship: '', disabled: false }, event: { kind: '', date: '' } };

export const addDependentSecretPaths = () => ['dependent.ssn'];

/** Where the service's rule names a field differently from the form (server add-dependent.ts prefixes `event.` to the rule's field). */
export const addDependentAliases = { 'event.eventDate': 'event.date', 'event.relationship': 'event.kind' } as const;

const asRelationship = (value: string): DependentRelationship | null => {
  const parsed = dependentRelationship.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const asEvent = (value: string): QualifyingEventId | null => ((qualifyingEventIds as readonly string[]).includes(value) ? (value as QualifyingEventId) : null);
const iso = (value: string) => isoDate.safeParse(value).success;

/** The family members covered with the subscriber now (pending ones count: they are on their way in). */
export function coveredRelationships(subscriber: MemberDetail): Relationship[] {
  return subscriber.dependents.filter((d) => d.status !== 'terminated').map((d) => d.relationship);
}

export interface EventTiming {
  /** The first covered day: the event's, never before the subscriber's own coverage. */
  effectiveDate: string;
  /** Days after the event the request may come, or null (court orders). */
  windowDays: number | null;
  /** The last day of that window. */
  windowCloses: string | null;
  /** Whether coverage follows the event date (birth, adoption) or the request. */
  from: 'event_date' | 'request';
  /** The subscriber's coverage starts later than the event would give. */
  heldToSubscriberStart: boolean;
}

/** The same derivation the plan service makes (server add-dependent.ts). */
export function eventTiming(kind: QualifyingEventId, date: string, today: string, policy: GroupPolicy, subscriberStart: string): EventTiming {
  const eventEffective = qualifyingEventEffectiveDate(kind, date, today, policy);
  const windowDays = qualifyingEventWindowDays(kind, policy);
  return {
    effectiveDate: maxDate(eventEffective, subscriberStart),
    windowDays,
    windowCloses: windowDays === null ? null : addDays(date, windowDays),
    from: qualifyingEvent(kind).effective === 'event_date' ? 'event_date' : 'request',
    heldToSubscriberStart: compareDates(subscriberStart, eventEffective) > 0,
  };
}

/** The timing of the values typed so far, or null until relationship-independent parts are complete. */
export function timingOf(values: AddDependentValues['event'], today: string, policy: GroupPolicy, subscriber: MemberDetail): EventTiming | null {
  const kind = asEvent(values.kind);
  if (kind === null || !iso(values.date)) return null;
  return eventTiming(kind, values.date, today, policy, subscriber.effectiveDate);
}

/**
 * The refusal the plan may still waive: the event reported after its window (the rule's message says
 * to ask the plan for an exception). Null while the request is on time or refused for anything else.
 */
export function lateEventRefusal(relationshipValue: string, event: AddDependentValues['event'], today: string, policy: GroupPolicy): string | null {
  const kind = asEvent(event.kind);
  const relationship = asRelationship(relationshipValue);
  if (kind === null || relationship === null || !iso(event.date)) return null;
  const result = validateQualifyingEvent({ event: kind, eventDate: event.date, requestDate: today, relationship }, policy);
  const windowDays = qualifyingEventWindowDays(kind, policy);
  const late = windowDays !== null && compareDates(event.date, today) <= 0 && daysBetween(event.date, today) > windowDays;
  return !result.ok && result.field === 'eventDate' && late ? result.message : null;
}

export function addDependentSteps(group: Group, subscriber: MemberDetail, today: string): WizardStep[] {
  const { policy } = group;
  const covered = coveredRelationships(subscriber);
  return [
    {
      id: 'event',
      tour: 'add-dependent-event',
      label: 'Relationship and event',
      fields: ['dependent.relationship', 'event.kind', 'event.date'],
      schema: z
        .object({
          dependent: z.object({ relationship: filled(dependentRelationship, 'Choose the relationship') }),
          event: z.object({ kind: filled(z.enum(qualifyingEventIds), 'Choose the event'), date: filled(isoDate, 'Enter the date of the event') }),
        })
        .superRefine((v, ctx) => {
          const relationship = asRelationship(v.dependent.relationship);
          if (relationship !== null) {
            const family = validateFamilyComposition(['subscriber', ...covered, relationship]);
            if (!family.ok) ctx.addIssue({ code: 'custom', path: ['dependent', 'relationship'], message: family.message });
          }
          const kind = asEvent(v.event.kind);
          if (relationship === null || kind === null || !iso(v.event.date)) return;
          // The service's checks in its order and words (server add-dependent.ts).
          const event = validateQualifyingEvent({ event: kind, eventDate: v.event.date, requestDate: today, relationship }, policy);
          if (!event.ok) return void ctx.addIssue({ code: 'custom', path: event.field === 'relationship' ? ['event', 'kind'] : ['event', 'date'], message: event.message });
          const start = maxDate(event.value, subscriber.effectiveDate);
          // A dependent's coverage hangs on the subscriber's: none after the subscriber's ends.
          if (subscriber.terminationDate !== null && compareDates(subscriber.terminationDate, start) < 0) {
            return void ctx.addIssue({
              code: 'custom',
              path: ['event', 'date'],
              message: `Employee ${subscriber.memberId} has no coverage on ${event.value}: reinstate the employee before adding dependents.`,
            });
          }
          const retro = validateRetroDate(start, policy, today, 'event.date', 'Coverage start');
          if (!retro.ok) ctx.addIssue({ code: 'custom', path: ['event', 'date'], message: retro.message });
        }),
    },
    {
      id: 'person',
      tour: 'add-dependent-person',
      label: 'Dependent’s details',
      fields: ['dependent.firstName', 'dependent.middleName', 'dependent.lastName', 'dependent.suffix', 'dependent.dateOfBirth', 'dependent.gender', 'dependent.ssn', 'dependent.disabled'],
      schema: z
        .object({
          dependent: personFormSchema({ today, ssnRequired: false }).extend({ relationship: z.string(), disabled: z.boolean() }),
          event: z.object({ kind: z.string(), date: z.string() }),
        })
        .superRefine((v, ctx) => {
          const relationship = asRelationship(v.dependent.relationship);
          const kind = asEvent(v.event.kind);
          if (relationship === null || kind === null || !iso(v.event.date) || !iso(v.dependent.dateOfBirth)) return;
          if (kind === 'birth' && v.dependent.dateOfBirth !== v.event.date) {
            const birth = validateQualifyingEvent({ event: kind, eventDate: v.event.date, requestDate: today, relationship, dateOfBirth: v.dependent.dateOfBirth }, policy);
            if (!birth.ok) return void ctx.addIssue({ code: 'custom', path: ['dependent', 'dateOfBirth'], message: birth.message });
          }
          const { effectiveDate } = eventTiming(kind, v.event.date, today, policy, subscriber.effectiveDate);
          const age = validateDependentAge({ ...v.dependent, relationship }, effectiveDate, policy);
          if (!age.ok) ctx.addIssue({ code: 'custom', path: ['dependent', 'dateOfBirth'], message: age.message });
        }),
    },
    { id: 'review', label: 'Review and submit', fields: [], tour: 'add-dependent-review' },
  ];
}

/** The request the review shows and the outbox sends (the core adds the subscriber's version). */
export function addDependentTransaction(subscriberId: string, v: AddDependentValues): Extract<TransactionInput, { kind: 'add_dependent' }> {
  const d = v.dependent;
  return {
    kind: 'add_dependent',
    request: {
      subscriberId,
      dependent: { ...personRequest(d), ssn: d.ssn.trim() === '' ? null : ssnDigits(d.ssn), relationship: d.relationship as DependentRelationship, disabled: d.disabled },
      event: { kind: v.event.kind as QualifyingEventId, date: v.event.date },
    },
  };
}

export interface TierChange {
  before: { tier: CoverageTier; premium: number | null };
  after: { tier: CoverageTier; premium: number | null };
  planName: string;
}

/** The family's tier and premium before and after the new dependent joins. */
export function tierChange(group: Group, subscriber: MemberDetail, relationship: DependentRelationship): TierChange {
  const plan = group.plans.find((p) => p.code === subscriber.planCode);
  const after = deriveCoverageTier(['subscriber', ...coveredRelationships(subscriber), relationship]);
  return {
    before: { tier: subscriber.tier, premium: plan ? monthlyPremium(plan, subscriber.tier) : null },
    after: { tier: after, premium: plan ? monthlyPremium(plan, after) : null },
    planName: plan?.name ?? subscriber.planName,
  };
}
