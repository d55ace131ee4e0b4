import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { categoriesOf, coveredWeeks, getMetricContext } from './context';
import {
  type CategoryPerSession,
  deriveSessionMetrics,
  perSessionByCategoryOf,
  type SessionMetrics,
} from './derive';
import { type Disclosure, planDisclosure, unitIdOf } from './disclosure';
import { addSums, emptySums, getLedgerSums, type LedgerSums } from './ledger-sums';
import { type ActivityFilter, dayNumber, isoFromDayNumber, type Period } from './period';
import type { UnitFilter, UnitLevel } from './scope-sql';
import { type ConsultantUnit, getConsultantUnits } from './units';

export interface SeriesRequest {
  level: UnitLevel;
  period: Period;
  activity: ActivityFilter;
  bucket: 'week' | 'month';
  /** One unit's series (otherwise every unit at the level in scope). */
  unit?: UnitFilter;
}

export interface SeriesPoint extends SessionMetrics {
  /** First and last day of the bucket inside the period (weeks run Monday to Sunday). */
  from: string;
  to: string;
  /** Weeks of the bucket the extracts cover. */
  weeks: number;
  /** Patients or cases per held session of each category the request covers (like with like, week by week). */
  perSessionByCategory: Partial<Record<'clinic' | 'list', CategoryPerSession>>;
}

/** A bucket's sums in all, and per category. */
interface BucketSums {
  sums: LedgerSums;
  byCategory: Partial<Record<'clinic' | 'list', LedgerSums>>;
}

export interface UnitSeries {
  /** The unit's id; null for an anonymised consultant. */
  unitId: number | null;
  /** GMC number, specialty or division code, organisation code, or an anonymised consultant's pseudonym. */
  key: string;
  points: SeriesPoint[];
}

/**
 * Weekly or monthly series of the session metrics per unit. Buckets with no covered days are left out (no data is
 * not zero); annualised credit is settled within each bucket.
 */
export async function getSeries(
  database: Database,
  scope: Scope,
  request: SeriesRequest,
): Promise<UnitSeries[]> {
  const [context, rows, consultants] = await Promise.all([
    getMetricContext(database, scope.organisationId),
    getLedgerSums(database, scope, request),
    getConsultantUnits(database, scope, request.level, request.unit),
  ]);
  const disclosure = await planDisclosure(database, scope, request.level, consultants);
  const keyOf = unitKeys(request.level, consultants, disclosure);
  const byUnit = new Map<number, Map<string, BucketSums>>();
  for (const row of rows) {
    const buckets = byUnit.get(row.unitId) ?? new Map<string, BucketSums>();
    const bucket = buckets.get(row.bucket) ?? {
      sums: emptySums(),
      byCategory: emptyCategorySums(request.activity),
    };
    addSums(bucket.sums, row);
    const categorySums = bucket.byCategory[row.category];
    if (categorySums) addSums(categorySums, row);
    buckets.set(row.bucket, bucket);
    byUnit.set(row.unitId, buckets);
  }
  const buckets = bucketsOf(request.period, request.bucket);
  const series = [...byUnit.entries()].flatMap(([unitId, sumsByBucket]) => {
    const identity = keyOf.get(unitId);
    if (!identity || !disclosure.isUnitShown(unitId)) return [];
    return [{ ...identity, sumsByBucket }];
  });
  // A stable order: named units by key, then anonymised consultants by pseudonym (saying nothing about who).
  series.sort((a, b) => Number(a.unitId === null) - Number(b.unitId === null) || a.key.localeCompare(b.key));
  return series.map(({ unitId, key, sumsByBucket }) => ({
    unitId,
    key,
    points: buckets.flatMap((bucket) => {
      const weeks = coveredWeeks(context.coverage, bucket, request.activity);
      if (weeks === 0) return [];
      const { sums, byCategory } = sumsByBucket.get(bucket.start) ?? {
        sums: emptySums(),
        byCategory: emptyCategorySums(request.activity),
      };
      const metrics = deriveSessionMetrics(sums, {
        weeks,
        dnaIncludesLateNotSeen: context.parameters.dnaIncludesLateNotSeen,
      });
      return [
        {
          from: bucket.from,
          to: bucket.to,
          weeks,
          ...metrics,
          perSessionByCategory: perSessionByCategoryOf(byCategory),
        },
      ];
    }),
  }));
}

/** Empty sums for each category the request covers (a category with no sessions still has its figure: none). */
function emptyCategorySums(activity: ActivityFilter): BucketSums['byCategory'] {
  return Object.fromEntries(categoriesOf(activity).map((category) => [category, emptySums()]));
}

/** Each unit's id and key as the caller may see them (consultants anonymised where they must be). */
function unitKeys(
  level: UnitLevel,
  consultants: readonly ConsultantUnit[],
  disclosure: Disclosure,
): Map<number, { unitId: number | null; key: string }> {
  const keys = new Map<number, { unitId: number | null; key: string }>();
  for (const consultant of consultants) {
    const unitId = unitIdOf(level, consultant);
    if (keys.has(unitId)) continue;
    if (level === 'consultant') {
      const identity = disclosure.identityOf(consultant);
      if (identity) keys.set(unitId, { unitId: identity.id, key: identity.key });
      continue;
    }
    const key = {
      specialty: consultant.specialtyCode,
      division: consultant.divisionCode,
      trust: consultant.organisationCode,
    }[level];
    keys.set(unitId, { unitId, key });
  }
  return keys;
}

interface BucketSpan extends Period {
  /** The bucket's own first day (a Monday, or the 1st), which may fall before the period starts. */
  start: string;
}

/** The weeks (Monday–Sunday) or calendar months of a period, clipped to it. */
export function bucketsOf(period: Period, bucket: 'week' | 'month'): BucketSpan[] {
  const spans: BucketSpan[] = [];
  const last = dayNumber(period.to);
  let start =
    bucket === 'week'
      ? dayNumber(period.from) - ((new Date(`${period.from}T00:00:00Z`).getUTCDay() + 6) % 7)
      : dayNumber(`${period.from.slice(0, 7)}-01`);
  while (start <= last) {
    const next = bucket === 'week' ? start + 7 : dayNumber(nextMonth(isoFromDayNumber(start)));
    const from = Math.max(start, dayNumber(period.from));
    spans.push({
      start: isoFromDayNumber(start),
      from: isoFromDayNumber(from),
      to: isoFromDayNumber(Math.min(next - 1, last)),
    });
    start = next;
  }
  return spans;
}

function nextMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
