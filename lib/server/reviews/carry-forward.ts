import type { AgendaUnit } from '@/lib/shared/review-agenda';
import type { Database } from '../db';
import { type ActionRow, actionSelect } from './action-rows';

/** The actions of a unit: a specialty's own, or every action of a division (its specialties' included). */
export function unitActionsWhere(organisationId: number, unit: Pick<AgendaUnit, 'level' | 'id'>) {
  return unit.level === 'specialty'
    ? { organisationId, specialtyId: unit.id }
    : { organisationId, divisionId: unit.id };
}

/**
 * The actions a meeting carries forward from the unit's earlier reviews, automatically: every action of the unit
 * created before the meeting started that is still open or in progress, or that was closed (done, dropped) since
 * the previous meeting of the unit started — so the meeting sees what became of the last one's actions.
 */
export async function getCarriedForwardActions(
  database: Database,
  organisationId: number,
  request: { unit: Pick<AgendaUnit, 'level' | 'id'>; meetingId: number | null; startedAt: Date },
): Promise<ActionRow[]> {
  const previous = await database.prisma.reviewMeeting.findFirst({
    where: {
      organisationId,
      unitLevel: request.unit.level,
      ...(request.unit.level === 'specialty'
        ? { specialtyId: request.unit.id }
        : { divisionId: request.unit.id }),
      startedAt: { lt: request.startedAt },
      ...(request.meetingId === null ? {} : { id: { not: request.meetingId } }),
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    select: { startedAt: true },
  });
  return database.prisma.reviewAction.findMany({
    where: {
      ...unitActionsWhere(organisationId, request.unit),
      createdAt: { lt: request.startedAt },
      ...(request.meetingId === null
        ? {}
        : { OR: [{ meetingId: null }, { meetingId: { not: request.meetingId } }] }),
      AND: [
        {
          OR: [
            { status: { in: ['open', 'in_progress'] } },
            ...(previous ? [{ closedAt: { gte: previous.startedAt } }] : []),
          ],
        },
      ],
    },
    select: actionSelect,
    orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
  });
}
