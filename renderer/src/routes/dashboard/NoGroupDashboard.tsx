import { Link } from '@tanstack/react-router';
import { EmptyState } from '../../components/ErrorState';

/**
 * The dashboard of a user with no group yet (just registered, or their last role was taken away):
 * the two ways in, both under Access.
 */
export function NoGroupDashboard() {
  return (
    <div className="page page-dashboard">
      <div className="page-header">
        <h1 className="page-title">Dashboard</h1>
      </div>
      <EmptyState title="You do not have access to a group yet.">
        <p>An employer’s officer or their delegate asks the plan to become the group’s primary administrator. Anyone else enters the access code a primary administrator sent them.</p>
        <div className="settings-actions">
          <Link to="/access/request" className="button button-primary">
            Request primary administrator access
          </Link>
          <Link to="/access" className="button">
            Enter an access code
          </Link>
        </div>
      </EmptyState>
    </div>
  );
}
