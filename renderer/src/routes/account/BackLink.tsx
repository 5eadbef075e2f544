import { Link } from '@tanstack/react-router';

/** Out of a sign-in or registration screen: to Welcome on first launch, else back to the app. */
export function BackLink({ welcome }: { welcome: boolean }) {
  return welcome ? <Link to="/welcome">Back to Welcome</Link> : <Link to="/">Back to GroupDesk</Link>;
}
