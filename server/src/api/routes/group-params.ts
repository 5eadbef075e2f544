import { z } from 'zod';
import { groupNumber } from '@shared/contract/schemas/primitives';

/** `/groups/:groupNumber/…`: every group route names its path parameter as the contract does. */
export const groupParams = z.object({ groupNumber }).strict();
