import { z } from 'zod';
import { groupNumber, isoInstant } from './schemas/primitives';
import { storeState } from './methods/app';

/** Events flow from the core to every renderer on one subscription channel. */
export const coreEvent = z.discriminatedUnion('type', [
  /** Members of a group changed (a local write or applied remote changes): refetch what is shown. */
  z.object({ type: z.literal('roster.changed'), groupNumber }),
  z.object({ type: z.literal('store.state'), store: storeState }),
  z.object({ type: z.literal('sync.status'), online: z.boolean(), lastSyncAt: isoInstant.nullable(), pending: z.number().int(), rejected: z.number().int() }),
]);
export type CoreEvent = z.infer<typeof coreEvent>;
