/**
 * A desktop core in its own process, for the payments kill test (payment-kill.test.ts): it opens
 * the store in the given data folder against the given plan service, submits the payments it is
 * told to (each a new outbox row with its own Idempotency-Key), syncs, and prints one line per step
 * and per core event on stdout, so the parent can SIGKILL it at a chosen step. Nothing here waits
 * on a timer.
 *
 * Lines: `ready`, `submitted <outboxId> <amountCents>`, `refused <code> <message>`, `sync`,
 * `event <type> [state pending]`, `quiet`.
 */
import type { CoreEvent } from '@shared/contract/events';
import { runChild, say } from './child-process-main';
import { openSyncCore } from './sync-core';
import { syncToQuiet } from './sync-quiet';

export interface PaymentChildPlan {
  dataDir: string;
  keyHex: string;
  url: string;
  token: string;
  groupNumber: string;
  today: string;
  /** The service's clock less this process's, in ms: the child's core reads the same clock. */
  clockOffsetMs: number;
  invoiceNumber: string;
  bankAccountId: string;
  paymentDate: string;
  authorizationVersion: string;
  /** One payment each. */
  amountsCents: number[];
}


const eventLine = (event: CoreEvent): string => (event.type === 'sync.status' ? `event sync.status ${event.state} ${event.pending}` : `event ${event.type}`);

async function main(plan: PaymentChildPlan): Promise<void> {
  const now = () => new Date(Date.now() + plan.clockOffsetMs).toISOString();
  const core = openSyncCore({ dataDir: plan.dataDir, key: Buffer.from(plan.keyHex, 'hex'), url: plan.url, token: plan.token, today: plan.today, now });
  core.onEvent((event) => say(eventLine(event)));
  say('ready');
  for (const amountCents of plan.amountsCents) {
    const { groupNumber, invoiceNumber, bankAccountId, paymentDate, authorizationVersion } = plan;
    const result = await core.call('payments.submit', { groupNumber, invoiceNumbers: [invoiceNumber], amountCents, bankAccountId, paymentDate, authorizationVersion, acceptAuthorization: true });
    say(result.ok ? `submitted ${(result.value as { outboxId: number }).outboxId} ${amountCents}` : `refused ${result.error.code} ${result.error.message}`);
  }
  say('sync');
  await syncToQuiet(core, () => true, now);
  say('quiet');
  await core.close();
}

runChild<PaymentChildPlan>(main);
