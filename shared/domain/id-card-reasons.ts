import type { idCardReasons } from '../plan-api/eligibility';

export type IdCardReason = (typeof idCardReasons)[number];

/** Why new ID cards are needed, in the words an HR administrator uses (forms, reviews, Activity). */
export const idCardReasonLabels: Record<IdCardReason, string> = {
  new_card: 'New card (first card or plan change)',
  lost: 'Lost',
  stolen: 'Stolen',
  damaged: 'Damaged',
  not_received: 'Never received',
  information_changed: 'Information on the card changed',
};

/** The same reasons in a few words, for one-line summaries ("ID cards for 3 members (lost)"). */
export const idCardReasonShort: Record<IdCardReason, string> = {
  new_card: 'new card',
  lost: 'lost',
  stolen: 'stolen',
  damaged: 'damaged',
  not_received: 'not received',
  information_changed: 'information changed',
};

export const shipToLabels = { member: "To the member's home address", employer: "To the employer's address" } as const;
