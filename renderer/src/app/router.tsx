import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { RouterHistory } from '@tanstack/react-router';
import { z } from 'zod';
import { AccountGate } from '../routes/account/AccountGate';
import { WelcomePage } from '../routes/account/WelcomePage';
import { SignInPage } from '../routes/account/SignInPage';
import { RegisterPage } from '../routes/account/RegisterPage';
import { VerifyPage } from '../routes/account/VerifyPage';
import { DashboardPage } from '../routes/dashboard/DashboardPage';
import { RosterPage } from '../routes/members/RosterPage';
import { RosterChangesPage } from '../routes/members/changes/RosterChangesPage';
import { todayIso } from '../wizards/common/form-rules';
import { MemberDetailPage } from '../routes/member-detail/MemberDetailPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { ActivityPage } from '../routes/activity/ActivityPage';
import { SettingsPage } from '../routes/settings/SettingsPage';
import { EnrollWizard } from '../wizards/enroll/EnrollWizard';
import { AddDependentWizard } from '../wizards/add-dependent/AddDependentWizard';
import { TerminateWizard } from '../wizards/terminate/TerminateWizard';
import { ReinstateWizard } from '../wizards/reinstate/ReinstateWizard';
import { DemographicsWizard } from '../wizards/demographics/DemographicsWizard';
import { IdCardWizard } from '../wizards/id-cards/IdCardWizard';
import { ImportWizard } from '../wizards/import/ImportWizard';
import { CanChangeMembers } from '../routes/members/CanChangeMembers';
import { CanReadMembers } from '../routes/members/CanReadMembers';
import { AccessPage } from '../routes/access/AccessPage';
import { RequestAccessPage } from '../routes/access/RequestAccessPage';
import { UsersPage } from '../routes/users/UsersPage';
import { BillPaySignUpPage } from '../routes/bill-pay/BillPaySignUpPage';
import { BillingPage } from '../routes/billing/BillingPage';
import { InvoicePage } from '../routes/billing/InvoicePage';
import { PreviewPage } from '../routes/billing/PreviewPage';
import { BankAccountsPage } from '../routes/billing/payments/BankAccountsPage';
import { PaymentsPage } from '../routes/billing/payments/PaymentsPage';
import { AutopayPage } from '../routes/billing/payments/AutopayPage';
import { PayWizard } from '../routes/billing/payments/PayWizard';
import { CanPay } from '../routes/billing/payments/CanPay';
import { HelpPage } from '../help/HelpPage';
import { TutorialArticle } from '../help/TutorialArticle';

const rootRoute = createRootRoute({ component: AccountGate, notFoundComponent: NotFoundPage });

/** `?draft=` resumes a saved wizard; `?replaces=` corrects a rejected transaction (Activity). */
const wizardSearch = z.object({
  draft: z.coerce.number().int().positive().optional().catch(undefined),
  replaces: z.coerce.number().int().positive().optional().catch(undefined),
});

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: DashboardPage });
const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members',
  component: function MembersRoute() {
    return (
      <CanReadMembers>
        <RosterPage />
      </CanReadMembers>
    );
  },
});
const rosterChangesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/changes',
  component: function RosterChangesRoute() {
    return (
      <CanReadMembers>
        <RosterChangesPage today={todayIso()} />
      </CanReadMembers>
    );
  },
});
const memberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId',
  component: function MemberRoute() {
    const { memberId } = memberRoute.useParams();
    return (
      <CanReadMembers>
        <MemberDetailPage memberId={memberId} />
      </CanReadMembers>
    );
  },
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/import',
  component: function ImportRoute() {
    return (
      <CanChangeMembers>
        <ImportWizard />
      </CanChangeMembers>
    );
  },
});

const enrollRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enroll',
  validateSearch: wizardSearch,
  component: function EnrollRoute() {
    const { draft, replaces } = enrollRoute.useSearch();
    return (
      <CanChangeMembers>
        <EnrollWizard draftId={draft} replaces={replaces} />
      </CanChangeMembers>
    );
  },
});
const addDependentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/add-dependent',
  validateSearch: wizardSearch,
  component: function AddDependentRoute() {
    const { memberId } = addDependentRoute.useParams();
    const { draft, replaces } = addDependentRoute.useSearch();
    return (
      <CanChangeMembers>
        <AddDependentWizard subscriberId={memberId} draftId={draft} replaces={replaces} />
      </CanChangeMembers>
    );
  },
});
const terminateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/terminate',
  validateSearch: wizardSearch,
  component: function TerminateRoute() {
    const { memberId } = terminateRoute.useParams();
    const { draft, replaces } = terminateRoute.useSearch();
    return (
      <CanChangeMembers>
        <TerminateWizard memberId={memberId} draftId={draft} replaces={replaces} />
      </CanChangeMembers>
    );
  },
});
const reinstateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/reinstate',
  component: function ReinstateRoute() {
    const { memberId } = reinstateRoute.useParams();
    return (
      <CanChangeMembers>
        <ReinstateWizard memberId={memberId} />
      </CanChangeMembers>
    );
  },
});
const demographicsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/demographics',
  validateSearch: wizardSearch,
  component: function DemographicsRoute() {
    const { memberId } = demographicsRoute.useParams();
    const { draft, replaces } = demographicsRoute.useSearch();
    return (
      <CanChangeMembers>
        <DemographicsWizard memberId={memberId} draftId={draft} replaces={replaces} />
      </CanChangeMembers>
    );
  },
});
const idCardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/id-cards',
  // `members` is a comma-separated list, so a roster selection fits in one link.
  // The router parses a lone numeric value (`?members=100234008`) as a number: take it as the ID it is.
  validateSearch: wizardSearch.extend({ members: z.union([z.string().max(6000), z.number().int().transform(String)]).optional().catch(undefined) }),
  component: function IdCardsRoute() {
    const { draft, replaces, members } = idCardsRoute.useSearch();
    const memberIds = (members ?? '').split(',').filter((id) => id !== '');
    return (
      <CanChangeMembers>
        <IdCardWizard memberIds={memberIds} draftId={draft} replaces={replaces} />
      </CanChangeMembers>
    );
  },
});
const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activity',
  validateSearch: z.object({ id: z.coerce.number().int().positive().optional().catch(undefined) }),
  component: function ActivityRoute() {
    const { id } = activityRoute.useSearch();
    return <ActivityPage selectedId={id} />;
  },
});
const billingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/billing', component: BillingPage });
const invoiceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/billing/invoices/$invoiceNumber',
  component: function InvoiceRoute() {
    const { invoiceNumber } = invoiceRoute.useParams();
    // Keyed so another invoice starts with its own search, sort and tab.
    return <InvoicePage key={invoiceNumber} invoiceNumber={invoiceNumber} />;
  },
});
// The preview compares the roster with the last invoice: a role that cannot read members has no roster.
const previewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/billing/preview',
  component: function PreviewRoute() {
    return (
      <CanReadMembers>
        <PreviewPage />
      </CanReadMembers>
    );
  },
});
const bankAccountsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/billing/accounts', component: BankAccountsPage });
const paymentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/billing/payments', component: PaymentsPage });
const autopayRoute = createRoute({ getParentRoute: () => rootRoute, path: '/billing/autopay', component: AutopayPage });
/** `?invoice=` pays one invoice (Invoice page); `?replaces=` gives a new date to a payment whose date passed offline. */
const payRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/billing/pay',
  validateSearch: z.object({
    invoice: z.string().max(40).optional().catch(undefined),
    replaces: z.coerce.number().int().positive().optional().catch(undefined),
  }),
  component: function PayRoute() {
    const { invoice, replaces } = payRoute.useSearch();
    return (
      <CanPay>
        <PayWizard key={`${invoice ?? ''}:${replaces ?? ''}`} invoiceNumber={invoice} replaces={replaces} />
      </CanPay>
    );
  },
});
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/settings', component: () => <SettingsPage /> });
const accessRoute = createRoute({ getParentRoute: () => rootRoute, path: '/access', component: AccessPage });
const requestAccessRoute = createRoute({ getParentRoute: () => rootRoute, path: '/access/request', component: RequestAccessPage });
const usersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/users', component: UsersPage });
const billPaySignUpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/bill-pay/sign-up', component: BillPaySignUpPage });
const helpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/help', component: HelpPage });
const tutorialRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/help/$tutorialId',
  component: function TutorialRoute() {
    const { tutorialId } = tutorialRoute.useParams();
    return <TutorialArticle tutorialId={tutorialId} />;
  },
});
const welcomeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/welcome', component: WelcomePage });
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  // After verifying an e-mail address: say so, and prefill the user ID. After five wrong passwords at the lock: say why.
  validateSearch: z.object({
    verified: z.boolean().optional().catch(undefined),
    userId: z.string().max(64).optional().catch(undefined),
    lockedOut: z.boolean().optional().catch(undefined),
  }),
  component: function SignInRoute() {
    const { verified, userId, lockedOut } = signInRoute.useSearch();
    return <SignInPage verified={verified === true} userId={userId} lockedOut={lockedOut === true} />;
  },
});
const registerRoute = createRoute({ getParentRoute: () => rootRoute, path: '/register', component: RegisterPage });
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify',
  // The e-mail's web link (`…/verify?token=…`) and the desktop's `link.verify` both land here.
  validateSearch: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).optional().catch(undefined) }),
  component: function VerifyRoute() {
    const { token } = verifyRoute.useSearch();
    return <VerifyPage token={token} />;
  },
});

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  membersRoute,
  rosterChangesRoute,
  memberRoute,
  importRoute,
  enrollRoute,
  addDependentRoute,
  terminateRoute,
  reinstateRoute,
  demographicsRoute,
  idCardsRoute,
  activityRoute,
  billingRoute,
  invoiceRoute,
  previewRoute,
  bankAccountsRoute,
  paymentsRoute,
  autopayRoute,
  payRoute,
  settingsRoute,
  accessRoute,
  requestAccessRoute,
  usersRoute,
  billPaySignUpRoute,
  helpRoute,
  tutorialRoute,
  welcomeRoute,
  signInRoute,
  registerRoute,
  verifyRoute,
]);

/**
 * Hash history in the app (Electron loads app://, the browser host serves one page); tests pass a
 * memory history. Routes carry no group: a group switch takes a record or a wizard to its list (GroupScope).
 */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ routeTree, history, defaultPreload: false, scrollRestoration: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
