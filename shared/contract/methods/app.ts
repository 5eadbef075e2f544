import { z } from 'zod';
import { method } from '../define';
import { isoInstant } from '../schemas/primitives';

/**
 * The local store's health as the core found it at start-up. Anything but `ready` makes the
 * renderer show a full-screen explanation instead of the app.
 */
/** Which GroupDesk keeps a data key: the desktop app (OS keychain) or the browser host (`npm run web`, a key file). */
export const keyHolder = z.enum(['desktop', 'browser']);
export type KeyHolder = z.infer<typeof keyHolder>;

export const storeState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  /** The file is not a GroupDesk database (corrupt or foreign); `app.startFresh` sets it aside. */
  z.object({ state: z.literal('corrupt'), path: z.string(), detail: z.string() }),
  /** Made by a newer GroupDesk: refused, never downgraded. */
  z.object({ state: z.literal('too_new'), path: z.string(), fileVersion: z.number().int(), appVersion: z.number().int() }),
  /**
   * Written under another data key (the other GroupDesk app's, or a key lost with a restore):
   * refused, untouched. `writtenBy` is the app that recorded the key, when the file says; `detail`
   * says what to do in words.
   */
  z.object({ state: z.literal('wrong_key'), path: z.string(), writtenBy: keyHolder.nullable(), detail: z.string() }),
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
