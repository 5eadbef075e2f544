import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/contract';
import { createDispatcher } from '../../dispatch/dispatcher';
import type { HandlerMap } from '../../dispatch/handler-types';
import { billingRoster, decemberLines, december, invoiceNumber } from '../../test-support/billing-roster';
import { insertInvoice } from '../../test-support/invoice-rows';
import { fixtureToday } from '../../test-support/member-fixtures';
import { markReplicated } from '../../store/repositories/sync-cursors';
import { testPorts } from '../../test-support/test-ports';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import { billingAnalysisHandlers } from './billing-analysis-handlers';

/** The real dispatcher (input and output checked against the contract) over these handlers only. */
function billingCore() {
  const store = fileStore(billingRoster());
  insertInvoice(store.db, '4321', invoiceNumber, december, decemberLines());
  markReplicated(store.db, '4321', '2026-11-27T09:30:00.000Z');
  const refuse = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(contract).map((name) => [name, refuse])) as unknown as HandlerMap;
  const dispatcher = createDispatcher({
    handlers: { ...all, ...billingAnalysisHandlers },
    validateOutput: true,
    log: (message) => {
      throw new Error(message);
    },
    publish: refuse,
    blocked: () => null,
    context: (emit) => ({ store, ...testPorts(), today: () => fixtureToday, now: () => testNow, emit }),
  });
  return (method: MethodName, input: unknown) => dispatcher.dispatch(method, input);
}

describe('billing.reconcile, billing.worksheet and billing.preview through the dispatcher', () => {
  it('answer within the contract, the reconciliation as of the group’s last sync', async () => {
    const call = billingCore();
    const reconciled = await call('billing.reconcile', { groupNumber: '4321', invoiceNumber });
    expect(reconciled).toMatchObject({ ok: true, value: { rosterAsOf: '2026-11-27T09:30:00.000Z', billedCount: 7 } });
    const sheet = await call('billing.worksheet', { groupNumber: '4321', invoiceNumber, format: 'xlsx' });
    expect(sheet).toMatchObject({ ok: true, value: { fileName: `${invoiceNumber}-reconciliation.xlsx` } });
    const preview = await call('billing.preview', { groupNumber: '4321' });
    expect(preview).toMatchObject({ ok: true, value: { periodStart: '2027-01-01', lastInvoiceNumber: invoiceNumber } });
  });

  it('answer NOT_FOUND for an invoice this computer does not have, VALIDATION for an unknown format', async () => {
    const call = billingCore();
    expect(await call('billing.reconcile', { groupNumber: '4321', invoiceNumber: 'INV-4321-202601-NOPE00' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('billing.worksheet', { groupNumber: '4321', invoiceNumber, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('billing.preview', { groupNumber: '9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
