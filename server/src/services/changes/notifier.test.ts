import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../store/db';
import { announceToUser } from '../accounts/announce';
import { changesChannel } from './append';
import { createChangeNotifier } from './notifier';

/** A pooled pg client as pg-pool hands it out: releasing it twice throws, as the real pool does. */
class PooledClient extends EventEmitter {
  releases = 0;
  queries: string[] = [];
  query(text: string): Promise<void> {
    this.queries.push(text);
    return Promise.resolve();
  }
  release(): void {
    if (this.releases > 0) throw new Error('Release called on client which has already been released to the pool.');
    this.releases += 1;
  }
}

function fakePostgres() {
  const clients: PooledClient[] = [];
  const pool = {
    connect: () => {
      const client = new PooledClient();
      clients.push(client);
      return Promise.resolve(client);
    },
  };
  return { db: { $client: pool } as unknown as Db, clients };
}

describe('change notifier on PostgreSQL', () => {
  it('survives its LISTEN connection failing after the notifier closed (released once, nothing reopened)', async () => {
    const { db, clients } = fakePostgres();
    const notifier = createChangeNotifier(db, 'postgres');
    await notifier.subscribe('100234', () => {});
    await notifier.close();
    const [client] = clients;
    expect(client?.queries).toEqual(['LISTEN groupdesk_changes', 'UNLISTEN groupdesk_changes']);
    expect(() => client?.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    expect(client?.releases).toBe(1);
    expect(clients).toHaveLength(1);
  });

  it('replaces a LISTEN connection lost while streams are open', async () => {
    const { db, clients } = fakePostgres();
    const notifier = createChangeNotifier(db, 'postgres');
    await notifier.subscribe('100234', () => {});
    clients[0]?.emit('error', new Error('connection reset'));
    await expect.poll(() => clients.length).toBe(2);
    expect(clients[0]?.releases).toBe(1);
    await notifier.close();
  });
});

describe('change notifier on PGlite', () => {
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  let notifier: ReturnType<typeof createChangeNotifier>;
  beforeAll(async () => {
    opened = await openDatabase({});
    notifier = createChangeNotifier(opened.db, opened.backend);
  });
  afterAll(async () => {
    await notifier?.close();
    await opened?.close();
  });

  it("tells a user's announcements and a group's sequence numbers apart, even when the user ID and group number are the same digits", async () => {
    const { db } = opened;
    const seqs: number[] = [];
    const reasons: string[] = [];
    await notifier.subscribe('123456', (seq) => seqs.push(seq));
    await notifier.subscribeUser('123456', (reason) => reasons.push(reason));
    await db.transaction(async (tx) => {
      await announceToUser(tx, '123456', 'role');
      await tx.execute(sql`SELECT pg_notify(${changesChannel}, '{"g":"123456","s":7}')`);
    });
    await db.execute(sql`SELECT pg_notify(${changesChannel}, 'not json')`);
    await db.transaction((tx) => announceToUser(tx, '123456', 'access_request'));
    await expect.poll(() => reasons).toEqual(['role', 'access_request']);
    expect(seqs).toEqual([7]);
  });

  it('announces nothing for a transaction that rolls back', async () => {
    const { db } = opened;
    const reasons: string[] = [];
    await notifier.subscribeUser('rolled-back', (reason) => reasons.push(`rolled-back:${reason}`));
    await notifier.subscribeUser('committed', (reason) => reasons.push(`committed:${reason}`));
    await expect(
      db.transaction(async (tx) => {
        await announceToUser(tx, 'rolled-back', 'role');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // Notifications arrive in commit order: once the later one is here, the rolled-back one would have been too.
    await db.transaction((tx) => announceToUser(tx, 'committed', 'role'));
    await expect.poll(() => reasons).toEqual(['committed:role']);
  });
});
