import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { UpdateActionRequest } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { actionSelect, isoDay } from './action-rows';
import { type ActionView, toActionViews } from './action-view';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { checkDueDate, type DueDateRule, noOwner } from './create-action';
import { getReviewParameters } from './parameters';
import { writableActionWhere } from './scope-where';

const CLOSED = new Set(['done', 'dropped']);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Changes an action the caller owns or whose unit or consultant they see named (404 otherwise): title, owner, due
 * date, status, metric, with an optional note. Each change is appended to the action's history (the fields before
 * and after) in the same transaction; a note alone is a comment. Closing (done, dropped) stamps when; reopening
 * clears it. A due date moved before `rule.dueNotBefore` is refused (400); other changes to an overdue action are not.
 */
export async function updateAction(
  database: Database,
  actor: ReviewActor,
  actionId: number,
  input: UpdateActionRequest,
  now: Date = new Date(),
  rule: DueDateRule = {},
): Promise<ActionView> {
  const organisationId = actor.organisationId;
  if (input.ownerUserId !== undefined) {
    const owner = await database.prisma.user.findFirst({
      where: { organisationId, id: input.ownerUserId, isActive: true },
      select: { id: true },
    });
    if (!owner) throw noOwner(input.ownerUserId);
  }
  const row = await database.prisma.$transaction(async (tx) => {
    const before = await tx.reviewAction.findFirst({
      where: { ...writableActionWhere(actor.scope, actor.userId), id: actionId },
      select: actionSelect,
    });
    if (!before) throw AppError.notFound(`No action ${actionId}.`);
    // Only a due date being moved is checked: an action already overdue can still be worked on and closed.
    if (input.dueOn !== undefined && input.dueOn !== isoDay(before.dueOn)) checkDueDate(input.dueOn, rule);
    const after = {
      title: input.title ?? before.title,
      ownerUserId: input.ownerUserId ?? before.ownerUserId,
      dueOn: input.dueOn === undefined ? isoDay(before.dueOn) : input.dueOn,
      status: input.status ?? before.status,
      metricId: input.metricId === undefined ? before.metricId : input.metricId,
    };
    const previous = {
      title: before.title,
      ownerUserId: before.ownerUserId,
      dueOn: isoDay(before.dueOn),
      status: before.status,
      metricId: before.metricId,
    };
    const changes = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[])
        .filter((field) => after[field] !== previous[field])
        .map((field) => [field, { from: previous[field], to: after[field] }]),
    );
    const changed = Object.keys(changes).length > 0;
    if (!changed && input.note === undefined) return before;
    const isClosing = CLOSED.has(after.status) && !CLOSED.has(previous.status);
    const isReopening = !CLOSED.has(after.status) && CLOSED.has(previous.status);
    const updated = changed
      ? await tx.reviewAction.update({
          where: { organisationId_id: { organisationId, id: actionId } },
          data: {
            title: after.title,
            ownerUserId: after.ownerUserId,
            dueOn: after.dueOn === null ? null : day(after.dueOn),
            status: after.status,
            metricId: after.metricId,
            ...(isClosing ? { closedAt: now } : isReopening ? { closedAt: null } : {}),
          },
          select: actionSelect,
        })
      : before;
    await tx.actionEvent.create({
      data: {
        organisationId,
        actionId,
        kind: changed ? 'updated' : 'commented',
        changes: changed ? (changes as Prisma.InputJsonValue) : undefined,
        note: input.note ?? null,
        actorUserId: actor.userId ?? null,
        occurredAt: now,
      },
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.actionUpdated,
      entityType: 'action',
      entityId: actionId,
      details: { changes, ...(input.note ? { note: true } : {}) } as Prisma.InputJsonValue,
    });
    return updated;
  });
  const { actionEscalationDays } = await getReviewParameters(database, organisationId);
  const [view] = await toActionViews(database, actor.scope, [row], { escalationDays: actionEscalationDays });
  return view as ActionView;
}

/** Whether the caller may change the action: the rule `updateAction` applies (their own, or of what they see named). */
export async function canChangeAction(
  database: Database,
  actor: ReviewActor,
  actionId: number,
): Promise<boolean> {
  const count = await database.prisma.reviewAction.count({
    where: { ...writableActionWhere(actor.scope, actor.userId), id: actionId },
  });
  return count > 0;
}
