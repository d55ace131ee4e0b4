import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import type { ActivityFilter, Period } from './period';
import type { UnitLevel } from './scope-sql';
import { getUnitReport } from './unit-report';

export interface BaselineRow {
  level: UnitLevel;
  /** Null for an anonymised consultant. */
  id: number | null;
  key: string;
  name: string;
  patientsPerWeek: number | null;
  baselinePatientsPerWeek: number | null;
  /** (period − baseline) ÷ baseline; null without a baseline. */
  change: number | null;
}

/** Patients per week in a period against a baseline period (e.g. the same months a year earlier), per unit. */
export async function getBaselineComparison(
  database: Database,
  scope: Scope,
  request: { level: UnitLevel; period: Period; baseline: Period; activity: ActivityFilter },
): Promise<BaselineRow[]> {
  const [current, baseline] = await Promise.all([
    getUnitReport(database, scope, {
      level: request.level,
      period: request.period,
      activity: request.activity,
    }),
    getUnitReport(database, scope, {
      level: request.level,
      period: request.baseline,
      activity: request.activity,
    }),
  ]);
  const baselineByKey = new Map(baseline.rows.map((row) => [row.key, row.patientsPerWeek]));
  return current.rows.map((row) => {
    const before = baselineByKey.get(row.key) ?? null;
    return {
      level: row.level,
      id: row.id,
      key: row.key,
      name: row.name,
      patientsPerWeek: row.patientsPerWeek,
      baselinePatientsPerWeek: before,
      change: before && row.patientsPerWeek !== null ? (row.patientsPerWeek - before) / before : null,
    };
  });
}
