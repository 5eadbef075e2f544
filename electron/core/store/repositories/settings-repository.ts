import { z } from 'zod';
import { pendingVerification, type PendingVerification } from '@shared/contract/methods/account';
import { rosterExportColumns, rosterExportFormats } from '@shared/contract/methods/rosters';
import { keyHolder } from '@shared/contract/methods/app';
import { group } from '@shared/contract/schemas/group';
import type { Database } from 'better-sqlite3';
import { statement } from '../statements';
import type { Store } from '../store';

/**
 * The `settings` table's one owner: each key with the schema of its JSON value.
 * - `planService`: the remote plan service chosen in Settings; absent means the sandbox;
 * - `accessRefreshedAt`: when the access requests were last read from the plan (access-requests-cache.ts);
 * - `pendingVerification`: a registration waiting for its e-mailed code, so a restart resumes it;
 * - `lastServiceUrl`: the plan service last used, to prefill sign-in and registration;
 * - `welcomeDone`: Welcome was left (signed in, or chose the demo);
 * - `autoLockMinutes`: lock after this long without input (default 15);
 * - `locked`: the screen is locked, kept so that quitting and reopening does not unlock it;
 * - `unlockFailures`: passwords tried at the lock since it last opened (each counted before it is
 *   checked; the right one clears it), kept so that quitting and reopening does not reset the
 *   count (the fifth wrong one signs out);
 * - `rosterExportChoices`: the columns and format of each user's last roster download per group,
 *   keyed `<user id>/<group number>`, so the picker opens as they left it.
 * - `keyCheck`: a value derived from the data key the store was written under, and the app that
 *   holds that key (store/key-check.ts).
 * - `twoFactorSetupRequired`: the session reaches only two-step sign-in setup (the plan requires it);
 *   cleared when it is turned on or the session ends.
 * - `rememberedDevices` belongs to repositories/remembered-devices.ts (its values are encrypted).
 * - `planContacts`: each group's contacts as the plan last sent them (its billing team, its
 *   account-setup line), for Help; keyed by group number. Only ever read whole with its group, so a
 *   setting rather than columns of `groups`.
 */
const keys = {
  planService: z.object({ url: z.string().min(1) }),
  accessRefreshedAt: z.string(),
  pendingVerification: pendingVerification,
  lastServiceUrl: z.string().min(1),
  welcomeDone: z.literal(true),
  autoLockMinutes: z.number().int().nonnegative(),
  locked: z.literal(true),
  unlockFailures: z.number().int().positive(),
  rosterExportChoices: z.record(z.string(), z.object({ columns: z.array(z.enum(rosterExportColumns)).min(1), format: z.enum(rosterExportFormats) })),
  keyCheck: z.object({ check: z.string().min(1), holder: keyHolder.optional() }),
  twoFactorSetupRequired: z.literal(true),
  planContacts: z.record(z.string(), group.pick({ serviceTeam: true, accountSetupPhone: true })),
} as const;
type Key = keyof typeof keys;
type Value<K extends Key> = z.infer<(typeof keys)[K]>;

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export function readSetting<K extends Key>(store: Store, key: K): Value<K> | null {
  const raw = statement(store.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (raw === undefined) return null;
  const parsed = keys[key].safeParse(JSON.parse(raw));
  return parsed.success ? (parsed.data as Value<K>) : null;
}

/** `null` removes the key. */
export function writeSetting<K extends Key>(store: Store, key: K, value: Value<K> | null, now: string): void {
  if (value === null) deleteSetting(store, key);
  else
    statement(store.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
      key,
      JSON.stringify(keys[key].parse(value)),
      now,
    );
}

export function deleteSetting(store: Store, key: Key): void {
  statement(store.db, 'DELETE FROM settings WHERE key = ?').run(key);
}

export const readPendingVerification = (store: Store): PendingVerification | null => readSetting(store, 'pendingVerification');
export const autoLockMinutes = (store: Store): number => readSetting(store, 'autoLockMinutes') ?? DEFAULT_AUTO_LOCK_MINUTES;

type PlanContacts = Value<'planContacts'>[string];

/** The group's contacts as last saved (none from a plan service that predates them). */
export function readPlanContacts(db: Database, groupNumber: string): PlanContacts {
  const raw = statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get('planContacts') as string | undefined;
  const parsed = raw === undefined ? null : keys.planContacts.safeParse(JSON.parse(raw));
  return (parsed?.success ? parsed.data[groupNumber] : undefined) ?? {};
}

/**
 * Keeps the contacts the plan sent with a group, replacing what it sent before (absent ones are
 * dropped). Every refresh of a group sends them; the row is written only when they changed, so its
 * time says when they did.
 */
export function savePlanContacts(db: Database, groupNumber: string, contacts: PlanContacts, now: string): void {
  const raw = statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get('planContacts') as string | undefined;
  const parsed = raw === undefined ? null : keys.planContacts.safeParse(JSON.parse(raw));
  const saved = parsed?.success ? parsed.data : {};
  if (groupNumber in saved && sameContacts(saved[groupNumber] ?? {}, contacts)) return;
  const all = { ...saved, [groupNumber]: contacts };
  statement(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    'planContacts',
    JSON.stringify(keys.planContacts.parse(all)),
    now,
  );
}

function sameContacts(a: PlanContacts, b: PlanContacts): boolean {
  return a.accountSetupPhone === b.accountSetupPhone && a.serviceTeam?.name === b.serviceTeam?.name && a.serviceTeam?.phone === b.serviceTeam?.phone;
}
