// Every route's authorization cases; append one line per file of cases.
import type { AuthorizationCase } from '../../test-support/authorization';
import { accountCases } from './accounts.cases';
import { billPayCases } from './bill-pay.cases';
import { billingPreferenceCases } from './billing-preferences.cases';
import { exceptionRequestCases } from './exception-requests.cases';
import { invitationCases } from './invitations.cases';
import { invoiceDisputeCases } from './invoice-disputes.cases';
import { invoiceCases } from './invoices.cases';
import { memberCases } from './members.cases';
import { paymentCases } from './payments.cases';

export const authorizationCases: readonly AuthorizationCase[] = [...accountCases, ...billPayCases, ...billingPreferenceCases, ...exceptionRequestCases, ...invitationCases, ...invoiceDisputeCases, ...invoiceCases, ...memberCases, ...paymentCases];
