import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { RouterHistory } from '@tanstack/react-router';
import { Shell } from './Shell';
import { DashboardPage } from '../routes/dashboard/DashboardPage';
import { RosterPage } from '../routes/members/RosterPage';
import { MemberDetailPage } from '../routes/member-detail/MemberDetailPage';
import { NotFoundPage } from '../routes/NotFoundPage';

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: DashboardPage });
const membersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/members', component: RosterPage });
const memberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId',
  component: function MemberRoute() {
    const { memberId } = memberRoute.useParams();
    return <MemberDetailPage memberId={memberId} />;
  },
});

const routeTree = rootRoute.addChildren([dashboardRoute, membersRoute, memberRoute]);

/**
 * Hash history in the app (Electron loads app://, the browser host serves one page); tests pass a
 * memory history. Routes carry no group: switching groups keeps the screen the user is on.
 */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ routeTree, history, defaultPreload: false, scrollRestoration: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
