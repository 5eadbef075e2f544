/**
 * Why coverage ends, as the UI offers it, each mapped to its 834 INS04 maintenance reason
 * (X12 element 1203) and, when it is a COBRA qualifying event, to INS07 and
 * the maximum continuation period (ERISA §603–§602(2)(A): 18 months for
 * termination or reduced hours, 36 for death, divorce, separation or a child losing dependent status).
 * Gross misconduct removes COBRA rights even after a firing; the plan decides that case, not this list.
 */
export interface TerminationReason {
  id: TerminationReasonId;
  label: string;
  /** 834 INS04. */
  ins04: string;
  /** Who the reason can apply to. */
  appliesTo: 'subscriber' | 'dependent' | 'any';
  cobra: { ins07: string; months: 18 | 36 } | null;
}

export const terminationReasonIds = [
  'termination_of_employment',
  'quit',
  'fired',
  'retirement',
  'layoff',
  'reduction_in_hours',
  'leave_of_absence',
  'death',
  'divorce',
  'legal_separation',
  'loss_of_dependent_status',
  'voluntary_withdrawal',
  'non_payment',
] as const;
export type TerminationReasonId = (typeof terminationReasonIds)[number];

export const terminationReasons: readonly TerminationReason[] = [
  { id: 'termination_of_employment', label: 'Termination of employment', ins04: '08', appliesTo: 'subscriber', cobra: { ins07: '1', months: 18 } },
  { id: 'quit', label: 'Quit', ins04: '16', appliesTo: 'subscriber', cobra: { ins07: '1', months: 18 } },
  { id: 'fired', label: 'Fired', ins04: '17', appliesTo: 'subscriber', cobra: { ins07: '1', months: 18 } },
  { id: 'retirement', label: 'Retirement', ins04: '04', appliesTo: 'subscriber', cobra: { ins07: '1', months: 18 } },
  { id: 'layoff', label: 'Layoff without benefits', ins04: '40', appliesTo: 'subscriber', cobra: { ins07: '9', months: 18 } },
  { id: 'reduction_in_hours', label: 'Reduction in hours (no longer eligible)', ins04: '07', appliesTo: 'subscriber', cobra: { ins07: '2', months: 18 } },
  { id: 'leave_of_absence', label: 'Leave of absence without benefits', ins04: '38', appliesTo: 'subscriber', cobra: { ins07: '10', months: 18 } },
  { id: 'death', label: 'Death', ins04: '03', appliesTo: 'any', cobra: { ins07: '4', months: 36 } },
  { id: 'divorce', label: 'Divorce', ins04: '01', appliesTo: 'dependent', cobra: { ins07: '5', months: 36 } },
  { id: 'legal_separation', label: 'Legal separation', ins04: '31', appliesTo: 'dependent', cobra: { ins07: '6', months: 36 } },
  { id: 'loss_of_dependent_status', label: 'No longer an eligible dependent (age limit)', ins04: '07', appliesTo: 'dependent', cobra: { ins07: '7', months: 36 } },
  { id: 'voluntary_withdrawal', label: 'Voluntary withdrawal (declines coverage)', ins04: '14', appliesTo: 'any', cobra: null },
  { id: 'non_payment', label: 'Non-payment of premium', ins04: '59', appliesTo: 'any', cobra: null },
];

const byId = new Map(terminationReasons.map((r) => [r.id, r]));

export function terminationReason(id: TerminationReasonId): TerminationReason {
  const reason = byId.get(id);
  if (!reason) throw new RangeError(`Unknown termination reason: ${id}`);
  return reason;
}

/**
 * Why a coverage period ended, as a person reads it: the plan records the reason with its 834 code
 * ("Retirement (INS04 04)"), which means nothing to an administrator.
 */
export function endReasonInWords(recorded: string): string {
  return recorded.replace(/\s*\(INS0?\d+ [A-Z0-9]+\)/g, '').trim();
}

export function isTerminationReasonId(value: string): value is TerminationReasonId {
  return byId.has(value as TerminationReasonId);
}

/** The reasons to offer for a subscriber or for a dependent. */
export function terminationReasonsFor(who: 'subscriber' | 'dependent'): TerminationReason[] {
  return terminationReasons.filter((r) => r.appliesTo === who || r.appliesTo === 'any');
}
