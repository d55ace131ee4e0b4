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

/** Rows a page of the units' open actions shows. */
export const UNIT_ACTIONS_PAGE_SIZE = 50;

/** One page of actions and how many there are in all. */
export interface ActionPage {
  actions: ActionView[];
  /** The page asked for (1-based); past the last page it holds no actions. */
  page: number;
  pageSize: number;
  total: number;
}

/** Overdue first, as they fall due earliest; then by due date (none last); ties in the order they were agreed. */
const DUE_ORDER: Prisma.ReviewActionOrderByWithRelationInput[] = [
  { dueOn: { sort: 'asc', nulls: 'last' } },
  { id: 'asc' },
];

/**
 * One page of the open and in-progress actions the caller may see that someone else owns: what those who run
 * reviews follow in their units. The scope, the status and the owner are in the query, and so are the order and
 * the page, so that a director of a large division reads 50 rows at a time, never thousands.
 */
export async function listOthersActionsInUnits(
  database: Database,
  actor: ReviewActor,
  { page, pageSize = UNIT_ACTIONS_PAGE_SIZE }: { page: number; pageSize?: number },
  today?: string,
): Promise<ActionPage> {
  const where: Prisma.ReviewActionWhereInput = {
    AND: [
      visibleActionWhere(actor.scope, actor.userId),
      ACTIVE,
      actor.userId === undefined ? {} : { ownerUserId: { not: actor.userId } },
    ],
  };
  const [total, rows, { actionEscalationDays }] = await Promise.all([
    database.prisma.reviewAction.count({ where }),
    database.prisma.reviewAction.findMany({
      where,
      select: actionSelect,
      orderBy: DUE_ORDER,
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    getReviewParameters(database, actor.organisationId),
  ]);
  const actions = await toActionViews(database, actor.scope, rows, {
    escalationDays: actionEscalationDays,
    today,
  });
  return { actions, page, pageSize, total };
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
