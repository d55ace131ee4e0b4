import type { Prisma } from '@/lib/server/generated/prisma/client';
import { isoDay } from './action-rows';
import type { MeetingSummary } from './meeting-view';

export const meetingSummarySelect = {
  id: true,
  unitLevel: true,
  periodFrom: true,
  periodTo: true,
  activity: true,
  status: true,
  startedAt: true,
  closedAt: true,
  specialty: { select: { id: true, code: true, name: true } },
  division: { select: { id: true, code: true, name: true } },
} as const satisfies Prisma.ReviewMeetingSelect;

export type MeetingSummaryRow = Prisma.ReviewMeetingGetPayload<{ select: typeof meetingSummarySelect }>;

export function toMeetingSummary(row: MeetingSummaryRow): MeetingSummary {
  const unit = row.unitLevel === 'specialty' && row.specialty ? row.specialty : row.division;
  return {
    id: row.id,
    unit: { level: row.unitLevel, id: unit.id, code: unit.code, name: unit.name },
    period: { from: isoDay(row.periodFrom) as string, to: isoDay(row.periodTo) as string },
    activity: row.activity,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
