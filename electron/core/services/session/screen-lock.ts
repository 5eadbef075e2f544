import { ContractFailure } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { readSetting, writeSetting } from '../../store/repositories/settings-repository';
import { createNotification } from '../../store/repositories/notifications-repository';
import type { Store } from '../../store/store';
import type { HandlerContext } from '../../dispatch/handler-types';
import type { SessionState } from '../../session/session-state';
import { readUnlockHash } from '../../store/repositories/session-store';
import { verifyUnlockPassword } from '../../session/unlock-hash';

/** Wrong passwords at the lock before GroupDesk signs out (the plan's own sign-in has its limit too). */
export const UNLOCK_ATTEMPTS = 5;

/**
 * Locks the screen of a remote session. The sandbox has no password, and a session begun without
 * one on this computer (a session handed over by a test or an earlier version) has nothing to
 * check an unlock against.
 */
export function lockScreen(store: Store, session: SessionState, now: string): void {
  if (session.mode === 'sandbox') throw new ContractFailure('RULE', 'The demo has no password to lock with.');
  if (readUnlockHash(store) === null) throw new ContractFailure('RULE', 'GroupDesk can lock only a session you signed in to on this computer. Sign in again to use the lock.');
  writeSetting(store, 'locked', true, now);
}

/**
 * Opens the lock when the password matches the one typed at sign-in, checked here so it works
 * offline. Each wrong one is counted in the store (a restart does not reset it); the fifth signs
 * out: the token is forgotten, unsent changes stay in the outbox for the next sign-in.
 */
export async function unlockScreen(store: Store, ports: UnlockPorts, password: string): Promise<void> {
  const { session, now } = ports;
  if (!session.locked(store)) return;
  // Each try is counted before its (slow) check, so tries sent together cannot outnumber the limit:
  // one arriving after the fifth is not checked at all.
  const tried = readSetting(store, 'unlockFailures') ?? 0;
  const failures = tried + 1;
  writeSetting(store, 'unlockFailures', failures, now());
  const hash = readUnlockHash(store);
  const matches = tried < UNLOCK_ATTEMPTS && hash !== null && (await verifyUnlockPassword(password, hash));
  if (!session.locked(store)) {
    // Signed out while this try was checked, by a try sent alongside that came after the fifth: the
    // fifth still tells the user why. Unlocked meanwhile by a right password: nothing left to open.
    const signedOut = session.actingUser(store) === null;
    if (signedOut && !matches && failures >= UNLOCK_ATTEMPTS) return signedOutAfterWrongPasswords(store, ports, failures === UNLOCK_ATTEMPTS);
    return;
  }
  if (matches) {
    store.db.transaction(() => {
      writeSetting(store, 'locked', null, now());
      writeSetting(store, 'unlockFailures', null, now());
    })();
    return;
  }
  if (failures < UNLOCK_ATTEMPTS) {
    const left = UNLOCK_ATTEMPTS - failures;
    throw new ContractFailure('AUTH', `That password is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before GroupDesk signs you out.`, { password: 'Wrong password' });
  }
  await ports.connection.signOut(store);
  return signedOutAfterWrongPasswords(store, ports, failures === UNLOCK_ATTEMPTS);
}

type UnlockPorts = Pick<HandlerContext, 'session' | 'connection' | 'now' | 'publish'>;

/**
 * The answer to a try at or past the limit, once the session has ended. One notice, from the fifth
 * try, whichever of the tries sent together finished signing out first.
 */
function signedOutAfterWrongPasswords(store: Store, { session, now, publish }: UnlockPorts, announce: boolean): never {
  const events = !announce ? [] : createNotification(store.db, {
    groupNumber: null,
    kind: 'sync.problem',
    title: 'Signed out after five wrong passwords',
    body: 'A wrong password was typed five times at the lock screen, so GroupDesk signed out. Sign in again to continue; changes waiting to be sent are kept.',
    link: '#/sign-in',
    outboxRef: null,
    createdAt: now(),
  });
  for (const event of [...events, { type: 'session.changed', session: session.info(store) } satisfies CoreEvent]) publish(event);
  throw new ContractFailure('AUTH', 'Five wrong passwords: GroupDesk signed you out. Sign in again to continue; your unsent changes are kept.', { password: 'Wrong password' });
}
