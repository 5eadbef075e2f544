import { Link } from '@tanstack/react-router';
import { EmptyState } from '../components/ErrorState';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState title="This page does not exist">
        <p>
          Go to the <Link to="/">Dashboard</Link> or the <Link to="/members">Members</Link> roster.
        </p>
      </EmptyState>
    </div>
  );
}
