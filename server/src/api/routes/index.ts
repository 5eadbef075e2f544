// Every route plugin of the API, registered under /v1 in this order. Append one line per plugin.
import type { RoutePlugin } from '../deps';
import { openapiRoutes } from './openapi';
import { accountRoutes } from './accounts';
import { sessionRoutes } from './sessions';
import { accessRequestRoutes } from './access-requests';
import { groupUserRoutes } from './group-users';
import { countRoutes } from './counts';
import { memberRoutes } from './members';
import { transactionRoutes } from './transactions';
import { idCardRoutes } from './id-cards';
import { changeRoutes } from './changes';
import { invitationRoutes } from './invitations';
import { meStreamRoutes } from './me-stream';
import { billPayRoutes } from './bill-pay';
import { invoiceRoutes } from './invoices';
import { billingPreferenceRoutes } from './billing-preferences';
import { invoiceDisputeRoutes } from './invoice-disputes';
import { bankAccountRoutes } from './bank-accounts';
import { paymentRoutes } from './payments';
import { autopayRoutes } from './autopay';
import { exceptionRequestRoutes } from './exception-requests';
import { twoFactorRoutes } from './two-factor';

export const routePlugins: readonly RoutePlugin[] = [openapiRoutes, accountRoutes, sessionRoutes, accessRequestRoutes, groupUserRoutes, countRoutes, memberRoutes, transactionRoutes, idCardRoutes, changeRoutes, invitationRoutes, meStreamRoutes, billPayRoutes, invoiceRoutes, billingPreferenceRoutes, invoiceDisputeRoutes, bankAccountRoutes, paymentRoutes, autopayRoutes, exceptionRequestRoutes, twoFactorRoutes];
