import { useEffect, useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { earliestChildBirthDate } from '@shared/domain/dependent-age';
import { isPartnerRelationship, relationshipLabels } from '@shared/domain/relationships';
import { isIsoDate } from '@shared/util/dates';
import { PersonFields } from '../common';
import { CheckboxField, SelectField, fieldId } from '../../components/form';
import { emptyDependent, type DependentRelationship, type EnrollValues } from './enroll-form';

const partnerOptions = (['spouse', 'domestic_partner'] as const).map((r) => ({ value: r, label: relationshipLabels[r] }));
const childOptions = (['child', 'stepchild', 'adopted_child', 'foster_child'] as const).map((r) => ({ value: r, label: relationshipLabels[r] }));
const isPartner = (r: string) => r !== '' && isPartnerRelationship(r as DependentRelationship);

/**
 * Dependents enrolled with the subscriber: at most one spouse or domestic partner (the button goes
 * away once there is one) and any children, each with the age limit explained.
 */
export function DependentsStep({ policy, today }: { policy: GroupPolicy; today: string }) {
  const { control, getValues, setValue, setFocus } = useFormContext<EnrollValues>();
  const { fields, remove } = useFieldArray({ control, name: 'dependents' });
  const dependents = useWatch({ control, name: 'dependents' });
  const relationships = dependents.map((d) => d?.relationship ?? '');
  const effectiveDate = useWatch({ control, name: 'effectiveDate' });
  // A child not disabled is offered only birth dates the age limit accepts on the chosen start date.
  const childBirthFloor = isIsoDate(effectiveDate) ? earliestChildBirthDate(effectiveDate, policy) : undefined;
  const addChildRef = useRef<HTMLButtonElement>(null);
  const hasPartner = relationships.some(isPartner);
  const titles = relationships.map((r, i) => (isPartner(r) ? 'Spouse or domestic partner' : `Child ${relationships.slice(0, i + 1).filter((x) => !isPartner(x)).length}`));

  // A row is added with setValue, not the field array's append: append checks the whole list at once,
  // which would call the new, empty row wrong before anyone typed in it. Its fields are checked like
  // any other, when left or on Next.
  const focusNext = useRef<`dependents.${number}.firstName` | null>(null);
  const add = (relationship: DependentRelationship) => {
    const rows = getValues('dependents');
    focusNext.current = `dependents.${rows.length}.firstName`;
    setValue('dependents', [...rows, emptyDependent(relationship)]);
  };
  useEffect(() => {
    if (focusNext.current === null) return;
    setFocus(focusNext.current);
    focusNext.current = null;
  }, [fields, setFocus]);
  const drop = (index: number) => {
    remove(index);
    addChildRef.current?.focus();
  };

  return (
    <>
      <p className="wz-hint">
        Add the family members to cover with the employee. Children are covered through the end of the month they turn {policy.dependentAgeLimit}; an older child
        can stay covered only when disabled, with proof of incapacity on file.
      </p>
      {fields.length === 0 && <p className="muted">No dependents: the employee will be covered alone.</p>}
      {fields.map((field, i) => {
        const partner = isPartner(relationships[i] ?? '');
        const title = titles[i] ?? 'Dependent';
        return (
          <fieldset key={field.id} className="wz-group" id={fieldId(`dependents.${i}`)}>
            <legend>{title}</legend>
            <SelectField name={`dependents.${i}.relationship`} label="Relationship" options={partner ? partnerOptions : childOptions} />
            <PersonFields prefix={`dependents.${i}`} ssnOptional today={today} earliestBirthDate={partner || dependents[i]?.disabled === true ? undefined : childBirthFloor} />
            {!partner && (
              <CheckboxField
                name={`dependents.${i}.disabled`}
                label="Disabled: cannot support themselves, with proof on file"
                hint={`Lets a child stay covered past ${policy.dependentAgeLimit}.`}
              />
            )}
            <div className="wz-group-actions">
              <button type="button" className="button" onClick={() => drop(i)}>
                Remove {title.toLowerCase()}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="wz-group-actions">
        {!hasPartner && (
          <button type="button" className="button" onClick={() => add('spouse')}>
            Add spouse or domestic partner
          </button>
        )}
        <button type="button" className="button" onClick={() => add('child')} ref={addChildRef}>
          Add child
        </button>
      </div>
    </>
  );
}
