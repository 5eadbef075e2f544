import { Link } from '@tanstack/react-router';
import { RequestList } from './RequestList';
import { AccessCodeForm } from './AccessCodeForm';
import '../../wizards/common/wizard.css';
import './access.css';

/**
 * How a user gets into a group: ask to become its primary administrator (the plan decides in 3–5
 * business days), enter an access code a primary administrator sent, or sign up for Bill Pay with
 * the group's latest invoice. Works without any group: it is where a new user starts.
 */
export function AccessPage() {
  return (
    <div className="page page-access">
      <div className="page-header">
        <h1 className="page-title">Access</h1>
      </div>
      <div className="access-grid">
        <section className="card" aria-labelledby="access-requests-title">
          <h2 id="access-requests-title" className="card-title">
            Your requests
          </h2>
          <RequestList />
          <p>
            <Link to="/access/request" data-tour="access-request-link">
              Request primary administrator access
            </Link>
            <span className="muted"> — for the employer’s officer or their delegate; the plan checks it in 3–5 business days.</span>
          </p>
        </section>
        <section className="card" aria-labelledby="access-code-title" data-tour="access-code">
          <h2 id="access-code-title" className="card-title">
            Enter an access code
          </h2>
          <p className="settings-intro">A group’s primary administrator can invite you: the plan e-mails you a code that works once, for 7 days.</p>
          <AccessCodeForm />
        </section>
        <section className="card" aria-labelledby="access-bill-pay-title">
          <h2 id="access-bill-pay-title" className="card-title">
            Pay your group’s invoices
          </h2>
          <p className="settings-intro">With the group number and your latest invoice’s number or amount, you can pay invoices online.</p>
          <Link to="/bill-pay/sign-up" className="button">
            Sign up for Bill Pay
          </Link>
        </section>
      </div>
    </div>
  );
}
