import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { Database } from '../db';
import { getUserNames, isoDay } from './action-rows';

export const challengeInclude = {
  consultant: { select: { id: true, gmcNumber: true, name: true, specialtyId: true } },
} as const satisfies Prisma.ChallengeInclude;

type ChallengeRow = Prisma.ChallengeGetPayload<{ include: typeof challengeInclude }>;

/** A challenge and what became of it. Only ever read for consultants the reader sees named. */
export interface ChallengeView {
  id: number;
  consultant: { id: number; gmcNumber: string; name: string; specialtyId: number };
  sessionDate: string | null;
  sessionPeriod: string | null;
  weekStart: string | null;
  metricId: string | null;
  shownValue: string | null;
  reason: string;
  status: 'open' | 'accepted' | 'explained';
  raisedBy: { userId: number; name: string | null };
  raisedAt: string;
  resolution: string | null;
  correctionNote: string | null;
  resolvedBy: { userId: number; name: string | null } | null;
  resolvedAt: string | null;
}

export async function toChallengeViews(
  database: Database,
  organisationId: number,
  rows: readonly ChallengeRow[],
): Promise<ChallengeView[]> {
  const names = await getUserNames(
    database,
    organisationId,
    rows.flatMap((row) => [row.raisedByUserId, row.resolvedByUserId]),
  );
  const person = (userId: number) => ({ userId, name: names.get(userId) ?? null });
  return rows.map((row) => ({
    id: row.id,
    consultant: row.consultant,
    sessionDate: isoDay(row.sessionDate),
    sessionPeriod: row.sessionPeriod,
    weekStart: isoDay(row.weekStart),
    metricId: row.metricId,
    shownValue: row.shownValue,
    reason: row.reason,
    status: row.status,
    raisedBy: person(row.raisedByUserId),
    raisedAt: row.raisedAt.toISOString(),
    resolution: row.resolution,
    correctionNote: row.correctionNote,
    resolvedBy: row.resolvedByUserId === null ? null : person(row.resolvedByUserId),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  }));
}
