import type { Caller } from '@/lib/server/api/caller';
import { getPrisma } from '@/lib/server/db';
import { recordAuditEvent } from './audit-log';

export const NAMED_VIEW_ACTION = 'consultant.viewed';

/**
 * Records that the caller saw named data of these consultants (PRODUCT.md: every view of a named consultant's
 * data by someone other than that consultant is audited). A consultant looking at their own data is not recorded;
 * anonymised rows carry no id and are never passed here.
 */
export async function recordNamedViews(
  caller: Caller,
  consultantIds: readonly (number | null)[],
  details: Record<string, string | number | null>,
): Promise<void> {
  if (caller.userId === undefined) return;
  const own = new Set(caller.scope.viewer?.consultantIds ?? []);
  const others = [...new Set(consultantIds)].filter((id): id is number => id !== null && !own.has(id));
  if (others.length === 0) return;
  await recordAuditEvent(await getPrisma(), {
    organisationId: caller.organisationId,
    actorUserId: caller.userId,
    action: NAMED_VIEW_ACTION,
    entityType: 'consultant',
    // One consultant: their id; several (a table): how many, with the ids in the details.
    entityId: others.length === 1 ? others[0] : null,
    details: { ...details, consultantIds: others.slice(0, 500), consultants: others.length },
    ipAddress: caller.ipAddress ?? null,
  });
}
