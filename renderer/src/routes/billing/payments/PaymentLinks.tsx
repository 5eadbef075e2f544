import { Link } from '@tanstack/react-router';

/** The ways from the overview to payments: the history, the accounts paid from and autopay. */
export function PaymentLinks() {
  return (
    <nav className="card billing-payment-links" aria-labelledby="payment-links-title">
      <h2 id="payment-links-title" className="card-title">
        Payments
      </h2>
      <ul className="pay-links">
        <li>
          <Link to="/billing/payments">Payment history</Link>
        </li>
        <li>
          <Link to="/billing/accounts">Bank accounts</Link>
        </li>
        <li>
          <Link to="/billing/autopay" data-tour="billing-autopay">
            Autopay
          </Link>
        </li>
      </ul>
    </nav>
  );
}
