import type { SessionInfo } from '@shared/contract/methods/sync';

/**
 * Where a fresh sign-in lands: Settings when the plan requires two-step sign-in and it is off (the
 * session reaches nothing else until it is set up there), the dashboard, or Access when the user has
 * no group yet (a new account asks for access there: a primary-administrator request or an e-mailed access code).
 */
export function afterSignIn(session: SessionInfo) {
  if (session.twoFactorSetupRequired === true) return { to: '/settings' } as const;
  return session.mode === 'remote' && session.groups.length === 0 ? ({ to: '/access' } as const) : ({ to: '/' } as const);
}
