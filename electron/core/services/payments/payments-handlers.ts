import { handlers } from '../../dispatch/handler-types';
import { cancelPaymentItem } from './cancel-payment';
import { listPaymentItems } from './payment-items';
import { addAccount, authorizationOf, autopayOf, bankAccountsOf, changeAutopay, receiptFile, removeAccount, verifyAccount } from './plan-payments';
import { queuePayment } from './submit-payment';

/**
 * Bill Pay's payments on the desktop. A payment is queued in the outbox and sent by the sync engine
 * (so it is never made twice and can be made offline); payments come back by the change feed and
 * read offline; bank accounts and autopay are the plan's (plan-payments.ts).
 */
export const paymentsHandlers = handlers({
  'payments.authorization': ({ kind }, ctx) => authorizationOf(ctx, kind),
  'payments.bankAccounts': ({ groupNumber }, ctx) => bankAccountsOf(ctx, groupNumber),
  'payments.addBankAccount': ({ groupNumber, requestKey, ...request }, ctx) => addAccount(ctx, groupNumber, request, requestKey),
  'payments.verifyBankAccount': ({ groupNumber, bankAccountId, amountsCents }, ctx) => verifyAccount(ctx, groupNumber, bankAccountId, { amountsCents }),
  'payments.removeBankAccount': ({ groupNumber, bankAccountId }, ctx) => removeAccount(ctx, groupNumber, bankAccountId),
  'payments.submit': ({ groupNumber, replaces, ...request }, ctx) => {
    const item = queuePayment({ store: ctx.store, now: ctx.now() }, groupNumber, request, replaces);
    ctx.sync.requestSync();
    ctx.emit({ type: 'billing.changed', groupNumber });
    return item;
  },
  'payments.list': ({ groupNumber }, ctx) => listPaymentItems(ctx.store.db, groupNumber),
  'payments.cancel': (input, ctx) => cancelPaymentItem(ctx, input),
  'payments.receipt': ({ groupNumber, confirmationNumber }, ctx) => receiptFile(ctx, groupNumber, confirmationNumber),
  'payments.autopay': ({ groupNumber }, ctx) => autopayOf(ctx, groupNumber),
  'payments.enrollAutopay': ({ groupNumber, ...enroll }, ctx) => changeAutopay(ctx, groupNumber, { enroll }),
  'payments.skipAutopay': ({ groupNumber, invoiceNumber }, ctx) => changeAutopay(ctx, groupNumber, { skip: invoiceNumber }),
  'payments.cancelAutopay': ({ groupNumber }, ctx) => changeAutopay(ctx, groupNumber, { cancel: true }),
});
