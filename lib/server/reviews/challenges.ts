import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { RaiseChallengeRequest, ResolveChallengeRequest } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { dayOrNull } from './action-rows';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { type ChallengeView, challengeInclude, toChallengeViews } from './challenge-view';
import { namedConsultantWhere, requireNamedConsultantId } from './scope-where';

/*
 * The challenge workflow: a consultant (about their own data) or their lead raises a challenge against a data
 * point → it waits in the admins' queue → an admin accepts it with the correction made to the source data, or
 * explains why the data stands. The challenge keeps the record (who, when, how); each step is audited.
 */

/** Raises a challenge against a data point of a consultant the caller sees named (404 otherwise). */
export async function raiseChallenge(
  database: Database,
  actor: ReviewActor,
  input: RaiseChallengeRequest,
): Promise<ChallengeView> {
  if (actor.userId === undefined) throw AppError.badRequest('Challenges are raised by a signed-in person.');
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    const consultantId = await requireNamedConsultantId(tx, actor.scope, input.consultantId);
    const created = await tx.challenge.create({
      data: {
        organisationId: actor.organisationId,
        consultantId,
        sessionDate: dayOrNull(input.sessionDate),
        sessionPeriod: input.sessionPeriod ?? null,
        weekStart: dayOrNull(input.weekStart),
        metricId: input.metricId ?? null,
        shownValue: input.shownValue ?? null,
        reason: input.reason,
        raisedByUserId: userId,
      },
      include: challengeInclude,
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.challengeRaised,
      entityType: 'challenge',
      entityId: created.id,
      details: {
        consultantId,
        sessionDate: input.sessionDate ?? null,
        metricId: input.metricId ?? null,
      },
    });
    return created;
  });
  return (await toChallengeViews(database, actor.organisationId, [row]))[0] as ChallengeView;
}

/** Challenges the caller raised, latest first (of consultants they still see named). */
export async function listMyChallenges(database: Database, actor: ReviewActor): Promise<ChallengeView[]> {
  if (actor.userId === undefined) return [];
  const rows = await database.prisma.challenge.findMany({
    where: {
      organisationId: actor.organisationId,
      raisedByUserId: actor.userId,
      consultant: namedConsultantWhere(actor.scope),
    },
    include: challengeInclude,
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  return toChallengeViews(database, actor.organisationId, rows);
}

/**
 * Every challenge about one consultant, whoever raised it, latest first — only when the caller sees that consultant
 * named (themselves, for a consultant; their specialty's or division's, for a lead or director; anyone, for an
 * administrator). Anyone else reads none: a consultant never reads challenges about a peer they see anonymised.
 * Who raised and resolved each is named, as a note's author is beside a consultant the reader sees named.
 */
export async function listConsultantChallenges(
  database: Database,
  actor: ReviewActor,
  consultantId: number,
): Promise<ChallengeView[]> {
  const rows = await database.prisma.challenge.findMany({
    where: {
      organisationId: actor.organisationId,
      consultantId,
      consultant: namedConsultantWhere(actor.scope),
    },
    include: challengeInclude,
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  return toChallengeViews(database, actor.organisationId, rows);
}

/** The admins' queue: open challenges oldest first (or those of another status, latest first). */
export async function getChallengeQueue(
  database: Database,
  actor: ReviewActor,
  status: 'open' | 'accepted' | 'explained' = 'open',
): Promise<ChallengeView[]> {
  const rows = await database.prisma.challenge.findMany({
    where: { organisationId: actor.organisationId, status, consultant: namedConsultantWhere(actor.scope) },
    include: challengeInclude,
    orderBy:
      status === 'open' ? [{ raisedAt: 'asc' }, { id: 'asc' }] : [{ resolvedAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  return toChallengeViews(database, actor.organisationId, rows);
}

/**
 * Resolves an open challenge: accepted (with the correction note) or explained (with the explanation), recording
 * who and when. 404 outside the caller's scope; 409 when it was already resolved (the first resolution stands:
 * the update is conditional on the challenge still being open, so two admins cannot both resolve it).
 */
export async function resolveChallenge(
  database: Database,
  actor: ReviewActor,
  challengeId: number,
  input: ResolveChallengeRequest,
  now: Date = new Date(),
): Promise<ChallengeView> {
  if (actor.userId === undefined) throw AppError.badRequest('Challenges are resolved by a signed-in person.');
  const organisationId = actor.organisationId;
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    const found = await tx.challenge.findFirst({
      where: { organisationId, id: challengeId, consultant: namedConsultantWhere(actor.scope) },
      select: { id: true },
    });
    if (!found) throw AppError.notFound(`No challenge ${challengeId}.`);
    const resolved = await tx.challenge.updateMany({
      where: { organisationId, id: challengeId, status: 'open' },
      data: {
        status: input.status,
        resolution: input.resolution ?? null,
        correctionNote: input.status === 'accepted' ? input.correctionNote : null,
        resolvedByUserId: userId,
        resolvedAt: now,
      },
    });
    if (resolved.count === 0) throw AppError.conflict(`Challenge ${challengeId} has already been resolved.`);
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action:
        input.status === 'accepted'
          ? REVIEW_AUDIT_ACTIONS.challengeAccepted
          : REVIEW_AUDIT_ACTIONS.challengeExplained,
      entityType: 'challenge',
      entityId: challengeId,
      details: {
        resolution: input.resolution ?? null,
        correctionNote: input.status === 'accepted' ? input.correctionNote : null,
      } as Prisma.InputJsonValue,
    });
    return tx.challenge.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: challengeId } },
      include: challengeInclude,
    });
  });
  return (await toChallengeViews(database, organisationId, [row]))[0] as ChallengeView;
}
