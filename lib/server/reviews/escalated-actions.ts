import { todayInLondon } from '@/lib/shared/periods';
import type { Database } from '../db';
import { actionSelect } from './action-rows';
import { type ActionView, toActionViews } from './action-view';
import type { ReviewActor } from './actor';
import { getReviewParameters } from './parameters';
import { visibleActionWhere } from './scope-where';

/** An escalated action with the divisional directors it escalates to. */
export interface EscalatedAction extends ActionView {
  escalatedTo: { userId: number; name: string }[];
}

/**
 * Escalation rule (trust parameter, default 28 days): open or in-progress actions overdue by more than the
 * parameter's days, among those the caller may see — a divisional director sees their division's. Each names the
 * division's directors (live role assignments) it escalates to. The date condition is in the query.
 */
export async function getEscalatedActions(
  database: Database,
  actor: ReviewActor,
  today: string = todayInLondon(),
): Promise<EscalatedAction[]> {
  const { actionEscalationDays } = await getReviewParameters(database, actor.organisationId);
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - actionEscalationDays * 86_400_000);
  const rows = await database.prisma.reviewAction.findMany({
    where: {
      AND: [
        visibleActionWhere(actor.scope, actor.userId),
        { status: { in: ['open', 'in_progress'] }, dueOn: { lt: cutoff } },
      ],
    },
    select: actionSelect,
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  const divisionIds = [...new Set(rows.map((row) => row.divisionId))];
  const directors =
    divisionIds.length === 0
      ? []
      : await database.prisma.roleAssignment.findMany({
          where: {
            organisationId: actor.organisationId,
            role: 'divisional_director',
            revokedAt: null,
            divisionId: { in: divisionIds },
            user: { isActive: true },
          },
          select: { divisionId: true, user: { select: { id: true, name: true } } },
          orderBy: { id: 'asc' },
        });
  const views = await toActionViews(database, actor.scope, rows, {
    escalationDays: actionEscalationDays,
    today,
  });
  return views.map((view) => ({
    ...view,
    escalatedTo: directors
      .filter((director) => director.divisionId === view.divisionId)
      .map((director) => ({ userId: director.user.id, name: director.user.name })),
  }));
}
