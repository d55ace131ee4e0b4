import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';

/** The signed-in person, as every server function that needs to know who is asking sees them. */
export interface SessionUser {
  userId: number;
  organisationId: number;
  email: string;
  name: string;
}

/** What a session cookie says about its sign-in: who, in which organisation, since when. */
export type SessionClaims = Pick<Session, 'userId' | 'organisationId' | 'signedInAt'>;

/** The claims of a decoded session cookie (our jwt callback wrote them at sign-in). */
export function sessionClaimsOf(token: JWT | null | undefined): SessionClaims {
  return {
    userId: Number(token?.sub),
    organisationId: token?.organisationId,
    signedInAt: token?.signedInAt,
  };
}

/**
 * Turns a decoded session into the user it stands for, or null: a sign-in older than the session's maximum age
 * or than the user's `sessions_valid_after` (signed out, password reset, deactivated), or a user who is
 * inactive or gone. The one rule for whether a session cookie still counts, for our pages and API and for
 * next-auth's own endpoints alike; one indexed read of the user.
 */
export async function resolveSessionUser(
  prisma: PrismaClient,
  session: SessionClaims | null,
  { maxAgeSeconds, now = new Date() }: { maxAgeSeconds: number; now?: Date },
): Promise<SessionUser | null> {
  const userId = session?.userId;
  const organisationId = session?.organisationId;
  if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(organisationId)) return null;
  // A sign-in lasts at most maxAge, however often the cookie was refreshed since.
  const signedInAt = session?.signedInAt;
  if (typeof signedInAt !== 'number' || now.getTime() / 1000 - signedInAt > maxAgeSeconds) return null;
  const user = await prisma.user.findUnique({
    where: { organisationId_id: { organisationId: organisationId as number, id: userId as number } },
    select: {
      id: true,
      organisationId: true,
      email: true,
      name: true,
      isActive: true,
      sessionsValidAfter: true,
    },
  });
  if (!user?.isActive) return null;
  // Revoked: the user signed out (a copied cookie must not outlive that), or an administrator reset their
  // password or deactivated them, after this sign-in — or in the same millisecond: a revocation must never miss a
  // session it was meant to end, and a new sign-in in that millisecond (only a script is that quick) merely has to
  // sign in again.
  if (user.sessionsValidAfter && Math.round(signedInAt * 1000) <= user.sessionsValidAfter.getTime())
    return null;
  return { userId: user.id, organisationId: user.organisationId, email: user.email, name: user.name };
}
