import type { PrismaClient } from '@/lib/server/generated/prisma/client';

/** Thrown when the organisation an import or command is for cannot be determined. */
export class UnknownOrganisationError extends Error {}

/**
 * The organisation a CLI command acts for: the one with `code`, or, when no code is given, the only one there is.
 */
export async function resolveOrganisation(
  prisma: PrismaClient,
  code?: string,
): Promise<{ id: number; code: string; name: string }> {
  if (code) {
    const organisation = await prisma.organisation.findUnique({ where: { code } });
    if (!organisation) throw new UnknownOrganisationError(`No organisation with code ${code}.`);
    return organisation;
  }
  const [only, another] = await prisma.organisation.findMany({ take: 2, orderBy: { id: 'asc' } });
  if (!only) {
    throw new UnknownOrganisationError(
      'No organisation yet: create it with `npm run --silent cli -- organisation:create <ODS code> "<name>"`.',
    );
  }
  if (another) {
    throw new UnknownOrganisationError(
      'There are several organisations: say which with --organisation <ODS code>.',
    );
  }
  return only;
}
