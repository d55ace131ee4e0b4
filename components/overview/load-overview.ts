import 'server-only';
import { cache } from 'react';
import { getDatabase } from '@/lib/server/db';
import { getSeries } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getTrustOverview } from '@/lib/server/metrics/views';
import { type ActivityOption, weeksEnding, yearEarlier } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

/** Weeks of the trust's weekly series behind the tiles' SPC icons and sparklines. */
export const SPC_WEEKS = 52;

/** The trust overview for the period, shared by the widgets of one request (React cache). */
export const loadTrustOverview = cache(
  async (scope: Scope, from: string, to: string, activity: ActivityOption) =>
    getTrustOverview(await getDatabase(), scope, { period: { from, to }, activity }),
);

/** The trust's weekly series over the year ending with the period (for SPC icons and sparklines). */
export const loadTrustWeekly = cache(async (scope: Scope, to: string, activity: ActivityOption) => {
  const series = await getSeries(await getDatabase(), scope, {
    level: 'trust',
    bucket: 'week',
    period: weeksEnding(to, SPC_WEEKS),
    activity,
  });
  return series[0]?.points ?? [];
});

/** The trust's figures for the same period a year earlier (the baseline). */
export const loadTrustBaseline = cache(
  async (scope: Scope, from: string, to: string, activity: ActivityOption) => {
    const report = await getUnitReport(await getDatabase(), scope, {
      level: 'trust',
      period: yearEarlier({ from, to }),
      activity,
    });
    return { row: report.rows[0] ?? null, coveredPeriod: report.coveredPeriod, period: report.period };
  },
);
