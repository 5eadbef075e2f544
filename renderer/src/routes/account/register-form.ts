import { z } from 'zod';
import { contract } from '@shared/contract';

const request = contract['account.register'].input.shape;

/**
 * The registration form: the core's own field schemas (so the messages agree), the confirmation
 * the core never sees, and the one password rule that needs another field. A blank phone is left out.
 */
export const registerForm = z
  .object({
    serviceUrl: request.serviceUrl,
    userId: request.userId,
    password: request.password,
    confirmPassword: z.string(),
    name: request.name,
    email: request.email,
    phone: z
      .string()
      .trim()
      .transform((phone) => (phone === '' ? undefined : phone))
      .pipe(request.phone),
  })
  .superRefine((values, ctx) => {
    if (values.password.toLowerCase().includes(values.userId))
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Your password must not contain your user ID.' });
    if (values.password !== values.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
  });

export type RegisterValues = z.input<typeof registerForm>;
export type RegisterParsed = z.output<typeof registerForm>;

export const registerFields = ['serviceUrl', 'userId', 'password', 'confirmPassword', 'name', 'email', 'phone'] as const;
