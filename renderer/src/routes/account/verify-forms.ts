import { z } from 'zod';
import { contract } from '@shared/contract';
import { serviceUrl } from '@shared/contract/schemas/service-url';

// The core's own schemas for the two ways to verify, so the forms refuse what it would refuse.
const [byCode, byLink] = contract['account.verifyEmail'].input.options;

export const codeForm = z.object({ code: byCode.shape.code });
export type CodeValues = z.input<typeof codeForm>;

/** The service address is asked for only when this computer does not know it (a link opened on a new install). */
export const linkForm = z.object({ link: byLink.shape.link, serviceUrl });
export type LinkValues = z.input<typeof linkForm>;
