import { useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { isChildRelationship } from '@shared/domain/relationships';
import { PersonFields } from '../common';
import { CheckboxField } from '../../components/form';
import type { AddDependentValues } from './add-dependent-form';

export function PersonStep({ policy, today }: { policy: GroupPolicy; today: string }) {
  const [relationship, kind] = useWatch<AddDependentValues, ['dependent.relationship', 'event.kind']>({ name: ['dependent.relationship', 'event.kind'] });
  const child = relationship !== '' && isChildRelationship(relationship);
  return (
    <>
      {kind === 'birth' && <p className="wz-hint">For a newborn, the date of birth is the date of the event.</p>}
      {child && (
        <p className="wz-hint">
          Children are covered through the end of the month they turn {policy.dependentAgeLimit}; an older child can be covered only when disabled, with proof of
          incapacity on file.
        </p>
      )}
      <PersonFields prefix="dependent" ssnOptional today={today} />
      {child && <CheckboxField name="dependent.disabled" label="Disabled: cannot support themselves, with proof on file" hint={`Lets a child stay covered past ${policy.dependentAgeLimit}.`} />}
    </>
  );
}
