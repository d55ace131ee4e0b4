import 'server-only';
import { cache } from 'react';
import { getDatabase } from '@/lib/server/db';
import { getSeries } from '@/lib/server/metrics/series';
import { getSpecialtyView } from '@/lib/server/metrics/views';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import { type ActivityOption, weeksEnding } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

export const SPECIALTY_SPC_WEEKS = 52;

/** One specialty's view for the request (shared by its widgets); null when unknown or out of scope. */
export const loadSpecialtyView = cache(
  async (scope: Scope, specialtyId: number, from: string, to: string, activity: ActivityOption) =>
    getSpecialtyView(await getDatabase(), scope, { specialtyId, period: { from, to }, activity }),
);

/** The specialty's weekly series over the year ending with the period (SPC charts). */
export const loadSpecialtyWeekly = cache(
  async (scope: Scope, specialtyId: number, to: string, activity: ActivityOption) => {
    const series = await getSeries(await getDatabase(), scope, {
      level: 'specialty',
      bucket: 'week',
      unit: { level: 'specialty', id: specialtyId },
      period: weeksEnding(to, SPECIALTY_SPC_WEEKS),
      activity,
    });
    return series[0]?.points ?? [];
  },
);

/** Sustained over- and under-delivery flags of the specialty's consultants. */
export const loadWorkloadBalance = cache(
  async (scope: Scope, specialtyId: number, from: string, to: string, activity: ActivityOption) =>
    getWorkloadBalance(await getDatabase(), scope, {
      period: { from, to },
      activity,
      within: { level: 'specialty', id: specialtyId },
    }),
);
