import { relationshipLabels } from '@shared/domain/relationships';
import { qualifyingEvents } from '@shared/domain/qualifying-events';
import { terminationReasons } from '@shared/domain/termination-reasons';
import { idCardReasonLabels } from '@shared/domain/id-card-reasons';
import { formatDate } from '../../components/format';
import { humanize } from './labels';

/** Plan codes in the request, in the words the wizard showed them in. */
const valueLabels: Record<string, Record<string, string>> = {
  relationship: relationshipLabels,
  gender: { F: 'Female', M: 'Male', U: 'Not specified' },
  shipTo: { member: 'The member', employer: 'The employer' },
  kind: Object.fromEntries(qualifyingEvents.map((e) => [e.id, e.label])),
  reason: { ...Object.fromEntries(terminationReasons.map((r) => [r.id, r.label])), ...idCardReasonLabels },
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The core masks SSNs already; masking again here means a full one can never reach the screen. */
function maskSsn(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? `***-**-${digits.slice(-4)}` : value;
}

function Scalar({ name, value }: { name: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (typeof value === 'string' && /ssn/i.test(name)) return <span className="mono">{maskSsn(value)}</span>;
  if (typeof value === 'string' && isoDate.test(value)) return <>{formatDate(value)}</>;
  const label = typeof value === 'string' ? valueLabels[name]?.[value] : undefined;
  if (label) return <>{label}</>;
  return <>{String(value)}</>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What was sent to the plan, as nested labelled fields: the request body the user reviewed in the
 * wizard (SSNs masked). Lists of people become numbered groups.
 */
export function RequestView({ request }: { request: Record<string, unknown> }) {
  return <Fields record={request} />;
}

function Fields({ record }: { record: Record<string, unknown> }) {
  return (
    <dl className="fields request-fields">
      {Object.entries(record).map(([key, value]) => (
        <div key={key} className={isRecord(value) || Array.isArray(value) ? 'field field-nested' : 'field'}>
          <dt>{humanize(key)}</dt>
          <dd>
            <Value name={key} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ name, value }: { name: string; value: unknown }) {
  if (isRecord(value)) return <Fields record={value} />;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>None</>;
    if (!value.some(isRecord)) return <>{value.map(String).join(', ')}</>;
    return (
      <ol className="request-list">
        {value.map((item, i) => (
          <li key={i}>{isRecord(item) ? <Fields record={item} /> : <Scalar name={name} value={item} />}</li>
        ))}
      </ol>
    );
  }
  return <Scalar name={name} value={value} />;
}
