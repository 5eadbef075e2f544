import { useWatch } from 'react-hook-form';
import type { Group } from '@shared/contract/schemas/group';
import { isoDate } from '@shared/contract/schemas/primitives';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { RadioGroupField, type Option } from '../../components/form';
import { offerEffectiveDates } from './effective-dates';
import type { EnrollValues } from './enroll-form';

/** Plan, and a start date offered from the group's waiting period and retro window, with the reason shown. */
export function CoverageStep({ group, today }: { group: Group; today: string }) {
  const [hireDate, chosen] = useWatch<EnrollValues, ['subscriber.hireDate', 'effectiveDate']>({ name: ['subscriber.hireDate', 'effectiveDate'] });
  const planOptions: Option[] = group.plans.map((p) => ({
    value: p.code,
    label: p.name,
    detail: `${p.kind} · ${formatUsd(p.rates.EMP)} a month for the employee alone`,
  }));
  const offer = isoDate.safeParse(hireDate).success ? offerEffectiveDates(hireDate, group.policy, today) : null;
  const dates = offer ? [...offer.options] : [];
  // A resumed draft may hold a date no longer offered; show it so its message has a place.
  if (chosen && !dates.includes(chosen)) dates.push(chosen);
  const dateOptions: Option[] = dates.map((d, i) => ({
    value: d,
    label: formatDate(d),
    detail: offer && d === offer.earliest ? 'Earliest allowed' : i === dates.length - 1 && !offer?.options.includes(d) ? 'From your draft' : undefined,
  }));

  return (
    <>
      <RadioGroupField name="planCode" label="Plan" options={planOptions} />
      {offer ? (
        <>
          <div className="wz-note" id="effective-why">
            {offer.reasons.map((r) => (
              <p key={r}>{r}</p>
            ))}
          </div>
          <RadioGroupField name="effectiveDate" label="Coverage starts" options={dateOptions} inline />
        </>
      ) : (
        <p className="wz-note">Enter the hire date on the Employment step first: the start dates follow from it.</p>
      )}
    </>
  );
}
