/**
 * A desktop core in its own process, for the kill test (sync-kill.test.ts): it opens the store in
 * the given data folder against the given plan service, queues the transactions it is told to,
 * syncs, and prints one line per step and per core event on stdout, so the parent can SIGKILL it
 * at a chosen step. The parent reads these lines; nothing here waits on a timer.
 *
 * Lines: `ready`, `submitted <outboxId> <kind> <tag>`, `refused <kind> <tag> <code>`, `sync`,
 * `event <type> [state applied/total pending]`, `quiet`.
 */
import type { CoreEvent } from '@shared/contract/events';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { createRandom } from '@shared/util/random';
import { runChild, say } from './child-process-main';
import { openSyncCore } from './sync-core';
import { syncToQuiet } from './sync-quiet';
import { enrollment } from './transaction-inputs';

export interface ChildPlan {
  dataDir: string;
  keyHex: string;
  url: string;
  token: string;
  groupNumber: string;
  today: string;
  /** The service's clock less this process's, in ms: the child's core reads the same clock. */
  clockOffsetMs: number;
  /** Enrollments to queue, by marker tag (transaction-inputs.ts). */
  enrollTags: number[];
  /** How many ID-card requests and demographic changes of existing members to queue. */
  others: number;
  seed: number;
}


function eventLine(event: CoreEvent): string {
  if (event.type === 'sync.status') return `event sync.status ${event.state} ${event.progress ? `${event.progress.applied}/${event.progress.total}` : '-'} ${event.pending}`;
  return `event ${event.type}`;
}

async function main(plan: ChildPlan): Promise<void> {
  const now = () => new Date(Date.now() + plan.clockOffsetMs).toISOString();
  const core = openSyncCore({ dataDir: plan.dataDir, key: Buffer.from(plan.keyHex, 'hex'), url: plan.url, token: plan.token, today: plan.today, now });
  core.onEvent((event) => say(eventLine(event)));
  say('ready');

  const random = createRandom(plan.seed);
  const call = async (method: string, input: unknown) => core.call(method, input);
  const submit = async (transaction: TransactionInput, tag: number) => {
    const result = await call('transactions.submit', { groupNumber: plan.groupNumber, transaction });
    say(result.ok ? `submitted ${(result.value as { id: number }).id} ${transaction.kind} ${tag}` : `refused ${transaction.kind} ${tag} ${result.error.code}`);
  };
  for (const tag of plan.enrollTags) await submit(enrollment(tag, plan.today, { dependents: random.int(0, 2) }), tag);
  if (plan.others > 0) {
    const page = await call('members.list', { groupNumber: plan.groupNumber, limit: 500, offset: 0, grouping: 'none', sort: { by: 'memberId', dir: 'asc' } });
    // The first few active members, whom the plan-side clerk changes too: some changes meet a newer version.
    const rows = page.ok
      ? (page.value as { rows: { memberId: string; status: string; pendingSync: boolean }[] }).rows.filter((r) => r.status === 'active' && !r.pendingSync && !r.memberId.startsWith('NEW-')).slice(0, 30)
      : [];
    for (let i = 0; i < plan.others && rows.length > 0; i++) {
      const memberId = random.pick(rows).memberId;
      if (random.chance(0.5)) await submit({ kind: 'id_cards', request: { memberIds: [memberId], reason: 'lost', shipTo: 'member' } }, 0);
      else await submit({ kind: 'update_demographics', request: { memberId, changes: { phone: `419-555-${String(random.int(1000, 9999))}` }, effectiveDate: plan.today, correction: false } }, 0);
    }
  }

  say('sync');
  await syncToQuiet(core, () => true, now);
  say('quiet');
  await core.close();
}

runChild<ChildPlan>(main);
