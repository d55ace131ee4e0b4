import type { AgendaAnnotation, AgendaChallenge, MemberRef } from '@/lib/shared/review-agenda';
import type { Database } from '../db';
import { getUserNames, isoDay } from './action-rows';

interface RecordsRequest {
  organisationId: number;
  consultantIds: readonly number[];
  period: { from: string; to: string };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const WEEK_MS = 7 * 86_400_000;

/** Shared annotations of the unit's consultants about the period, for the agenda (private ones never). */
export async function getAgendaAnnotations(
  database: Database,
  request: RecordsRequest,
): Promise<AgendaAnnotation<MemberRef>[]> {
  const rows = await database.prisma.annotation.findMany({
    where: {
      organisationId: request.organisationId,
      consultantId: { in: [...request.consultantIds] },
      visibility: 'shared',
      // A session or week inside the period, or (neither) a note written since the period began.
      OR: [
        { sessionDate: { gte: day(request.period.from), lte: day(request.period.to) } },
        {
          sessionDate: null,
          weekStart: {
            gt: new Date(day(request.period.from).getTime() - WEEK_MS),
            lte: day(request.period.to),
          },
        },
        { sessionDate: null, weekStart: null, createdAt: { gte: day(request.period.from) } },
      ],
    },
    orderBy: [{ consultantId: 'asc' }, { sessionDate: 'asc' }, { weekStart: 'asc' }, { id: 'asc' }],
  });
  const authors = await getUserNames(
    database,
    request.organisationId,
    rows.map((row) => row.authorUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    member: { kind: 'consultant', consultantId: row.consultantId },
    sessionDate: isoDay(row.sessionDate),
    sessionPeriod: row.sessionPeriod,
    weekStart: isoDay(row.weekStart),
    metricId: row.metricId,
    text: row.text,
    authorName: authors.get(row.authorUserId) ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Challenges of the unit's consultants: every open one, and those about the period however resolved. */
export async function getAgendaChallenges(
  database: Database,
  request: RecordsRequest,
): Promise<AgendaChallenge<MemberRef>[]> {
  const rows = await database.prisma.challenge.findMany({
    where: {
      organisationId: request.organisationId,
      consultantId: { in: [...request.consultantIds] },
      OR: [
        { status: 'open' },
        { sessionDate: { gte: day(request.period.from), lte: day(request.period.to) } },
        { sessionDate: null, weekStart: { gte: day(request.period.from), lte: day(request.period.to) } },
        { sessionDate: null, weekStart: null, raisedAt: { gte: day(request.period.from) } },
      ],
    },
    orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    member: { kind: 'consultant', consultantId: row.consultantId },
    sessionDate: isoDay(row.sessionDate),
    weekStart: isoDay(row.weekStart),
    metricId: row.metricId,
    reason: row.reason,
    status: row.status,
    resolution: row.resolution,
    correctionNote: row.correctionNote,
    raisedAt: row.raisedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  }));
}
