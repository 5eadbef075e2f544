import type { CoreEvent } from '@shared/contract/events';
import { roleAllows, roleLabels } from '@shared/contract/roles';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { readAccessOverview, saveAccessRequests } from '../store/repositories/access-requests-cache';
import { createNotification } from '../store/repositories/notifications-repository';
import type { Store } from '../store/store';
import { PlanError, type Connection, type PlanClient } from '../plan-service/plan-client';
import { applyMe, saveGroupBalance, saveRemoteGroup } from '../store/repositories/replica-groups';
import { readSession, writeSession } from '../store/repositories/session-store';

export interface AccountSyncOptions {
  store(): Store;
  connection: Connection;
  now(): string;
  today(): string;
  /** New groups are news only to a user of a remote service; the sandbox's groups are its data set. */
  mode: 'sandbox' | 'remote';
  publish(events: readonly CoreEvent[]): void;
  aborted(): boolean;
}

export interface SyncedAccount {
  userRef: number;
  login: string;
  /** The groups whose feeds the engine pulls: those the user may read members or invoices of. */
  groups: string[];
}

/**
 * The account part of a full sync: who the user is and which groups they see (GET /v1/me), each
 * group's detail and balance, and the user's access requests. A group gone from the user's list
 * leaves the replica; a group new to them raises a notification, except at the first account sync
 * of a replica (after sign-in every group is new, and none is news). Null when aborted.
 */
export async function syncAccount(client: PlanClient, options: AccountSyncOptions): Promise<SyncedAccount | null> {
  const me = await client.me();
  if (options.aborted()) return null;
  let store = options.store();
  const { connection } = options;
  const applied = store.db.transaction(() => {
    const result = applyMe(store, me, options.now());
    // Who acts in this store from now on (also while offline, and while the sandbox restarts).
    writeSession(store, { userRef: result.userRef, serviceUrl: connection.url, token: connection.token, expiresAt: readSession(store)?.expiresAt ?? options.now() }, options.now());
    // Access requests are first saved at the end of the first account sync (clearReplica forgets when).
    return { ...result, firstSync: readAccessOverview(store, result.userRef).refreshedAt === null };
  })();
  options.publish(applied.removedGroups.map((groupNumber): CoreEvent => ({ type: 'roster.changed', groupNumber })));
  const news = new Set(options.mode === 'remote' && !applied.firstSync ? applied.addedGroups : []);

  for (const membership of me.groups) {
    const group = await client.group(membership.groupNumber);
    const balance = roleAllows(membership.role, 'billing.read') ? await groupBalance(client, membership.groupNumber) : null;
    if (options.aborted()) return null;
    store = options.store();
    const events = store.db.transaction(() => {
      saveRemoteGroup(store, group, applied.userRef, membership.role, options.today(), options.now());
      saveGroupBalance(store, group.groupNumber, balance);
      if (!news.has(group.groupNumber)) return [];
      return createNotification(store.db, {
        groupNumber: group.groupNumber,
        kind: 'access.changed',
        title: `Access to ${group.name} (group ${group.groupNumber}) is ready`,
        body: `You can now work with ${group.name} as ${roleLabels[membership.role]}.`,
        link: '#/',
        outboxRef: null,
        createdAt: options.now(),
      });
    })();
    options.publish(events);
  }

  const requests = await client.accessRequests();
  if (options.aborted()) return null;
  store = options.store();
  const before = JSON.stringify(readAccessOverview(store, applied.userRef).requests);
  saveAccessRequests(store, applied.userRef, requests, options.now(), { replace: true });
  if (JSON.stringify(readAccessOverview(store, applied.userRef).requests) !== before) options.publish([{ type: 'access.changed' }]);
  // Every role that reads members or invoices pulls the feed; the plan sends a billing user only its invoices.
  const feeds = me.groups.filter((g) => roleAllows(g.role, 'members.read') || roleAllows(g.role, 'billing.read')).map((g) => g.groupNumber);
  return { userRef: applied.userRef, login: me.userId.toLowerCase(), groups: feeds };
}

/** The group's balance, or null when the plan refuses it or has no Bill Pay (403, 404). */
async function groupBalance(client: PlanClient, groupNumber: string): Promise<BillingSummary | null> {
  try {
    return await client.billingSummary(groupNumber);
  } catch (error) {
    if (error instanceof PlanError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}
