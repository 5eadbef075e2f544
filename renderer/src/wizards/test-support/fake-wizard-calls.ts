import type { TransactionKind } from '@shared/plan-api/eligibility';
import { createFakeTransport, type FakeTransport } from '../../test-support/fake-transport';

export const updatedAt = '2026-11-27T15:00:05.000Z';

/**
 * A fake core that keeps drafts and queues transactions as the real one answers them: what the
 * terminate, demographics and ID-card wizard tests share. Tests override any method with `on`.
 */
export function fakeWizardCore(kind: TransactionKind, memberIds: string[] = []): FakeTransport {
  const fake = createFakeTransport();
  fake.on('drafts.save', (input) => ({
    ok: true,
    value: { id: input.id ?? 41, wizard: input.wizard, groupNumber: input.groupNumber, memberId: input.memberId ?? null, step: input.step, transactionId: null, updatedAt },
  }));
  fake.on('drafts.discard', () => ({ ok: true, value: { discarded: true } }));
  fake.on('transactions.submit', () => ({ ok: true, value: { id: 7, status: 'queued', memberIds } }));
  fake.on('transactions.get', (input) => ({
    ok: true,
    value: {
      id: input.id,
      groupNumber: input.groupNumber,
      kind,
      status: 'queued',
      summary: 'A change',
      memberIds,
      confirmationNumber: null,
      error: null,
      attempts: 0,
      createdBy: 'sandbox.admin',
      createdAt: updatedAt,
      updatedAt,
      sentAt: null,
      resolvedAt: null,
      draftId: 41,
      replacedBy: null,
      replaces: null,
      hasDocument: kind === 'id_cards',
      batch: null,
      request: {},
    },
  }));
  return fake;
}
