import { z } from 'zod';
import { method } from '../define';
import { isoInstant } from '../schemas/primitives';

/**
 * The local store's health as the core found it at start-up. Anything but `ready` makes the
 * renderer show a full-screen explanation instead of the app.
 */
export const storeState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  /** The file is not a GroupDesk database (corrupt or foreign); `app.startFresh` sets it aside. */
  z.object({ state: z.literal('corrupt'), path: z.string(), detail: z.string() }),
  /** Made by a newer GroupDesk: refused, never downgraded. */
  z.object({ state: z.literal('too_new'), path: z.string(), fileVersion: z.number().int(), appVersion: z.number().int() }),
  /** The data folder cannot be written. */
  z.object({ state: z.literal('unwritable'), path: z.string(), detail: z.string() }),
]);
export type StoreState = z.infer<typeof storeState>;

export const appStatus = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  store: storeState,
  /** `sandbox`: the demo data set on this machine; `remote`: a plan service (issue "Manage Members end to end"). */
  mode: z.enum(['sandbox', 'remote']),
  online: z.boolean(),
  lastSyncAt: isoInstant.nullable(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const appMethods = {
  'app.status': method({
    summary: 'Versions, store health, mode and connectivity.',
    permission: 'none',
    input: z.object({}).strict(),
    output: appStatus,
  }),
  'app.startFresh': method({
    summary: 'Set an unreadable database aside (renamed, never deleted) and start an empty one.',
    permission: 'none',
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ movedTo: z.string(), store: storeState }),
  }),
} as const;
