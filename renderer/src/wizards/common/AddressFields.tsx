import { SelectField, TextField } from '../../components/form';
import { usStates } from '@shared/domain/us-states';

const stateOptions = usStates.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }));

/** A US mailing address under `prefix` (`subscriber.address`). */
export function AddressFields({ prefix }: { prefix: string }) {
  const name = (field: string) => `${prefix}.${field}`;
  return (
    <>
      <TextField name={name('line1')} label="Street address" autoComplete="off" />
      <TextField name={name('line2')} label="Apartment, suite, unit" optional autoComplete="off" />
      <div className="wz-row">
        <TextField name={name('city')} label="City" autoComplete="off" />
        <SelectField name={name('state')} label="State" options={stateOptions} />
        <TextField name={name('zip')} label="ZIP code" size="short" inputMode="numeric" autoComplete="off" />
      </div>
    </>
  );
}
