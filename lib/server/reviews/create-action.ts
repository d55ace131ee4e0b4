import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import { ACTION_FIELDS } from '@/lib/shared/schemas/review-fields';
import type { CreateActionRequest } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { actionSelect } from './action-rows';
import { type ActionView, toActionViews } from './action-view';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { getReviewParameters } from './parameters';
import {
  namedConsultantWhere,
  namedDivisionWhere,
  namedSpecialtyWhere,
  runnableMeetingWhere,
} from './scope-where';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** What a request may not ask of an action's due date. */
export interface DueDateRule {
  /** The earliest due date accepted (yyyy-mm-dd): the API passes today in London, so a new or moved due date is
   * never in the past. Left out by callers that record actions as they were (tests of overdue actions). */
  dueNotBefore?: string;
}

/** The 400 for an owner who is not an active user of the organisation, the field named as the form names it. */
export function noOwner(userId: number): AppError {
  return AppError.badRequest(`No active user ${userId} to own the action.`, [
    {
      path: 'ownerUserId',
      message: `${ACTION_FIELDS.ownerUserId.label}: ${ACTION_FIELDS.ownerUserId.expected}`,
    },
  ]);
}

/** Refuses (400) a due date before the rule's earliest. */
export function checkDueDate(dueOn: string | null | undefined, rule: DueDateRule): void {
  if (dueOn && rule.dueNotBefore && dueOn < rule.dueNotBefore)
    throw AppError.badRequest('The due date is in the past.', [
      { path: 'dueOn', message: `${ACTION_FIELDS.dueOn.label}: enter today or a later date` },
    ]);
}

/**
 * Creates an action for a unit or consultant the caller sees named (a consultant: about themselves), or in a
 * meeting they may run; 404 for anything outside that. The owner is the caller unless another active user of the
 * organisation is named; a due date before `rule.dueNotBefore` is refused (400). The action, its first history
 * event and the audit event are written together.
 */
export async function createAction(
  database: Database,
  actor: ReviewActor,
  input: CreateActionRequest,
  rule: DueDateRule = {},
): Promise<ActionView> {
  if (actor.userId === undefined) throw AppError.badRequest('Actions are created by a signed-in person.');
  checkDueDate(input.dueOn, rule);
  const organisationId = actor.organisationId;
  const unit = await resolveActionUnit(database, actor, input);
  const ownerUserId = input.ownerUserId ?? actor.userId;
  const owner = await database.prisma.user.findFirst({
    where: { organisationId, id: ownerUserId, isActive: true },
    select: { id: true },
  });
  if (!owner) throw noOwner(ownerUserId);
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    const created = await tx.reviewAction.create({
      data: {
        organisationId,
        title: input.title,
        ownerUserId,
        dueOn: input.dueOn ? day(input.dueOn) : null,
        ...unit,
        metricId: input.metricId ?? null,
        meetingId: input.meetingId ?? null,
        createdByUserId: userId,
      },
      select: actionSelect,
    });
    const initial = {
      title: created.title,
      ownerUserId,
      dueOn: input.dueOn ?? null,
      status: created.status,
      ...unit,
      metricId: created.metricId,
      meetingId: created.meetingId,
    };
    await tx.actionEvent.create({
      data: {
        organisationId,
        actionId: created.id,
        kind: 'created',
        changes: initial as Prisma.InputJsonValue,
        actorUserId: userId,
      },
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.actionCreated,
      entityType: 'action',
      entityId: created.id,
      details: initial as Prisma.InputJsonValue,
    });
    return created;
  });
  const { actionEscalationDays } = await getReviewParameters(database, organisationId);
  const [view] = await toActionViews(database, actor.scope, [row], { escalationDays: actionEscalationDays });
  return view as ActionView;
}

/** The division, specialty and consultant an action belongs to, checked against what the caller sees named. */
async function resolveActionUnit(
  database: Database,
  actor: ReviewActor,
  input: CreateActionRequest,
): Promise<{ divisionId: number; specialtyId: number | null; consultantId: number | null }> {
  const prisma = database.prisma;
  const meeting =
    input.meetingId === undefined
      ? null
      : await prisma.reviewMeeting.findFirst({
          where: { ...runnableMeetingWhere(actor.scope), id: input.meetingId },
          select: { status: true, divisionId: true, specialtyId: true },
        });
  if (input.meetingId !== undefined && !meeting)
    throw AppError.notFound(`No review meeting ${input.meetingId}.`);
  if (meeting?.status === 'closed')
    throw AppError.conflict('The meeting is closed: create the action outside it.');

  if (input.consultantId !== undefined) {
    const consultant = await prisma.consultant.findFirst({
      where: { ...namedConsultantWhere(actor.scope), id: input.consultantId },
      select: { id: true, specialtyId: true, divisionId: true },
    });
    if (!consultant) throw AppError.notFound(`No consultant ${input.consultantId}.`);
    const specialtyId = meeting?.specialtyId ?? input.specialtyId ?? consultant.specialtyId;
    const divisionId = meeting?.divisionId ?? consultant.divisionId;
    if (
      meeting &&
      (consultant.divisionId !== divisionId ||
        (meeting.specialtyId !== null && consultant.specialtyId !== specialtyId))
    ) {
      throw AppError.badRequest('The consultant is not in the unit of this meeting.');
    }
    return { divisionId, specialtyId, consultantId: consultant.id };
  }
  if (meeting)
    return { divisionId: meeting.divisionId, specialtyId: meeting.specialtyId, consultantId: null };
  if (input.specialtyId !== undefined) {
    const specialty = await prisma.specialty.findFirst({
      where: { ...namedSpecialtyWhere(actor.scope), id: input.specialtyId },
      select: { id: true, divisionId: true },
    });
    if (!specialty) throw AppError.notFound(`No specialty ${input.specialtyId}.`);
    return { divisionId: specialty.divisionId, specialtyId: specialty.id, consultantId: null };
  }
  const divisionId = input.divisionId as number;
  const division = await prisma.division.findFirst({
    where: { ...namedDivisionWhere(actor.scope), id: divisionId },
    select: { id: true },
  });
  if (!division) throw AppError.notFound(`No division ${divisionId}.`);
  return { divisionId, specialtyId: null, consultantId: null };
}
