import { relationshipLabels } from '@shared/domain/relationships';
import { Link } from '@tanstack/react-router';
import type { MemberDetail, RosterRow } from '@shared/contract/schemas/member';
import { formatDate, fullName } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';

function MemberLink({ row }: { row: RosterRow }) {
  return (
    <Link to="/members/$memberId" params={{ memberId: row.memberId }}>
      {fullName(row)}
    </Link>
  );
}

/** A subscriber's dependents, or a dependent's subscriber: the family is one click away either way. */
export function FamilySection({ member }: { member: MemberDetail }) {
  return (
    <section className="card" aria-labelledby="family-title">
      <h2 id="family-title" className="card-title">
        Family
      </h2>
      {member.subscriber ? (
        <p className="family-subscriber">
          Employee: <MemberLink row={member.subscriber} /> <span className="mono muted">{member.subscriber.memberId}</span>
        </p>
      ) : member.dependents.length === 0 ? (
        <p className="muted">No dependents are enrolled.</p>
      ) : (
        <ul className="family-list" aria-label="Dependents">
          {member.dependents.map((d) => (
            <li key={d.memberId} className="family-item">
              <span>
                <MemberLink row={d} />
                <span className="muted family-item-meta">
                  {relationshipLabels[d.relationship]} · born {formatDate(d.dateOfBirth)}
                </span>
              </span>
              <StatusBadge status={d.status} pendingSync={d.pendingSync} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
