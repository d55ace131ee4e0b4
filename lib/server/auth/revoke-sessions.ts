import type { Prisma, PrismaClient } from '@/lib/server/generated/prisma/client';

/**
 * Ends every session of a user signed in before now: their session cookies, wherever copied, are refused from
 * the next request (resolveSessionUser compares the sign-in time with `sessions_valid_after`). Used on sign-out,
 * password reset and deactivation. Roles need no revocation: they are read afresh on every request.
 */
export async function revokeSessions(
  prisma: Pick<PrismaClient, 'user'> | Pick<Prisma.TransactionClient, 'user'>,
  organisationId: number,
  userId: number,
  now: Date = new Date(),
): Promise<void> {
  await prisma.user.updateMany({ where: { organisationId, id: userId }, data: { sessionsValidAfter: now } });
}
