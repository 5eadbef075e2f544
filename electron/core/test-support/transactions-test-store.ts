import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, type MethodName, type Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { testPorts } from './test-ports';
import { createDispatcher } from '../dispatch/dispatcher';
import type { HandlerMap, SyncPort } from '../dispatch/handler-types';
import { createFieldCipher } from '../store/field-cipher';
import { openStore } from '../store/open-store';
import { saveGroup } from '../store/repositories/groups-repository';
import { insertMember } from '../store/members/members-repository';
import { FileStore } from '../files/file-store';
import { JobRegistry } from '../runtime/job-registry';
import type { Store } from '../store/store';
import { fixtureGroup, fixtureKey, fixtureMembers, fixtureToday } from './member-fixtures';
import type { MemberRecord } from '@shared/sandbox/types';
import { draftsHandlers } from '../services/drafts/drafts-handlers';
import { notificationsHandlers } from '../services/notifications/notifications-handlers';
import { transactionsHandlers } from '../services/transactions/transactions-handlers';

/** A store in a real SQLite file in a temp folder, holding the fixture group and members (triggers on). */
export function fileStore(members: MemberRecord[] = fixtureMembers(), key: Buffer = fixtureKey()): Store {
  const opened = openStore({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'groupdesk-tx-')) });
  if (opened.db === null) throw new Error(`store not ready: ${opened.state.state}`);
  const store: Store = { db: opened.db, cipher: createFieldCipher(key), path: opened.path };
  store.db.transaction(() => {
    saveGroup(store.db, fixtureGroup, '2015-01-01', '2026-11-27T08:00:00.000Z');
    for (const m of members) insertMember(store.db, store.cipher, fixtureGroup.groupNumber, m, '2026-11-27T08:00:00.000Z');
  })();
  return store;
}

export const testNow = '2026-11-27T10:00:00.000Z';

/**
 * The real dispatcher (input and output checked against the contract) over this module's handlers
 * and any `more` a test adds; other methods answer INTERNAL. Events emitted after commit are
 * collected, those published at once (a job's progress) apart, as are sync requests.
 */
export function transactionsCore(store: Store, today = fixtureToday, more: Partial<HandlerMap> = {}) {
  const events: CoreEvent[] = [];
  const published: CoreEvent[] = [];
  let syncRequests = 0;
  const jobs = new JobRegistry();
  const refuse = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(contract).map((name) => [name, refuse])) as unknown as HandlerMap;
  const dispatcher = createDispatcher({
    handlers: { ...all, ...transactionsHandlers, ...draftsHandlers, ...notificationsHandlers, ...more },
    validateOutput: true,
    log: (message) => {
      throw new Error(message);
    },
    publish: (event) => events.push(event),
    blocked: () => null,
    context: (emit) => ({
      store,
      ...testPorts({ sync: { requestSync: () => void syncRequests++ } as unknown as SyncPort, publish: (event) => published.push(event), files: new FileStore(path.dirname(store.path)), jobs }),
      today: () => today,
      now: () => testNow,
      emit,
    }),
  });
  return {
    events,
    published,
    /** The long jobs running (a file check), to cancel one as `jobs.cancel` does. */
    jobs,
    syncRequests: () => syncRequests,
    call: (method: MethodName, input: unknown): Promise<Result<unknown>> => dispatcher.dispatch(method, input),
    /** Calls and unwraps a success, failing the test with the error otherwise. */
    async ok<T = Record<string, unknown>>(method: MethodName, input: unknown): Promise<T> {
      const result = await dispatcher.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
  };
}

/** Everything a pending change or its undo may touch, to compare before and after. */
export function replicaState(store: Store) {
  return {
    members: store.db.prepare('SELECT * FROM members ORDER BY id').all(),
    coverage: store.db.prepare('SELECT * FROM coverage_periods ORDER BY id').all(),
    tallies: store.db.prepare('SELECT * FROM member_tallies WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6').all(),
    fts: store.db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"a"* OR "z"* OR "m"* OR "n"*' ORDER BY rowid`).pluck().all(),
  };
}
