import { describe, expect, it } from 'vitest';
import type { GroupPolicy } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import {
  qualifyingEventEffectiveDate,
  qualifyingEventIds,
  qualifyingEvents,
  qualifyingEventWindowDays,
  validateQualifyingEvent,
  type QualifyingEventId,
} from './qualifying-events';

const policy: Pick<GroupPolicy, 'specialEnrollmentDays' | 'medicaidSpecialEnrollmentDays' | 'terminationRule'> = {
  specialEnrollmentDays: 30,
  medicaidSpecialEnrollmentDays: 60,
  terminationRule: 'end_of_month',
};

describe('qualifyingEventWindowDays', () => {
  it.each<[QualifyingEventId, number | null]>([
    ['marriage', 30],
    ['birth', 30],
    ['adoption', 30],
    ['placement_for_adoption', 30],
    ['loss_of_other_coverage', 30],
    ['loss_of_medicaid_chip', 60],
    ['premium_assistance_eligibility', 60],
    ['court_order', null],
    ['divorce', 30],
  ])('%s → %s days', (id, days) => {
    expect(qualifyingEventWindowDays(id, policy)).toBe(days);
  });
  it('reads the window from policy', () => {
    expect(qualifyingEventWindowDays('marriage', { ...policy, specialEnrollmentDays: 31 })).toBe(31);
    expect(qualifyingEventWindowDays('loss_of_medicaid_chip', { ...policy, medicaidSpecialEnrollmentDays: 90 })).toBe(90);
  });
  it('lists every id once', () => {
    expect(qualifyingEvents.map((e) => e.id)).toEqual([...qualifyingEventIds]);
  });
});

describe('qualifyingEventEffectiveDate', () => {
  it.each<[QualifyingEventId, string, string, string]>([
    ['birth', '2026-11-03', '2026-11-27', '2026-11-03'],
    ['adoption', '2026-10-30', '2026-11-27', '2026-10-30'],
    ['placement_for_adoption', '2024-02-29', '2024-03-10', '2024-02-29'],
    ['marriage', '2026-11-14', '2026-11-27', '2026-12-01'],
    ['marriage', '2026-12-05', '2026-12-31', '2027-01-01'],
    ['loss_of_other_coverage', '2026-10-31', '2026-11-01', '2026-12-01'],
    ['court_order', '2025-01-10', '2026-11-27', '2026-12-01'],
    ['divorce', '2026-11-10', '2026-11-27', '2026-11-30'],
    ['death_of_dependent', '2024-02-03', '2024-02-05', '2024-02-29'],
  ])('%s on %s requested %s → %s', (id, eventDate, requestDate, effective) => {
    expect(qualifyingEventEffectiveDate(id, eventDate, requestDate, policy)).toBe(effective);
  });
});

describe('validateQualifyingEvent', () => {
  it.each<[QualifyingEventId, Relationship, string, string, string | undefined, string | null]>([
    ['birth', 'child', '2026-10-28', '2026-11-27', '2026-10-28', null],
    ['birth', 'child', '2026-10-27', '2026-11-27', '2026-10-27', 'more than 30 days before this request'],
    ['birth', 'child', '2026-11-01', '2026-11-27', '2026-10-31', "the child's date of birth (2026-10-31)"],
    ['birth', 'spouse', '2026-11-01', '2026-11-27', undefined, 'Birth can add a child, not a spouse'],
    ['marriage', 'spouse', '2026-12-01', '2026-11-27', undefined, 'after today'],
    ['marriage', 'stepchild', '2026-10-28', '2026-11-27', undefined, null],
    ['marriage', 'child', '2026-10-28', '2026-11-27', undefined, 'Marriage can add a spouse or stepchild, not a child'],
    ['loss_of_medicaid_chip', 'child', '2026-09-28', '2026-11-27', undefined, null],
    ['loss_of_medicaid_chip', 'child', '2026-09-27', '2026-11-27', undefined, 'more than 60 days'],
    ['court_order', 'child', '2020-01-01', '2026-11-27', undefined, null],
    ['court_order', 'spouse', '2026-11-01', '2026-11-27', undefined, 'not a spouse'],
    // 2024 is a leap year: Jan 30 + 30 days = Feb 29.
    ['adoption', 'adopted_child', '2024-01-30', '2024-02-29', undefined, null],
    ['adoption', 'adopted_child', '2024-01-29', '2024-02-29', undefined, 'more than 30 days'],
    // Across a year end.
    ['loss_of_other_coverage', 'spouse', '2026-12-15', '2027-01-14', undefined, null],
    ['loss_of_other_coverage', 'spouse', '2026-12-14', '2027-01-14', undefined, 'more than 30 days'],
  ])('%s of a %s on %s requested %s', (event, relationship, eventDate, requestDate, dateOfBirth, problem) => {
    const result = validateQualifyingEvent(
      dateOfBirth === undefined ? { event, relationship, eventDate, requestDate } : { event, relationship, eventDate, requestDate, dateOfBirth },
      policy,
    );
    if (problem === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code: 'RULE', message: expect.stringContaining(problem) });
  });
  it('returns the effective date and a complete message', () => {
    expect(validateQualifyingEvent({ event: 'marriage', relationship: 'spouse', eventDate: '2026-11-14', requestDate: '2026-11-27' }, policy)).toEqual({
      ok: true,
      value: '2026-12-01',
    });
    expect(validateQualifyingEvent({ event: 'marriage', relationship: 'spouse', eventDate: '2026-09-01', requestDate: '2026-11-27' }, policy)).toEqual({
      ok: false,
      code: 'RULE',
      field: 'eventDate',
      message:
        'Marriage on 2026-09-01 was more than 30 days before this request (2026-11-27): a change for this event must be requested within 30 days. Otherwise wait for open enrollment or ask the plan for an exception.',
    });
  });
});
