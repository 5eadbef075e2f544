import type { idCardReasons } from '../../../../shared/plan-api/eligibility';

type IdCardReason = (typeof idCardReasons)[number];

/** The plan's ID-card reasons in the words an HR administrator uses. */
export const idCardReasonLabels: Record<IdCardReason, string> = {
  new_card: 'New card (first card or plan change)',
  lost: 'Lost',
  stolen: 'Stolen',
  damaged: 'Damaged',
  not_received: 'Never received',
  information_changed: 'Information on the card changed',
};

export const shipToLabels = { member: "To the member's home address", employer: "To the employer's address" } as const;
