import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant } from '../schemas/primitives';
import { userId } from '../../plan-api/accounts';
import { roles } from '../roles';

/**
 * - `starting`: the embedded sandbox plan service is starting; `signed_out`: no session (remote mode);
 * - `connecting` / `syncing` / `idle`: online; `offline`: the service is unreachable (retrying with
 *   back-off at `nextAttemptAt`); `error`: the service answered something the app cannot use.
 */
export const syncStates = ['starting', 'signed_out', 'connecting', 'syncing', 'idle', 'offline', 'error'] as const;

export const syncStatus = z.object({
  mode: z.enum(['sandbox', 'remote']),
  state: z.enum(syncStates),
  online: z.boolean(),
  lastSyncAt: isoInstant.nullable(),
  /** Queued or sent transactions not yet answered. */
  pending: z.number().int().nonnegative(),
  /** Rejected transactions not yet corrected or dismissed. */
  rejected: z.number().int().nonnegative(),
  /** During a pull: how far the group's replica is. */
  progress: z.object({ groupNumber, applied: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** Why it is offline or in error, in words for the status bar. */
  message: z.string().nullable(),
  nextAttemptAt: isoInstant.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const sessionInfo = z.object({
  mode: z.enum(['sandbox', 'remote']),
  /** The plan service in use (the embedded one's loopback URL in the sandbox); null before one is known. */
  serviceUrl: z.string().nullable(),
  user: z.object({ userId: z.string(), name: z.string(), email: z.string() }).nullable(),
  groups: z.array(z.object({ groupNumber, name: z.string(), role: z.enum(roles) })),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

const serviceUrl = z
  .string()
  .trim()
  .url('Enter the address the plan gave you, like https://plan.example.com')
  .refine((u) => /^https?:\/\//.test(u), 'Use an http or https address')
  // The token goes over this connection: plain http only on this computer (a test or a tunnel).
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'Use https:// (plain http only for this computer)');

export const syncMethods = {
  'sync.status': method({ summary: 'Connection and sync state for the status bar.', permission: 'none', input: z.object({}).strict(), output: syncStatus }),
  'sync.now': method({ summary: 'Send queued transactions and pull changes now (resets the back-off).', permission: 'none', input: z.object({}).strict(), output: syncStatus }),
  'session.get': method({ summary: 'Who is signed in, where, and their groups and roles.', permission: 'none', input: z.object({}).strict(), output: sessionInfo }),
  'session.signIn': method({
    summary: 'Sign in to a remote plan service; replaces the sandbox or another service’s data on this computer.',
    permission: 'none',
    input: z
      .object({
        serviceUrl,
        userId,
        password: z.string().min(1, 'Enter your password').max(128),
        /** Required when unsent transactions would be discarded by switching services. */
        discardPending: z.boolean().default(false),
      })
      .strict(),
    output: sessionInfo,
  }),
  'session.signOut': method({ summary: 'End the session on the service and forget its token here.', permission: 'none', input: z.object({}).strict(), output: sessionInfo }),
  'session.useSandbox': method({
    summary: 'Go back to the embedded sandbox plan service.',
    permission: 'none',
    input: z.object({ discardPending: z.boolean().default(false) }).strict(),
    output: sessionInfo,
  }),
} as const;
