import { eq } from 'drizzle-orm';
import { issueInvoice } from '../../../server/src/services/billing/issue-invoice';
import { addBankAccount, recordVerificationSent, verifyMicroDeposits } from '../../../server/src/services/payments/bank-accounts';
import { bankAccounts } from '../../../server/src/store/schema';
import type { SyncTestService } from './sync-service';

/**
 * What a group needs before it can pay online, set up at the plan's side: the December invoice
 * issued, and a bank account verified as the plan does it (its micro-deposits sent in an ACH file,
 * then entered).
 */
export async function billPaySetup(service: SyncTestService, actorUserId: string): Promise<{ invoiceNumber: string; bankAccountId: string }> {
  const operator = { actorUserId, sessionId: null, ip: null };
  const { db, bankCipher } = service.service;
  const now = new Date(service.now());
  const issued = await issueInvoice(db, { groupNumber: service.groupNumber, periodStart: '2026-12-01', issuedOn: service.today }, operator, now);
  const account = await addBankAccount(
    db,
    bankCipher,
    service.groupNumber,
    { nickname: 'Operating account', holderName: 'Harbor Freight Lines', routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking', verification: 'micro_deposits' },
    operator,
    now,
  );
  await recordVerificationSent(db, { bankAccountId: account.id, trace: '021000020000001', fileDate: service.today }, now);
  const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.id, account.id));
  await verifyMicroDeposits(db, service.groupNumber, account.id, [row?.microDeposit1Cents ?? 0, row?.microDeposit2Cents ?? 0], operator, now);
  return { invoiceNumber: issued.invoice.invoiceNumber, bankAccountId: account.id };
}
