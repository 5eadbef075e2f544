import { useCallback } from 'react';
import { useNavigate } from '@tanstack/react-router';
import type { WizardName } from '@shared/contract/schemas/transaction';
import type { TransactionKind } from '@shared/plan-api/eligibility';

export interface WizardSearch {
  draft?: number;
  replaces?: number;
}

/** Kinds with a wizard to correct them in; a reinstatement has none (it carries no form input). */
export const wizardForKind = (kind: TransactionKind): WizardName | null => (kind === 'reinstate' ? null : kind);

/** The member a wizard works on, as the plan request names it (the subscriber for a new dependent). */
export function requestMemberId(request: Record<string, unknown>, fallback: string | null): string | null {
  const id = request['subscriberId'] ?? request['memberId'];
  return typeof id === 'string' ? id : fallback;
}

/**
 * Opens a wizard at its route with `?draft=` (resume the saved input) and `?replaces=` (correct a
 * rejected change). Answers false when the wizard needs a member and none is known.
 */
export function useOpenWizard() {
  const navigate = useNavigate();
  return useCallback(
    (wizard: WizardName, memberId: string | null, search: WizardSearch): boolean => {
      switch (wizard) {
        case 'enroll':
          void navigate({ to: '/enroll', search });
          return true;
        case 'id_cards':
          void navigate({ to: '/id-cards', search });
          return true;
        case 'add_dependent':
          if (!memberId) return false;
          void navigate({ to: '/members/$memberId/add-dependent', params: { memberId }, search });
          return true;
        case 'terminate':
          if (!memberId) return false;
          void navigate({ to: '/members/$memberId/terminate', params: { memberId }, search });
          return true;
        case 'update_demographics':
          if (!memberId) return false;
          void navigate({ to: '/members/$memberId/demographics', params: { memberId }, search });
          return true;
      }
    },
    [navigate],
  );
}
