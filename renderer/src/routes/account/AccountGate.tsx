import { Outlet, useLocation } from '@tanstack/react-router';
import { useStatusStore } from '../../state/status-store';
import { Shell } from '../../app/Shell';
import { WelcomePage } from './WelcomePage';
import { TourRunner } from '../../help/tour/TourRunner';

/** Screens that stand alone, without the app's navigation: reachable from Welcome and from links. */
const standalone = new Set(['/welcome', '/sign-in', '/register', '/verify']);

/**
 * The router's root: the account screens full-window, Welcome on first launch whatever the address
 * (the sandbox starts behind it), and otherwise the app's shell around the page.
 */
export function AccountGate() {
  const pathname = useLocation({ select: (l) => l.pathname });
  const welcome = useStatusStore((s) => s.session?.welcome ?? false);
  // The guided tour sits outside every screen, so it carries on from one route to the next.
  return (
    <>
      {standalone.has(pathname) ? <Outlet /> : welcome ? <WelcomePage /> : <Shell />}
      <TourRunner />
    </>
  );
}
