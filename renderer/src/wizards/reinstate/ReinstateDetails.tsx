import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { earliestRetroDate, retroWindowPhrase } from '@shared/domain/retro-window';
import { relationshipLabels } from '@shared/domain/relationships';
import { TextField } from '../../components/form';
import { formatDate, fullName } from '../../components/format';
import { resumesOn, returningDependents } from './reinstate-form';

/** The reinstatement in words, before anything is sent: from when, on what, who comes back with them. */
export function ReinstateDetails({ member, policy, today }: { member: MemberDetail; policy: Pick<GroupPolicy, 'retroMonths'>; today: string }) {
  return (
    <>
      <p>
        Coverage ended {formatDate(member.terminationDate)}. Reinstating it resumes coverage on <strong>{formatDate(resumesOn(member))}</strong>, the day after it
        ended, with no gap: the same plan ({member.planName}) and tier ({coverageTierLabels[member.tier]}), as if it had not ended.
      </p>
      <p className="muted">
        The plan reinstates coverage that resumes on or after {formatDate(earliestRetroDate(policy, today))}: {retroWindowPhrase(policy.retroMonths)}.
      </p>
      <ReturningFamily member={member} />
      <TextField name="note" label="Note for the plan" optional hint="Why coverage is reinstated, for the plan's records (at most 200 characters)." maxLength={200} />
    </>
  );
}

/**
 * An employee's dependents whose coverage ended with theirs come back with them; the plan does not
 * reinstate an employee without them, so there is nothing to choose. A dependent who ended earlier
 * stays ended and can be reinstated on its own.
 */
export function ReturningFamily({ member }: { member: MemberDetail }) {
  if (member.relationship !== 'subscriber') return null;
  const returning = returningDependents(member);
  const stay = member.dependents.filter((d) => d.status === 'terminated' && !returning.includes(d));
  return (
    <section className="wz-review-section" aria-labelledby="returning-family-title">
      <h3 id="returning-family-title">Dependents reinstated with the employee</h3>
      {returning.length === 0 ? (
        <p className="muted">No dependent’s coverage ended with the employee’s: only the employee is reinstated.</p>
      ) : (
        <ul>
          {returning.map((d) => (
            <li key={d.memberId}>
              {fullName(d)} <span className="mono muted">{d.memberId}</span> · {relationshipLabels[d.relationship]}
            </li>
          ))}
        </ul>
      )}
      {stay.length > 0 && (
        <p className="muted">
          {stay.map((d) => `${d.firstName} ${d.lastName}`).join(', ')}: coverage ended on another day and stays ended. Reinstate {stay.length === 1 ? 'that dependent' : 'each'} from their own
          page once the employee is covered again.
        </p>
      )}
    </section>
  );
}
