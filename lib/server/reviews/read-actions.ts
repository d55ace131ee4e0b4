import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { ListActionsQuery } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { actionSelect, getUserNames } from './action-rows';
import { type ActionView, toActionViews } from './action-view';
import type { ReviewActor } from './actor';
import { getReviewParameters } from './parameters';
import { visibleActionWhere } from './scope-where';

export interface ActionEventView {
  id: number;
  kind: string;
  changes: unknown;
  note: string | null;
  actor: { userId: number; name: string | null } | null;
  occurredAt: string;
}

/** Open and in-progress actions first (soonest due first), then closed ones (latest first). */
const ORDER: Prisma.ReviewActionOrderByWithRelationInput[] = [
  { closedAt: { sort: 'desc', nulls: 'first' } },
  { dueOn: { sort: 'asc', nulls: 'last' } },
  { id: 'asc' },
];

async function views(
  database: Database,
  actor: ReviewActor,
  where: Prisma.ReviewActionWhereInput,
  today?: string,
) {
  const rows = await database.prisma.reviewAction.findMany({
    where,
    select: actionSelect,
    orderBy: ORDER,
    take: 500,
  });
  const { actionEscalationDays } = await getReviewParameters(database, actor.organisationId);
  return toActionViews(database, actor.scope, rows, { escalationDays: actionEscalationDays, today });
}

const ACTIVE: Prisma.ReviewActionWhereInput = { status: { in: ['open', 'in_progress'] } };

/** Actions the caller may see, optionally of one unit or consultant and one status ('active': open or in progress). */
export async function listActions(
  database: Database,
  actor: ReviewActor,
  query: ListActionsQuery,
  today?: string,
): Promise<ActionView[]> {
  return views(
    database,
    actor,
    {
      AND: [
        visibleActionWhere(actor.scope, actor.userId),
        {
          ...(query.divisionId === undefined ? {} : { divisionId: query.divisionId }),
          ...(query.specialtyId === undefined ? {} : { specialtyId: query.specialtyId }),
          ...(query.consultantId === undefined ? {} : { consultantId: query.consultantId }),
        },
        query.status === undefined ? {} : query.status === 'active' ? ACTIVE : { status: query.status },
      ],
    },
    today,
  );
}

/** "My actions": those the caller owns, open ones first, overdue flagged. */
export async function getMyActions(
  database: Database,
  actor: ReviewActor,
  today?: string,
): Promise<ActionView[]> {
  if (actor.userId === undefined) return [];
  return views(database, actor, { organisationId: actor.organisationId, ownerUserId: actor.userId }, today);
}

/** One action the caller may see, with its history (oldest first); null reads as not found. */
export async function getAction(
  database: Database,
  actor: ReviewActor,
  actionId: number,
  today?: string,
): Promise<(ActionView & { history: ActionEventView[] }) | null> {
  const [action] = await views(
    database,
    actor,
    { AND: [visibleActionWhere(actor.scope, actor.userId), { id: actionId }] },
    today,
  );
  if (!action) return null;
  const events = await database.prisma.actionEvent.findMany({
    where: { organisationId: actor.organisationId, actionId },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  });
  const names = await getUserNames(
    database,
    actor.organisationId,
    events.map((event) => event.actorUserId),
  );
  return {
    ...action,
    history: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      changes: event.changes,
      note: event.note,
      actor:
        event.actorUserId === null
          ? null
          : { userId: event.actorUserId, name: names.get(event.actorUserId) ?? null },
      occurredAt: event.occurredAt.toISOString(),
    })),
  };
}
