import type { SessionInfo } from '@shared/contract/methods/sync';

/**
 * Where a fresh sign-in lands: the dashboard, or Access when the user has no group yet (a new
 * account asks for access there: a primary-administrator request or an e-mailed access code).
 */
export function afterSignIn(session: SessionInfo) {
  return session.mode === 'remote' && session.groups.length === 0 ? ({ to: '/access' } as const) : ({ to: '/' } as const);
}
