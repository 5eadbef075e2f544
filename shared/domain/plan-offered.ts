import { allow, violation, type RuleResult } from './rule-result';

/** A group's members can be covered only by the plans its contract offers; the message lists them. */
export function validatePlanOffered(planCode: string, offered: readonly string[], groupNumber: string): RuleResult<string> {
  if (offered.includes(planCode)) return allow(planCode);
  return violation('planCode', `Plan ${planCode} is not offered to group ${groupNumber}: choose one of ${offered.join(', ')}.`);
}
