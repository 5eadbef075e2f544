import { z } from 'zod';

/** A plan service's address as a user types it. */
export const serviceUrl = z
  .string()
  .trim()
  .url('Enter the address the plan gave you, like https://plan.example.com')
  .refine((u) => /^https?:\/\//.test(u), 'Use an http or https address')
  // Passwords and the token go over this connection: plain http only on this computer (a test or a tunnel).
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'Use https:// (plain http only for this computer)');
