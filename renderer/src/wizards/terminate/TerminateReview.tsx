import { useWatch } from 'react-hook-form';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { dependentTerminationDates, effectiveTerminationDate } from '@shared/domain/termination';
import { isTerminationReasonId, terminationReason } from '@shared/domain/termination-reasons';
import { relationshipLabels } from '@shared/domain/relationships';
import { formatDate, fullName } from '../../components/format';
import { ReviewItem, ReviewSection } from '../common';
import { CobraNotice } from './CobraNotice';
import { FamilyAfter } from './FamilyAfter';
import type { TerminateValues } from './terminate-form';

/** The dependents whose coverage hangs on this subscriber's, with the day each one's ends. */
export function endingDependents(member: MemberDetail, coverageEnds: string) {
  const covered = member.dependents.filter((d) => d.status !== 'terminated');
  const ends = dependentTerminationDates(
    coverageEnds,
    covered.map((d) => ({ memberId: d.memberId, terminationDate: d.terminationDate })),
  );
  return covered.map((d, i) => ({ row: d, endsOn: ends[i]?.terminationDate ?? coverageEnds }));
}

/** What will be sent and what follows from it: the last covered day, the family members who end too, COBRA. */
export function TerminateReview({ member, group, goTo }: { member: MemberDetail; group: Group; goTo: (step: string) => void }) {
  const { policy, groupNumber } = group;
  const values = useWatch<TerminateValues>() as TerminateValues;
  const reason = isTerminationReasonId(values.reason) ? terminationReason(values.reason) : null;
  const coverageEnds = effectiveTerminationDate(values.requestedDate, policy);
  const family = member.relationship === 'subscriber' ? endingDependents(member, coverageEnds) : [];
  return (
    <div className="wz-review">
      <ReviewSection title="Termination" onChange={() => goTo('details')}>
        <ReviewItem label="Member">
          {member.firstName} {member.lastName} <span className="mono muted">{member.memberId}</span>
        </ReviewItem>
        <ReviewItem label="Reason">{reason?.label}</ReviewItem>
        <ReviewItem label="Date of the event">{formatDate(values.requestedDate)}</ReviewItem>
        <ReviewItem label="Coverage ends">
          <strong>{formatDate(coverageEnds)}</strong>
        </ReviewItem>
      </ReviewSection>
      {member.relationship === 'subscriber' && (
        <section className="wz-review-section" aria-labelledby="ending-family-title">
          <h3 id="ending-family-title">Dependents whose coverage ends with theirs</h3>
          {family.length === 0 ? (
            <p className="muted">No dependents are covered under this employee.</p>
          ) : (
            <ul>
              {family.map(({ row, endsOn }) => (
                <li key={row.memberId}>
                  {fullName(row)} <span className="mono muted">{row.memberId}</span> · {relationshipLabels[row.relationship]} · coverage ends {formatDate(endsOn)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {member.relationship !== 'subscriber' && <FamilyAfter group={group} member={member} coverageEnds={coverageEnds} />}
      <CobraNotice groupNumber={groupNumber} reason={values.reason} />
    </div>
  );
}
