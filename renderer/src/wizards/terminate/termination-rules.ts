import { z } from 'zod';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { isoDate } from '@shared/contract/schemas/primitives';
import { earliestRetroDate, retroWindowPhrase } from '@shared/domain/retro-window';
import { effectiveTerminationDate } from '@shared/domain/termination';
import { terminationReasonIds } from '@shared/domain/termination-reasons';
import { compareDates } from '@shared/util/dates';
import { formatDate } from '../../components/format';
import { filled } from '../common/form-rules';

type TerminationPolicy = Pick<GroupPolicy, 'retroMonths' | 'terminationRule'>;

/**
 * The event date of a termination as typed: required, a real date, and ending coverage no earlier
 * than the retro window allows (shared/domain validateTermination, the check the plan makes; the
 * coverage-start check needs the member, so the plan's answer or the bulk dry run reports it).
 */
export function terminationDateField(policy: TerminationPolicy, today: string) {
  const earliest = earliestRetroDate(policy, today);
  return filled(isoDate, 'Enter the date of the event (for example the last day worked)').superRefine((value, ctx) => {
    if (!isoDate.safeParse(value).success) return;
    if (compareDates(effectiveTerminationDate(value, policy), earliest) < 0) {
      ctx.addIssue({ code: 'custom', message: `Termination date must be on or after ${earliest}: ${retroWindowPhrase(policy.retroMonths)}.` });
    }
  });
}

/** The plan's rule in plain words, shown beside the date so nobody has to guess the last covered day. */
export function terminationRuleText(policy: TerminationPolicy, today: string): string {
  const rule =
    policy.terminationRule === 'end_of_month'
      ? 'Coverage ends on the last day of the month of this date: premiums are billed by the month, so the member stays covered through that month.'
      : 'Coverage ends on this date.';
  const earliest = earliestRetroDate(policy, today);
  const retro = retroWindowPhrase(policy.retroMonths);
  return `${rule} The earliest date you can use is ${formatDate(earliest)}: ${retro}.`;
}

/**
 * "Coverage ends 11/30/2026" for a typed date, or null until the date passes the rules: a last covered
 * day beside a date the form refuses would read as if that date were fine.
 */
export function coverageEndsText(requestedDate: string, policy: TerminationPolicy, today: string): string | null {
  if (!terminationDateField(policy, today).safeParse(requestedDate).success) return null;
  return `Coverage ends ${formatDate(effectiveTerminationDate(requestedDate, policy))}`;
}

/** A reason picked from the list; the empty first option says what to do. */
export const terminationReasonField = z.string().pipe(z.enum(terminationReasonIds, { error: 'Choose why coverage ends' }));
