import { useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { earliestChildBirthDate } from '@shared/domain/dependent-age';
import { isChildRelationship } from '@shared/domain/relationships';
import { PersonFields } from '../common';
import { CheckboxField } from '../../components/form';
import { timingOf, type AddDependentValues } from './add-dependent-form';

export function PersonStep({ policy, today, subscriber }: { policy: GroupPolicy; today: string; subscriber: MemberDetail }) {
  const [relationship, event, disabled] = useWatch<AddDependentValues, ['dependent.relationship', 'event', 'dependent.disabled']>({ name: ['dependent.relationship', 'event', 'dependent.disabled'] });
  const kind = event.kind;
  const child = relationship !== '' && isChildRelationship(relationship);
  const timing = timingOf(event, today, policy, subscriber);
  const earliestBirthDate = child && disabled !== true && timing ? earliestChildBirthDate(timing.effectiveDate, policy) : undefined;
  return (
    <>
      {kind === 'birth' && <p className="wz-hint">For a newborn, the date of birth is the date of the event.</p>}
      {child && (
        <p className="wz-hint">
          Children are covered through the end of the month they turn {policy.dependentAgeLimit}; an older child can be covered only when disabled, with proof of
          incapacity on file.
        </p>
      )}
      <PersonFields prefix="dependent" ssnOptional today={today} earliestBirthDate={earliestBirthDate} />
      {child && <CheckboxField name="dependent.disabled" label="Disabled: cannot support themselves, with proof on file" hint={`Lets a child stay covered past ${policy.dependentAgeLimit}.`} />}
    </>
  );
}
