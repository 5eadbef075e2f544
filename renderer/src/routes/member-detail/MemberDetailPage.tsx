import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { relationshipLabels } from '@shared/domain/relationships';
import { Link } from '@tanstack/react-router';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';
import { useGroupStore } from '../../state/group-store';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { StatusBadge } from '../../components/StatusBadge';
import { BackIcon } from '../../components/icons';
import { formatDate } from '../../components/format';
import { Field, FieldList } from './FieldList';
import { FamilySection } from './FamilySection';
import { CoverageHistory } from './CoverageHistory';
import { MemberActions, PendingBanner } from './MemberActions';
import { TemporaryIdCardButton } from './TemporaryIdCardButton';
import './member-actions.css';

/** A long address may wrap only after the @, never inside a word (<wbr> leaves copied text intact). */
function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  return at < 0 ? (
    <>{address}</>
  ) : (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

const genderLabels = { F: 'Female', M: 'Male', U: 'Not specified' } as const;

export function MemberDetailPage({ memberId }: { memberId: string }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const member = useQuery('members.get', { groupNumber, memberId });
  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && event.groupNumber === groupNumber) member.reload();
  });

  return (
    <div className="page page-detail">
      <Link to="/members" className="back-link">
        <BackIcon />
        Back to roster
      </Link>
      {member.status === 'error' && !member.data ? (
        <ErrorState title={member.error.code === 'NOT_FOUND' ? 'No such member in this group' : 'This member could not be loaded'} error={member.error} onRetry={member.reload} />
      ) : !member.data ? (
        <>
          <h1 className="page-title">Member</h1>
          <SkeletonBlock label="Loading member…" lines={8} />
        </>
      ) : (
        <MemberView groupNumber={groupNumber} member={member.data} />
      )}
    </div>
  );
}

function MemberView({ groupNumber, member }: { groupNumber: string; member: MemberDetail }) {
  const name = [member.firstName, member.middleName, member.lastName, member.suffix].filter(Boolean).join(' ');
  return (
    <>
      <div className="page-header detail-header">
        <div>
          <h1 className="page-title">{name}</h1>
          <p className="page-meta">
            <span className="mono">{member.memberId}</span> · {relationshipLabels[member.relationship]}
          </p>
        </div>
        <StatusBadge status={member.status} pendingSync={member.pendingSync} />
      </div>
      {member.pendingSync && <PendingBanner />}
      <MemberActions member={member} />
      <TemporaryIdCardButton groupNumber={groupNumber} member={member} />
      <div className="detail-grid">
        <section className="card" aria-labelledby="coverage-title">
          <h2 id="coverage-title" className="card-title">
            Current coverage
          </h2>
          <FieldList>
            <Field label="Plan">{member.planName}</Field>
            <Field label="Tier">
              {member.tier} · {coverageTierLabels[member.tier]}
            </Field>
            <Field label="Effective">{formatDate(member.effectiveDate)}</Field>
            <Field label="Termination">{formatDate(member.terminationDate)}</Field>
            <Field label="Status">
              <StatusBadge status={member.status} />
            </Field>
          </FieldList>
        </section>
        <FamilySection member={member} />
        <section className="card" aria-labelledby="demographics-title">
          <h2 id="demographics-title" className="card-title">
            Demographics
          </h2>
          <FieldList>
            <Field label="Date of birth">{formatDate(member.dateOfBirth)}</Field>
            <Field label="Gender">{genderLabels[member.gender]}</Field>
            <Field label="SSN">
              <span className="mono">{member.ssn ?? 'Not on file'}</span>
            </Field>
          </FieldList>
        </section>
        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title" className="card-title">
            Address and contact
          </h2>
          <FieldList>
            <Field label="Address">
              <address className="address">
                {member.address.line1}
                {member.address.line2 && (
                  <>
                    <br />
                    {member.address.line2}
                  </>
                )}
                <br />
                {member.address.city}, {member.address.state} {member.address.zip}
              </address>
              {member.sameAddressAsSubscriber && <p className="muted">Lives with the employee (same address): moves when the employee does.</p>}
            </Field>
            <Field label="Phone">{member.phone ?? '—'}</Field>
            <Field label="E-mail">{member.email ? <Email address={member.email} /> : '—'}</Field>
          </FieldList>
        </section>
        {member.relationship === 'subscriber' && (
          <section className="card" aria-labelledby="employment-title">
            <h2 id="employment-title" className="card-title">
              Employment
            </h2>
            <FieldList>
              <Field label="Hire date">{formatDate(member.hireDate)}</Field>
              <Field label="Employment">{member.employmentStatus === 'FT' ? 'Full time' : member.employmentStatus === 'PT' ? 'Part time' : '—'}</Field>
              <Field label="Employee class">{member.employeeClass ?? '—'}</Field>
            </FieldList>
          </section>
        )}
      </div>
      <CoverageHistory periods={member.coverageHistory} />
    </>
  );
}
