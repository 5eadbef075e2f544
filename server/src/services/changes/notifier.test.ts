import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/db';
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
