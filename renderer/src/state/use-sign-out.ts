import type { ContractError } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { useStatusStore } from './status-store';
import { useAnnouncer } from './announcer';

/** Signing out of the plan service, as Settings and the header's account menu both offer it: the refusal, if any, is returned to show. */
export function useSignOut(): () => Promise<ContractError | null> {
  const api = useApi();
  const setSession = useStatusStore((s) => s.setSession);
  const announce = useAnnouncer((s) => s.announce);
  return async () => {
    const result = await api.call('session.signOut', {});
    if (!result.ok) return result.error;
    setSession(result.value);
    announce('Signed out. Changes you make wait on this computer until you sign in again.');
    return null;
  };
}
