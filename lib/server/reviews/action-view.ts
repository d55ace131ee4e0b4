import { todayInLondon } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';
import { grantCovers } from '@/lib/shared/scope';
import type { Database } from '../db';
import { type ActionRow, getUserNames, isOverdue, isoDay } from './action-rows';

/** An action as its readers see it: overdue and escalated flags, owner, and the consultant if seen named. */
export interface ActionView {
  id: number;
  title: string;
  status: ActionRow['status'];
  dueOn: string | null;
  isOverdue: boolean;
  /** Overdue by more than the trust's escalation days: shown to the divisional director. */
  isEscalated: boolean;
  owner: { userId: number; name: string | null };
  divisionId: number;
  specialtyId: number | null;
  /** Null without a consultant, or when the reader may not see them named. */
  consultant: { id: number; gmcNumber: string; name: string } | null;
  metricId: string | null;
  meetingId: number | null;
  createdAt: string;
  closedAt: string | null;
}

/** Days between two ISO dates. */
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Actions as the reader sees them (one query for the owners' names, one for the consultants). */
export async function toActionViews(
  database: Database,
  scope: Scope,
  rows: readonly ActionRow[],
  options: { escalationDays: number; today?: string },
): Promise<ActionView[]> {
  const today = options.today ?? todayInLondon();
  const consultantIds = [
    ...new Set(rows.flatMap((row) => (row.consultantId === null ? [] : [row.consultantId]))),
  ];
  const [owners, consultants] = await Promise.all([
    getUserNames(
      database,
      scope.organisationId,
      rows.map((row) => row.ownerUserId),
    ),
    consultantIds.length === 0
      ? Promise.resolve([])
      : database.prisma.consultant.findMany({
          where: { organisationId: scope.organisationId, id: { in: consultantIds } },
          select: { id: true, gmcNumber: true, name: true, specialtyId: true, divisionId: true },
        }),
  ]);
  const named = new Map(
    consultants
      .filter((consultant) => grantCovers(scope.named, consultant))
      .map((consultant) => [consultant.id, consultant]),
  );
  return rows.map((row) => {
    const overdue = isOverdue(row, today);
    const due = isoDay(row.dueOn);
    const consultant = row.consultantId === null ? undefined : named.get(row.consultantId);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      dueOn: due,
      isOverdue: overdue,
      isEscalated: overdue && due !== null && daysBetween(due, today) > options.escalationDays,
      owner: { userId: row.ownerUserId, name: owners.get(row.ownerUserId) ?? null },
      divisionId: row.divisionId,
      specialtyId: row.specialtyId,
      consultant: consultant
        ? { id: consultant.id, gmcNumber: consultant.gmcNumber, name: consultant.name }
        : null,
      metricId: row.metricId,
      meetingId: row.meetingId,
      createdAt: row.createdAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
    };
  });
}
