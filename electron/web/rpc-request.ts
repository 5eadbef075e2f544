import { z } from 'zod';

/** The only body /rpc accepts; the method name and input are checked again by the core's dispatcher. */
export const rpcRequest = z.object({ method: z.string().min(1).max(100), input: z.unknown() }).strict();

export const MAX_BODY_BYTES = 1024 * 1024;
