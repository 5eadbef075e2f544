import { useQuery } from '../api/use-query';
import { useGroupStore } from '../state/group-store';
import { SkeletonBlock } from '../components/Skeleton';

/** A phone number as a link the OS can dial, spoken digit group by digit group as written. */
function Phone({ number }: { number: string }) {
  return (
    <a className="mono" href={`tel:${number.replace(/[^0-9+]/g, '')}`}>
      {number}
    </a>
  );
}

/**
 * Who to call, as the plan sends it with the group: its billing service team (about invoices and
 * payments), its account-setup line (signing up, access) and member services (members' own questions).
 * Older plan services send fewer; a user with no group yet has none to show.
 */
export function PlanContacts() {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const group = useQuery('groups.get', groupNumber ? { groupNumber } : null);
  const g = group.data;
  return (
    <section className="card help-contacts" aria-labelledby="help-contacts-title">
      <h2 id="help-contacts-title" className="card-title">
        Contact the plan
      </h2>
      {!groupNumber || (group.status === 'error' && !g) ? (
        <p className="muted">Your plan’s phone numbers show here once you have access to a group.</p>
      ) : !g ? (
        <SkeletonBlock label="Loading the plan’s contacts…" lines={3} />
      ) : (
        <dl className="help-contact-list">
          {g.serviceTeam && (
            <div>
              <dt>Invoices and payments</dt>
              <dd>
                {g.serviceTeam.name}: <Phone number={g.serviceTeam.phone} />
              </dd>
            </div>
          )}
          {g.accountSetupPhone && (
            <div>
              <dt>Signing up and access</dt>
              <dd>
                Account setup: <Phone number={g.accountSetupPhone} />
              </dd>
            </div>
          )}
          {g.memberServicesPhone && (
            <div>
              <dt>Members’ own questions</dt>
              <dd>
                Member services: <Phone number={g.memberServicesPhone} />
              </dd>
            </div>
          )}
          {!g.serviceTeam && !g.accountSetupPhone && !g.memberServicesPhone && <p className="muted">Your plan has not sent its phone numbers. Ask your broker or your plan representative.</p>}
        </dl>
      )}
      {g && <p className="muted help-contacts-for">For {g.name}, group {g.groupNumber}.</p>}
    </section>
  );
}
