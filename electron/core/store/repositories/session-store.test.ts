import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../field-cipher';
import { openStore } from '../open-store';
import { statement } from '../statements';
import type { Store } from '../store';
import { loadSandboxReplica } from '../../test-support/local-replica';
import { tempDataDir } from '../../test-support/plan-service';
import { clearReplica, removeGroupReplica } from './session-store';

function replica(): Store {
  const opened = openStore({ dataDir: tempDataDir() });
  if (opened.db === null) throw new Error('store not ready');
  const store: Store = { db: opened.db, cipher: createFieldCipher(randomBytes(32)), path: opened.path };
  loadSandboxReplica(store, '2026-11-27', '2026-11-27T15:00:00.000Z');
  return store;
}

const count = (store: Store, table: string, groupNumber?: string): number =>
  Number(
    groupNumber === undefined
      ? statement(store.db, `SELECT count(*) FROM ${table}`).pluck().get()
      : statement(store.db, `SELECT count(*) FROM ${table} WHERE group_number = ?`).pluck().get(groupNumber),
  );

describe('leaving a replica', () => {
  it('removes one lost group with its tallies, and keeps the other groups', () => {
    const store = replica();
    expect(count(store, 'member_tallies', '100234')).toBeGreaterThan(0);
    store.db.transaction(() => removeGroupReplica(store, '100234'))();
    expect(count(store, 'members', '100234')).toBe(0);
    expect(count(store, 'member_tallies', '100234')).toBe(0);
    expect(count(store, 'member_tallies', '100871')).toBeGreaterThan(0);
    store.db.close();
  });

  it('clears every group, the tallies of their members too', () => {
    const store = replica();
    clearReplica(store);
    expect(count(store, 'groups')).toBe(0);
    expect(count(store, 'members')).toBe(0);
    expect(count(store, 'member_tallies')).toBe(0);
    store.db.close();
  });
});
