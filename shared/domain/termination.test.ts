import { describe, expect, it } from 'vitest';
import type { GroupPolicy } from '../contract/schemas/group';
import { cobraNote, dependentTerminationDates, effectiveTerminationDate, validateTermination } from './termination';
import { terminationReason, terminationReasonIds, terminationReasons, terminationReasonsFor, type TerminationReasonId } from './termination-reasons';

const eom: Pick<GroupPolicy, 'terminationRule' | 'retroMonths'> = { terminationRule: 'end_of_month', retroMonths: 2 };
const eventDate: Pick<GroupPolicy, 'terminationRule' | 'retroMonths'> = { terminationRule: 'event_date', retroMonths: 2 };

describe('effectiveTerminationDate', () => {
  it.each([
    ['2026-11-13', 'end_of_month', '2026-11-30'],
    ['2026-12-01', 'end_of_month', '2026-12-31'],
    ['2024-02-10', 'end_of_month', '2024-02-29'],
    ['2025-02-10', 'end_of_month', '2025-02-28'],
    ['2026-11-30', 'end_of_month', '2026-11-30'],
    ['2026-11-13', 'event_date', '2026-11-13'],
    ['2024-02-29', 'event_date', '2024-02-29'],
  ] as const)('%s under %s → %s', (requested, terminationRule, effective) => {
    expect(effectiveTerminationDate(requested, { terminationRule })).toBe(effective);
  });
});

describe('validateTermination (today 2026-11-27)', () => {
  it.each([
    [eom, '2026-11-13', '2020-01-01', { ok: true, value: '2026-11-30' }],
    [eventDate, '2026-09-01', '2020-01-01', { ok: true, value: '2026-09-01' }],
    [eventDate, '2026-08-31', '2020-01-01', { ok: false, field: 'terminationDate', message: 'Termination date must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it.' }],
    // End of month lifts an August event to 08-31, still before the window.
    [eom, '2026-08-15', '2020-01-01', { ok: false, field: 'terminationDate', message: 'Termination date must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it.' }],
    [eventDate, '2026-11-10', '2026-12-01', { ok: false, field: 'terminationDate', message: 'Termination date must be on or after 2026-12-01, when this coverage began. To cancel coverage that never started, use 2026-12-01.' }],
    [eventDate, '2026-12-01', '2026-12-01', { ok: true, value: '2026-12-01' }],
    [eom, '2027-03-02', '2026-12-01', { ok: true, value: '2027-03-31' }],
  ])('%j: requested %s, coverage from %s', (policy, requestedDate, coverageStartDate, expected) => {
    expect(validateTermination({ requestedDate, coverageStartDate }, policy, '2026-11-27')).toMatchObject(expected);
  });
});

describe('dependentTerminationDates', () => {
  it('ends every dependent with the subscriber unless already ended earlier', () => {
    expect(
      dependentTerminationDates('2026-11-30', [
        { memberId: '123456789-01', terminationDate: null },
        { memberId: '123456789-02', terminationDate: '2026-06-30' },
        { memberId: '123456789-03', terminationDate: '2027-05-31' },
      ]),
    ).toEqual([
      { memberId: '123456789-01', terminationDate: '2026-11-30' },
      { memberId: '123456789-02', terminationDate: '2026-06-30' },
      { memberId: '123456789-03', terminationDate: '2026-11-30' },
    ]);
  });
});

describe('termination reasons', () => {
  it.each<[TerminationReasonId, string, boolean, number | null]>([
    ['termination_of_employment', '08', true, 18],
    ['quit', '16', true, 18],
    ['fired', '17', true, 18],
    ['retirement', '04', true, 18],
    ['layoff', '40', true, 18],
    ['reduction_in_hours', '07', true, 18],
    ['leave_of_absence', '38', true, 18],
    ['death', '03', true, 36],
    ['divorce', '01', true, 36],
    ['legal_separation', '31', true, 36],
    ['loss_of_dependent_status', '07', true, 36],
    ['voluntary_withdrawal', '14', false, null],
    ['non_payment', '59', false, null],
  ])('%s → INS04 %s, COBRA %s (%s months)', (id, ins04, qualifying, months) => {
    const reason = terminationReason(id);
    expect(reason.ins04).toBe(ins04);
    expect(reason.cobra !== null).toBe(qualifying);
    expect(reason.cobra?.months ?? null).toBe(months);
  });
  it('lists every id once', () => {
    expect(terminationReasons.map((r) => r.id)).toEqual([...terminationReasonIds]);
  });
  it.each([
    ['subscriber', 'termination_of_employment', true],
    ['subscriber', 'divorce', false],
    ['dependent', 'divorce', true],
    ['dependent', 'retirement', false],
    ['dependent', 'death', true],
    ['subscriber', 'non_payment', true],
  ] as const)('for a %s, %s is offered: %s', (who, id, offered) => {
    expect(terminationReasonsFor(who).some((r) => r.id === id)).toBe(offered);
  });
});

describe('cobraNote', () => {
  it.each<[TerminationReasonId, number, boolean, number | null, string | null, string]>([
    ['termination_of_employment', 300, true, 18, '1', 'up to 18 months'],
    ['death', 20, true, 36, '4', 'up to 36 months'],
    ['divorce', 19, false, null, null, 'state continuation coverage may apply'],
    ['non_payment', 300, false, null, null, 'not a COBRA qualifying event'],
    ['voluntary_withdrawal', 5, false, null, null, 'not a COBRA qualifying event'],
  ])('%s at an employer of %i', (id, employeeCount, eligible, months, ins07, text) => {
    const note = cobraNote(id, { employeeCount, threshold: 20 });
    expect(note).toMatchObject({ eligible, months, ins07 });
    expect(note.message).toContain(text);
  });
});
