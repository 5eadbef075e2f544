import type { GroupPolicy } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { compareDates, daysBetween, firstOfNextMonth } from '../util/dates';
import { relationshipLabels } from './relationships';
import { allow, violation, type RuleResult } from './rule-result';
import { effectiveTerminationDate } from './termination';

/**
 * Life events that let a family add or remove a dependent mid-year. Adds follow HIPAA special
 * enrollment (ERISA §701(f), 29 CFR 2590.701-6, 45 CFR 146.117): 30 days after marriage, birth,
 * adoption, placement or loss of other coverage; 60 after losing Medicaid/CHIP or becoming eligible
 * for state premium assistance (CHIPRA 2009). A QMCSO must be honoured whenever it arrives (ERISA §609).
 * Removals are changes in status (26 CFR 1.125-4), with the plan's window.
 */
export const qualifyingEventIds = [
  'marriage',
  'domestic_partnership',
  'birth',
  'adoption',
  'placement_for_adoption',
  'loss_of_other_coverage',
  'loss_of_medicaid_chip',
  'premium_assistance_eligibility',
  'court_order',
  'divorce',
  'legal_separation',
  'death_of_dependent',
] as const;
export type QualifyingEventId = (typeof qualifyingEventIds)[number];

export interface QualifyingEvent {
  id: QualifyingEventId;
  label: string;
  action: 'add' | 'remove';
  /** Which policy window bounds the request, or none (court orders). */
  window: 'special' | 'medicaid' | 'none';
  /**
   * `event_date`: coverage from the event (birth, adoption, placement: retroactive by law).
   * `first_of_next_month`: no later than the 1st of the month after the request (marriage, loss of coverage).
   * `termination_rule`: removals end per the group's termination rule.
   */
  effective: 'event_date' | 'first_of_next_month' | 'termination_rule';
  /** The relationships this event can add or remove. */
  relationships: readonly Relationship[];
  /** 834 INS04 maintenance reason sent with the change. */
  ins04: string;
}

const children = ['child', 'stepchild', 'adopted_child', 'foster_child'] as const satisfies readonly Relationship[];
const anyDependent = ['spouse', 'domestic_partner', ...children] as const satisfies readonly Relationship[];

export const qualifyingEvents: readonly QualifyingEvent[] = [
  { id: 'marriage', label: 'Marriage', action: 'add', window: 'special', effective: 'first_of_next_month', relationships: ['spouse', 'stepchild'], ins04: '32' },
  // Domestic partners are plan policy (no federal rule; some states, for insured plans); the plan uses the marriage window for them.
  { id: 'domestic_partnership', label: 'Domestic partnership', action: 'add', window: 'special', effective: 'first_of_next_month', relationships: ['domestic_partner', 'stepchild'], ins04: '32' },
  { id: 'birth', label: 'Birth', action: 'add', window: 'special', effective: 'event_date', relationships: ['child'], ins04: '02' },
  { id: 'adoption', label: 'Adoption', action: 'add', window: 'special', effective: 'event_date', relationships: ['adopted_child'], ins04: '05' },
  { id: 'placement_for_adoption', label: 'Placement for adoption', action: 'add', window: 'special', effective: 'event_date', relationships: ['adopted_child', 'foster_child'], ins04: '05' },
  { id: 'loss_of_other_coverage', label: 'Loss of other coverage', action: 'add', window: 'special', effective: 'first_of_next_month', relationships: anyDependent, ins04: '28' },
  { id: 'loss_of_medicaid_chip', label: 'Loss of Medicaid or CHIP', action: 'add', window: 'medicaid', effective: 'first_of_next_month', relationships: anyDependent, ins04: '28' },
  { id: 'premium_assistance_eligibility', label: 'Eligible for state premium assistance', action: 'add', window: 'medicaid', effective: 'first_of_next_month', relationships: anyDependent, ins04: '28' },
  { id: 'court_order', label: 'Court order (QMCSO)', action: 'add', window: 'none', effective: 'first_of_next_month', relationships: children, ins04: '28' },
  { id: 'divorce', label: 'Divorce', action: 'remove', window: 'special', effective: 'termination_rule', relationships: ['spouse', 'stepchild'], ins04: '01' },
  { id: 'legal_separation', label: 'Legal separation', action: 'remove', window: 'special', effective: 'termination_rule', relationships: ['spouse', 'stepchild'], ins04: '31' },
  { id: 'death_of_dependent', label: 'Death of a dependent', action: 'remove', window: 'special', effective: 'termination_rule', relationships: anyDependent, ins04: '03' },
];

const byId = new Map(qualifyingEvents.map((e) => [e.id, e]));

export function qualifyingEvent(id: QualifyingEventId): QualifyingEvent {
  const event = byId.get(id);
  if (!event) throw new RangeError(`Unknown qualifying event: ${id}`);
  return event;
}

/** Days after the event the request may arrive, or null when there is no limit. */
export function qualifyingEventWindowDays(
  id: QualifyingEventId,
  policy: Pick<GroupPolicy, 'specialEnrollmentDays' | 'medicaidSpecialEnrollmentDays'>,
): number | null {
  const { window } = qualifyingEvent(id);
  if (window === 'none') return null;
  return window === 'medicaid' ? policy.medicaidSpecialEnrollmentDays : policy.specialEnrollmentDays;
}

export interface QualifyingEventRequest {
  event: QualifyingEventId;
  eventDate: string;
  /** The day the administrator submits the change. */
  requestDate: string;
  relationship: Relationship;
  /** The dependent's birth date; a birth event must match it (newborns are covered from birth). */
  dateOfBirth?: string;
}

/** The coverage start (add) or last covered day (remove) the event gives. */
export function qualifyingEventEffectiveDate(
  id: QualifyingEventId,
  eventDate: string,
  requestDate: string,
  policy: Pick<GroupPolicy, 'terminationRule'>,
): string {
  const { effective } = qualifyingEvent(id);
  if (effective === 'event_date') return eventDate;
  if (effective === 'first_of_next_month') return firstOfNextMonth(requestDate);
  return effectiveTerminationDate(eventDate, policy);
}

/** Checks the event against its window and relationship and returns the effective date. */
export function validateQualifyingEvent(
  request: QualifyingEventRequest,
  policy: Pick<GroupPolicy, 'specialEnrollmentDays' | 'medicaidSpecialEnrollmentDays' | 'terminationRule'>,
): RuleResult<string> {
  const event = qualifyingEvent(request.event);
  if (!event.relationships.includes(request.relationship)) {
    const allowed = event.relationships.map((r) => relationshipLabels[r].toLowerCase()).join(', ');
    return violation(
      'relationship',
      `${event.label} can ${event.action} a ${allowed.replace(/, ([^,]*)$/, ' or $1')}, not a ${relationshipLabels[request.relationship].toLowerCase()}: choose the event that applies to this dependent.`,
    );
  }
  if (compareDates(request.eventDate, request.requestDate) > 0) {
    return violation('eventDate', `The event date ${request.eventDate} is after today's request date ${request.requestDate}: submit the change on or after the event.`);
  }
  if (request.event === 'birth' && request.dateOfBirth !== undefined && request.dateOfBirth !== request.eventDate) {
    return violation('eventDate', `For a birth, the event date is the child's date of birth (${request.dateOfBirth}): newborns are covered from birth.`);
  }
  const windowDays = qualifyingEventWindowDays(request.event, policy);
  if (windowDays !== null && daysBetween(request.eventDate, request.requestDate) > windowDays) {
    return violation(
      'eventDate',
      `${event.label} on ${request.eventDate} was more than ${windowDays} days before this request (${request.requestDate}): a change for this event must be requested within ${windowDays} days. Otherwise wait for open enrollment or ask the plan for an exception.`,
    );
  }
  return allow(qualifyingEventEffectiveDate(request.event, request.eventDate, request.requestDate, policy));
}
