import type { WizardDraft } from './use-wizard-draft';

/**
 * For a wizard that keeps no draft: a reinstatement carries no input worth resuming (the member and
 * an optional note), and a rejected one is simply made again from the member.
 */
export const noDraft: WizardDraft = {
  loading: false,
  loadError: null,
  id: undefined,
  save: { state: 'idle' },
  flush: () => Promise.resolve(undefined),
  discard: () => Promise.resolve(),
  stop: () => undefined,
};
