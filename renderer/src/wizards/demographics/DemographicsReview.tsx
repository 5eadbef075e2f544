import { useWatch } from 'react-hook-form';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { formatDate } from '../../components/format';
import { ReviewItem, ReviewSection } from '../common';
import { ChangesTable } from './ChangesTable';
import { changedFields, moveOffers, movingDependents, type DemographicsValues } from './demographics-form';

/** Exactly what is sent: the fields that differ, whether it is a correction, and from when. */
export function DemographicsReview({ member, goTo }: { member: MemberDetail; goTo: (step: string) => void }) {
  const values = useWatch<DemographicsValues>() as DemographicsValues;
  const changes = changedFields(member, values);
  const moving = movingDependents(member, values);
  const offers = moveOffers(member);
  const names = (ids: string[]) => offers.filter((o) => ids.includes(o.memberId)).map((o) => o.name).join(', ') || 'Nobody';
  return (
    <div className="wz-review">
      <section className="wz-review-section" aria-labelledby="wz-review-changes">
        <h3 id="wz-review-changes">
          Changes
          <button type="button" className="link-button" onClick={() => goTo('identity')} aria-label="Change the name and identity">
            Change
          </button>
        </h3>
        <ChangesTable member={member} changes={changes} labelledBy="wz-review-changes" />
        <p className="muted">Every other field stays as it is on file.</p>
      </section>
      {moving !== undefined && (
        <ReviewSection title="Who moves" onChange={() => goTo('contact')}>
          <ReviewItem label="Moving with the employee">{names(moving)}</ReviewItem>
          <ReviewItem label="Keeping the old address">{names(offers.map((o) => o.memberId).filter((id) => !moving.includes(id)))}</ReviewItem>
        </ReviewSection>
      )}
      <ReviewSection title="Why and when" onChange={() => goTo('when')}>
        <ReviewItem label="Sent as">{values.why === 'correction' ? 'A correction: the record was wrong' : 'A change in the member’s life'}</ReviewItem>
        <ReviewItem label="Effective date">{formatDate(values.effectiveDate)}</ReviewItem>
      </ReviewSection>
    </div>
  );
}
