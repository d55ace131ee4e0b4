import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import type {
  CreateAnnotationRequest,
  ListAnnotationsQuery,
  UpdateAnnotationRequest,
} from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { dayOrNull, getUserNames, isoDay } from './action-rows';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { namedConsultantWhere, requireNamedConsultantId } from './scope-where';

/*
 * Annotations: context a consultant (about themselves) or their lead gives to a session, a week or a metric.
 * Written and read only for consultants the caller sees named; private ones are their author's alone; only the
 * author changes or deletes one. Every change is audited.
 */

export interface AnnotationView {
  id: number;
  consultantId: number;
  sessionDate: string | null;
  sessionPeriod: string | null;
  weekStart: string | null;
  metricId: string | null;
  text: string;
  visibility: 'shared' | 'private';
  author: { userId: number; name: string | null };
  isOwn: boolean;
  createdAt: string;
  updatedAt: string;
}

type AnnotationRow = Prisma.AnnotationGetPayload<object>;

async function toViews(
  database: Database,
  actor: ReviewActor,
  rows: AnnotationRow[],
): Promise<AnnotationView[]> {
  const names = await getUserNames(
    database,
    actor.organisationId,
    rows.map((row) => row.authorUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    consultantId: row.consultantId,
    sessionDate: isoDay(row.sessionDate),
    sessionPeriod: row.sessionPeriod,
    weekStart: isoDay(row.weekStart),
    metricId: row.metricId,
    text: row.text,
    visibility: row.visibility,
    author: { userId: row.authorUserId, name: names.get(row.authorUserId) ?? null },
    isOwn: row.authorUserId === actor.userId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Annotates a consultant the caller sees named (404 otherwise). */
export async function createAnnotation(
  database: Database,
  actor: ReviewActor,
  input: CreateAnnotationRequest,
): Promise<AnnotationView> {
  if (actor.userId === undefined) throw AppError.badRequest('Annotations are written by a signed-in person.');
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    const consultantId = await requireNamedConsultantId(tx, actor.scope, input.consultantId);
    const created = await tx.annotation.create({
      data: {
        organisationId: actor.organisationId,
        consultantId,
        sessionDate: dayOrNull(input.sessionDate),
        sessionPeriod: input.sessionPeriod ?? null,
        weekStart: dayOrNull(input.weekStart),
        metricId: input.metricId ?? null,
        text: input.text,
        visibility: input.visibility,
        authorUserId: userId,
      },
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.annotationCreated,
      entityType: 'annotation',
      entityId: created.id,
      details: { consultantId, visibility: input.visibility },
    });
    return created;
  });
  return (await toViews(database, actor, [row]))[0] as AnnotationView;
}

/** A consultant's annotations the caller may read (shared ones and their own), optionally about a period. */
export async function listAnnotations(
  database: Database,
  actor: ReviewActor,
  query: ListAnnotationsQuery,
): Promise<AnnotationView[]> {
  const from = dayOrNull(query.from);
  const to = dayOrNull(query.to);
  const dated = from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } : undefined;
  const rows = await database.prisma.annotation.findMany({
    where: {
      organisationId: actor.organisationId,
      consultantId: query.consultantId,
      consultant: namedConsultantWhere(actor.scope),
      OR: [{ visibility: 'shared' }, ...(actor.userId === undefined ? [] : [{ authorUserId: actor.userId }])],
      ...(dated
        ? {
            AND: [
              { OR: [{ sessionDate: dated }, { weekStart: dated }, { sessionDate: null, weekStart: null }] },
            ],
          }
        : {}),
    },
    orderBy: [
      { sessionDate: { sort: 'asc', nulls: 'last' } },
      { weekStart: { sort: 'asc', nulls: 'last' } },
      { id: 'asc' },
    ],
    take: 1000,
  });
  return toViews(database, actor, rows);
}

/** The caller's own annotation of a consultant they still see named, for a change (null: not found). */
function ownAnnotationWhere(actor: ReviewActor, id: number): Prisma.AnnotationWhereInput {
  return {
    organisationId: actor.organisationId,
    id,
    authorUserId: actor.userId ?? -1,
    consultant: namedConsultantWhere(actor.scope),
  };
}

/** Changes the text or visibility of the caller's own annotation (404 for anyone else's). */
export async function updateAnnotation(
  database: Database,
  actor: ReviewActor,
  id: number,
  input: UpdateAnnotationRequest,
): Promise<AnnotationView> {
  const row = await database.prisma.$transaction(async (tx) => {
    const found = await tx.annotation.findFirst({
      where: ownAnnotationWhere(actor, id),
      select: { id: true },
    });
    if (!found) throw AppError.notFound(`No annotation ${id}.`);
    const updated = await tx.annotation.update({
      where: { organisationId_id: { organisationId: actor.organisationId, id } },
      data: {
        ...(input.text === undefined ? {} : { text: input.text }),
        ...(input.visibility ? { visibility: input.visibility } : {}),
      },
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.annotationUpdated,
      entityType: 'annotation',
      entityId: id,
      details: { text: input.text !== undefined, visibility: input.visibility ?? null },
    });
    return updated;
  });
  return (await toViews(database, actor, [row]))[0] as AnnotationView;
}

/** Deletes the caller's own annotation (404 for anyone else's). */
export async function deleteAnnotation(database: Database, actor: ReviewActor, id: number): Promise<void> {
  await database.prisma.$transaction(async (tx) => {
    const deleted = await tx.annotation.deleteMany({ where: ownAnnotationWhere(actor, id) });
    if (deleted.count === 0) throw AppError.notFound(`No annotation ${id}.`);
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.annotationDeleted,
      entityType: 'annotation',
      entityId: id,
    });
  });
}
