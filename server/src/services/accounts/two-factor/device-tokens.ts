import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../store/db';
import { trustedDevices } from '../../../store/schema';
import { newId } from '../tokens';
import type { TwoFactorKeys } from './two-factor-keys';

/** How long "remember this computer" spares the second step. */
export const REMEMBERED_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * `v1.<device id>.<expiry, Unix seconds>.<HMAC>`, the HMAC over the same fields and the user ID:
 * a token altered in any part, or presented for another user, fails its signature; an expired one
 * fails its date; a revoked one fails its row (turning two-step sign-in off, changing the password,
 * signing out everywhere).
 */
const signed = (deviceId: string, userId: string, expiresSeconds: number) => `v1.${deviceId}.${expiresSeconds}|${userId}`;

export async function rememberDevice(db: Db, keys: TwoFactorKeys, userId: string, now: Date): Promise<{ deviceToken: string; expiresAt: Date }> {
  const deviceId = newId();
  const expiresSeconds = Math.floor((now.getTime() + REMEMBERED_DEVICE_MS) / 1000);
  const expiresAt = new Date(expiresSeconds * 1000);
  await db.insert(trustedDevices).values({ deviceId, userId, expiresAt, createdAt: now });
  return { deviceToken: `v1.${deviceId}.${expiresSeconds}.${keys.sign(signed(deviceId, userId, expiresSeconds))}`, expiresAt };
}

/** True when the token was issued to this user, is unaltered, unexpired and not revoked. */
export async function deviceRemembered(db: Db, keys: TwoFactorKeys, userId: string, token: string | undefined, now: Date): Promise<boolean> {
  const parts = /^v1\.([0-9a-f]{32})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!parts) return false;
  const [, deviceId = '', expires = '', signature = ''] = parts;
  const expiresSeconds = Number(expires);
  if (!keys.verify(signed(deviceId, userId, expiresSeconds), signature)) return false;
  if (expiresSeconds * 1000 <= now.getTime()) return false;
  const [row] = await db
    .select({ deviceId: trustedDevices.deviceId })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.deviceId, deviceId), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/** Every remembered computer of the user must pass the second step again. Returns how many were revoked. */
export async function forgetDevices(db: Db, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .returning({ deviceId: trustedDevices.deviceId });
  return revoked.length;
}
