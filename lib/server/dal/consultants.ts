import { cache } from 'react';
import type { Scope } from '@/lib/shared/scope';
import { getPrisma } from '../db';

/**
 * The specialty id of a consultant of the caller's organisation, or null when there is no such consultant; cached
 * per request. It checks the organisation only, not the caller's grants: the consultant page uses it to start its
 * specialty's reads beside the consultant's own row, and those reads apply the caller's scope themselves. The id
 * is never shown, and the page still answers 404 from the own row.
 */
export const getConsultantSpecialtyId = cache(
  async (scope: Scope, consultantId: number): Promise<number | null> => {
    const prisma = await getPrisma();
    const consultant = await prisma.consultant.findUnique({
      where: { organisationId_id: { organisationId: scope.organisationId, id: consultantId } },
      select: { specialtyId: true },
    });
    return consultant?.specialtyId ?? null;
  },
);
