import { useEffect, useRef } from 'react';
import { useController, useWatch } from 'react-hook-form';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import { fieldId } from '../../components/form';
import { useAnnouncer } from '../../state/announcer';
import { addressChanged, moveOffers, movingDependents, type DemographicsValues } from './demographics-form';

const addressLine = (a: MemberDetail['address']) => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ');

/**
 * When an employee's address changes: one checkbox per dependent who lived at the old address, those
 * entered "Same as the employee" checked. The checked ones move in the same change; the others keep
 * the old address as their own.
 */
export function MovingDependents({ member }: { member: MemberDetail }) {
  const values = useWatch<DemographicsValues>() as DemographicsValues;
  const { field } = useController<DemographicsValues, 'moveDependents'>({ name: 'moveDependents' });
  const offers = moveOffers(member);
  const shown = offers.length > 0 && addressChanged(member, values);
  const announce = useAnnouncer((s) => s.announce);
  const wasShown = useRef(shown);
  useEffect(() => {
    // The question appears below the field being typed in: say so, or a screen reader user never hears of it.
    if (shown && !wasShown.current) announce(`New address: choose who moves with ${member.firstName}, below.`);
    wasShown.current = shown;
  }, [shown, announce, member.firstName]);
  if (!shown) return null;

  const chosen = new Set(movingDependents(member, values));
  const toggle = (memberId: string, checked: boolean) => field.onChange(offers.filter((o) => (o.memberId === memberId ? checked : chosen.has(o.memberId))).map((o) => o.memberId));
  const id = fieldId('moveDependents');
  return (
    <fieldset id={id} className="wz-field wz-fieldset" aria-describedby={`${id}-hint`}>
      <legend className="wz-label">Who moves with {member.firstName}?</legend>
      <p id={`${id}-hint`} className="wz-hint">
        These family members lived at {addressLine(member.address)}. Checked ones move to the new address with this change; the others keep the old address as their own.
      </p>
      <div className="wz-radios">
        {offers.map((o) => (
          <label key={o.memberId} className="wz-radio">
            <input type="checkbox" id={`${id}-${o.memberId}`} checked={chosen.has(o.memberId)} onChange={(e) => toggle(o.memberId, e.target.checked)} onBlur={field.onBlur} />
            <span>
              {o.name} ({relationshipLabels[o.relationship].toLowerCase()})
              <span className="wz-radio-detail">{o.linked ? 'Lives with the employee (same address)' : 'Had the same address, entered as their own'}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
