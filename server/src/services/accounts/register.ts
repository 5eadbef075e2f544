import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import type { registerRequest } from '@shared/plan-api/accounts';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { isUniqueViolation } from '../../store/errors';
import { recordAudit } from '../audit';
import { hashPassword } from './password-hash';
import { passwordProblem } from './passwords';
import { issueVerification, type IssuedVerification } from './verification';

export type Registration = z.output<typeof registerRequest>;

/** Creates the account (unverified) and its first e-mail verification. */
export async function register(db: Db, input: Registration, origin: { ip: string | null; now: Date }): Promise<IssuedVerification> {
  const problem = passwordProblem(input.password, input.userId);
  if (problem) throw new ContractFailure('VALIDATION', problem, { password: problem });
  const taken = () => new ContractFailure('CONFLICT', `The user ID ${input.userId} is taken. Choose another.`, { userId: 'Taken' });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ userId: users.userId }).from(users).where(eq(users.userId, input.userId)).limit(1);
      if (existing) throw taken();
      await tx.insert(users).values({
        userId: input.userId,
        passwordHash,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        passwordChangedAt: origin.now,
        createdAt: origin.now,
      });
      const verification = await issueVerification(tx, input.userId, origin.now);
      await recordAudit(tx, { actorUserId: input.userId, sessionId: null, action: 'account.register', target: `user:${input.userId}`, detail: { email: input.email }, ip: origin.ip, at: origin.now });
      return verification;
    });
  } catch (error) {
    // Two registrations of one user ID at the same moment: the second loses on the primary key.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
