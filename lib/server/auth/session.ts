import { getServerSession, type Session } from 'next-auth';
import { cache } from 'react';
import { getPrisma } from '@/lib/server/db';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';
import { getAuthConfig, getAuthOptions } from './auth-options';

/** The signed-in person, as every server function that needs to know who is asking sees them. */
export interface SessionUser {
  userId: number;
  organisationId: number;
  email: string;
  name: string;
}

/**
 * The signed-in user of the current request, or null: no session cookie, an expired or forged one, a sign-in
 * older than the session's maximum age or than the user's `sessions_valid_after` (signed out, password reset),
 * or a user who has since been deactivated or removed. The user row is
 * read afresh on every request (once: React's cache), so a deactivation takes effect at once; roles are not in
 * the session at all, so the caller resolves them from role_assignments on each request too.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  return resolveSessionUser(await getPrisma(), session, { maxAgeSeconds: getAuthConfig().maxAgeSeconds });
});

/**
 * Turns a decoded next-auth session into the user it stands for, checking the user in the database. Separate
 * from `getSessionUser` so that tests can feed it sessions without a request.
 */
export async function resolveSessionUser(
  prisma: PrismaClient,
  session: Session | null,
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
  // password or deactivated them, after this sign-in.
  if (user.sessionsValidAfter && signedInAt * 1000 < user.sessionsValidAfter.getTime()) return null;
  return { userId: user.id, organisationId: user.organisationId, email: user.email, name: user.name };
}
