import { z } from 'zod';
import { fieldContext } from '../field-cipher';
import { statement } from '../statements';
import type { Store } from '../store';

/**
 * "Remember this computer" tokens from the plan service (two-step sign-in), one per service and user
 * ID, each encrypted under the data key and bound to its service and user: a token copied to another
 * entry does not open. Kept in their own settings row (`rememberedDevices`), not with the session, so
 * signing out keeps them; the service revokes them (turning two-step sign-in off, signing out
 * everywhere, a new password), and an expired one is dropped when read.
 */
const SETTING = 'rememberedDevices';
const entries = z.record(z.string(), z.object({ sealed: z.string(), expiresAt: z.string() }));

const entryKey = (serviceUrl: string, userId: string) => `${serviceUrl} ${userId.toLowerCase()}`;
const context = (key: string) => fieldContext('settings', SETTING, key);

function readAll(store: Store): z.infer<typeof entries> {
  const raw = statement(store.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as string | undefined;
  const parsed = raw === undefined ? null : entries.safeParse(JSON.parse(raw));
  return parsed?.success ? parsed.data : {};
}

function writeAll(store: Store, all: z.infer<typeof entries>, now: string): void {
  statement(store.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(SETTING, JSON.stringify(all), now);
}

export function readRememberedDevice(store: Store, serviceUrl: string, userId: string, now: string): string | undefined {
  const entry = readAll(store)[entryKey(serviceUrl, userId)];
  if (entry === undefined || entry.expiresAt <= now) return undefined;
  try {
    return store.cipher.decrypt(Buffer.from(entry.sealed, 'base64'), context(entryKey(serviceUrl, userId)));
  } catch {
    // Another data key (a restored file): the second step is asked again.
    return undefined;
  }
}

export function writeRememberedDevice(store: Store, serviceUrl: string, userId: string, device: { deviceToken: string; expiresAt: string }, now: string): void {
  const key = entryKey(serviceUrl, userId);
  // Expired entries go whenever one is written, so the row does not grow with every user ever seen here.
  const kept = Object.fromEntries(Object.entries(readAll(store)).filter(([, entry]) => entry.expiresAt > now));
  kept[key] = { sealed: store.cipher.encrypt(device.deviceToken, context(key)).toString('base64'), expiresAt: device.expiresAt };
  writeAll(store, kept, now);
}

export function forgetRememberedDevice(store: Store, serviceUrl: string, userId: string, now: string): void {
  const all = readAll(store);
  if (!(entryKey(serviceUrl, userId) in all)) return;
  delete all[entryKey(serviceUrl, userId)];
  writeAll(store, all, now);
}
