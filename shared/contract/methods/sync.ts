import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant } from '../schemas/primitives';
import { userId } from '../../plan-api/accounts';
import { roles } from '../roles';
import { serviceUrl } from '../schemas/service-url';
import { pendingVerification } from './account';
import { secondFactorInput } from './two-factor';

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
  /**
   * During a pull: how far the group's replica is, in feed changes; and during a first sync, in
   * members received of the group's members (absent when the plan service did not tell its count).
   */
  progress: z
    .object({
      groupNumber,
      applied: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      members: z.object({ received: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
    })
    .nullable(),
  /** Why it is offline or in error, in words for the status bar. */
  message: z.string().nullable(),
  nextAttemptAt: isoInstant.nullable(),
  /** Orders answers and events as the session's revision does: a window keeps the highest it has seen. */
  revision: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const sessionInfo = z.object({
  mode: z.enum(['sandbox', 'remote']),
  /** The plan service in use (the embedded one's loopback URL in the sandbox); null before one is known. */
  serviceUrl: z.string().nullable(),
  user: z.object({ userId: z.string(), name: z.string(), email: z.string() }).nullable(),
  groups: z.array(z.object({ groupNumber, name: z.string(), role: z.enum(roles) })),
  /**
   * First launch: nothing chosen yet (no plan service, no sign-in, demo not chosen). The app shows
   * Welcome (sign in, create an account, or explore the demo) over the sandbox starting behind it.
   */
  welcome: z.boolean(),
  /** The screen is locked (after inactivity or by the user): only unlocking, signing out and reading status work. */
  locked: z.boolean(),
  /** Lock after this many minutes without input; 0 never. Applies while signed in to a remote service. */
  autoLockMinutes: z.number().int().nonnegative(),
  /** A registration from this computer waiting for its e-mail code, so a restart resumes it. */
  pendingVerification: pendingVerification.nullable(),
  /** The last service address used (prefills sign-in and registration). */
  lastServiceUrl: z.string().nullable(),
  /** A sign-in whose password was right, waiting for its second step (two-step sign-in) until `expiresAt`. */
  secondFactor: z.object({ serviceUrl: z.string(), userId: z.string(), expiresAt: isoInstant }).nullable().optional(),
  /** The plan requires two-step sign-in of this user and it is off: the session can only set it up (Settings → Security). */
  twoFactorSetupRequired: z.boolean().optional(),
  /**
   * Orders the answers and events that carry the session: the core numbers each one it computes,
   * later ones higher. A window keeps the highest it has seen, so an answer overtaken on its way
   * by a newer event (they travel by different channels in the browser host) cannot undo it.
   */
  revision: z.number().int().nonnegative(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

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
  'session.completeSignIn': method({
    summary: 'The second step of a sign-in waiting for it: the authenticator app’s code or a recovery code, and whether to remember this computer for 30 days.',
    permission: 'none',
    input: secondFactorInput,
    output: sessionInfo,
  }),
  'session.signOut': method({ summary: 'End the session on the service and forget its token here.', permission: 'none', input: z.object({}).strict(), output: sessionInfo }),
  'session.signOutEverywhere': method({
    summary: 'End every other session of the user at the plan service and forget every remembered computer; this one stays signed in.',
    permission: 'none',
    input: z.object({}).strict(),
    output: z.object({ endedSessions: z.number().int().nonnegative(), forgottenDevices: z.number().int().nonnegative() }),
  }),
  'session.lock': method({ summary: 'Lock the screen now (signed in to a remote service only).', permission: 'none', input: z.object({}).strict(), output: sessionInfo }),
  'session.unlock': method({
    summary: 'Unlock with the password (checked on this computer, so it works offline); five wrong passwords sign out.',
    permission: 'none',
    input: z.object({ password: z.string().min(1, 'Enter your password').max(128) }).strict(),
    output: sessionInfo,
  }),
  'session.setAutoLock': method({
    summary: 'Lock after this many minutes without input (0: never).',
    permission: 'none',
    input: z.object({ minutes: z.union([z.literal(0), z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)]) }).strict(),
    output: sessionInfo,
  }),
  'session.dismissWelcome': method({ summary: 'Leave Welcome for the demo data (the sandbox).', permission: 'none', input: z.object({}).strict(), output: sessionInfo }),
  'session.useSandbox': method({
    summary: 'Go back to the embedded sandbox plan service.',
    permission: 'none',
    input: z.object({ discardPending: z.boolean().default(false) }).strict(),
    output: sessionInfo,
  }),
} as const;
