import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { AgendaAction, MemberRef } from '@/lib/shared/review-agenda';
import type { Database } from '../db';

/** The columns of an action every reader needs. */
export const actionSelect = {
  id: true,
  title: true,
  status: true,
  dueOn: true,
  ownerUserId: true,
  divisionId: true,
  specialtyId: true,
  consultantId: true,
  metricId: true,
  meetingId: true,
  createdAt: true,
  closedAt: true,
} as const satisfies Prisma.ReviewActionSelect;

export type ActionRow = Prisma.ReviewActionGetPayload<{ select: typeof actionSelect }>;

export const isoDay = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** A request's optional ISO day as the date column stores it (UTC midnight), or null. */
export const dayOrNull = (iso: string | undefined): Date | null =>
  iso ? new Date(`${iso}T00:00:00Z`) : null;

const ACTIVE = new Set(['open', 'in_progress']);

/** Overdue: still open or in progress after its due date (`today` is the trust's date, Europe/London). */
export function isOverdue(row: Pick<ActionRow, 'status' | 'dueOn'>, today: string): boolean {
  const due = isoDay(row.dueOn);
  return ACTIVE.has(row.status) && due !== null && due < today;
}

/** Names of the given users of the organisation, by id. */
export async function getUserNames(
  database: Database,
  organisationId: number,
  userIds: readonly (number | null)[],
): Promise<Map<number, string>> {
  const ids = [...new Set(userIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const users = await database.prisma.user.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** An action as the agenda stores it (consultant by id; the reader's view replaces it). */
export function toAgendaAction(
  row: ActionRow,
  ownerNames: Map<number, string>,
  today: string,
): AgendaAction<MemberRef> {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    dueOn: isoDay(row.dueOn),
    isOverdue: isOverdue(row, today),
    ownerUserId: row.ownerUserId,
    ownerName: ownerNames.get(row.ownerUserId) ?? null,
    member: row.consultantId === null ? null : { kind: 'consultant', consultantId: row.consultantId },
    specialtyId: row.specialtyId,
    metricId: row.metricId,
    meetingId: row.meetingId,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
