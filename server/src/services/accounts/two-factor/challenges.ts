import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../store/db';
import { signInChallenges } from '../../../store/schema';
import { hashSecret, newSecret } from '../tokens';

/** Time to open the authenticator app and type a code; after that the password is asked again. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A challenge id for the second step: not a session, it opens nothing by itself. */
export async function issueChallenge(db: Db, userId: string, now: Date): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = newSecret();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.insert(signInChallenges).values({ challengeHash: hashSecret(challenge), userId, expiresAt, createdAt: now });
  return { challenge, expiresAt };
}

/** The user a live, unused challenge belongs to, or null. */
export async function challengedUser(db: Db, challenge: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ userId: signInChallenges.userId })
    .from(signInChallenges)
    .where(and(eq(signInChallenges.challengeHash, hashSecret(challenge)), isNull(signInChallenges.usedAt), gt(signInChallenges.expiresAt, now)))
    .limit(1);
  return row?.userId ?? null;
}

/** Marks the challenge used; false when another request used it first. */
export async function consumeChallenge(tx: Db, challenge: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(signInChallenges)
    .set({ usedAt: now })
    .where(and(eq(signInChallenges.challengeHash, hashSecret(challenge)), isNull(signInChallenges.usedAt), gt(signInChallenges.expiresAt, now)))
    .returning({ challengeHash: signInChallenges.challengeHash });
  return used.length === 1;
}
