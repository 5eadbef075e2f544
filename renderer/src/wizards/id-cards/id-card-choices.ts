import { z } from 'zod';
import { idCardReasons } from '@shared/plan-api/eligibility';
import { idCardReasonLabels, shipToLabels } from '@shared/domain/id-card-reasons';

/** `idCardRequest` (shared/plan-api) takes at most this many members in one request. */
export const maxIdCardMembers = 500;

/** Reason and destination of an ID-card request, as the wizard and the roster's bulk dialog ask them. */
export const idCardChoicesSchema = z.object({
  reason: z.string().pipe(z.enum(idCardReasons, { error: 'Choose why new cards are needed' })),
  shipTo: z.string().pipe(z.enum(['member', 'employer'], { error: 'Choose where to send the cards' })),
});
export type IdCardChoices = z.output<typeof idCardChoicesSchema>;

export const idCardReasonOptions = idCardReasons.map((r) => ({ value: r, label: idCardReasonLabels[r] }));
export const shipToOptions = [
  { value: 'member', label: shipToLabels.member, detail: 'Each card goes to the address on file for its employee.' },
  { value: 'employer', label: shipToLabels.employer, detail: 'All cards come to you, to hand out.' },
];
