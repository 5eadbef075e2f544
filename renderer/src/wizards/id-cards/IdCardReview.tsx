import { useWatch } from 'react-hook-form';
import { relationshipLabels } from '@shared/domain/relationships';
import { formatCount, fullName } from '../../components/format';
import { ReviewItem, ReviewSection } from '../common';
import type { IdCardChoices } from './id-card-choices';
import { idCardReasonLabels, shipToLabels } from '@shared/domain/id-card-reasons';
import type { IdCardValues } from './id-cards-form';
import type { Known } from './use-member-summaries';

/** The request as it will be sent: who, why, and where the cards go. */
export function IdCardReview({ known, goTo }: { known: ReadonlyMap<string, Known>; goTo: (step: string) => void }) {
  const values = useWatch<IdCardValues>() as IdCardValues;
  return (
    <div className="wz-review">
      <ReviewSection title="Request" onChange={() => goTo('details')}>
        <ReviewItem label="Reason">{idCardReasonLabels[values.reason as IdCardChoices['reason']]}</ReviewItem>
        <ReviewItem label="Ship">{shipToLabels[values.shipTo as IdCardChoices['shipTo']]}</ReviewItem>
        <ReviewItem label="Cards">{formatCount(values.memberIds.length)}</ReviewItem>
      </ReviewSection>
      <section className="wz-review-section" aria-labelledby="idc-review-members">
        <h3 id="idc-review-members">
          Members
          <button type="button" className="link-button" onClick={() => goTo('members')} aria-label="Change the members">
            Change
          </button>
        </h3>
        <ul className="idc-members" aria-labelledby="idc-review-members">
          {values.memberIds.map((memberId) => {
            const m = known.get(memberId);
            return (
              <li key={memberId} className="idc-member">
                <span>
                  {m && m !== 'missing' ? fullName(m) : memberId} <span className="mono muted">{memberId}</span>
                  {m && m !== 'missing' && <span className="muted"> · {relationshipLabels[m.relationship]}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
