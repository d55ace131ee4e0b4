import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getLedgerEntries, type LedgerEntry } from './ledger-entries';
import type { ActivityFilter, Period } from './period';
import { sharingReads } from './query';
import { getSeries, type SeriesPoint } from './series';
import { getUnitReport, type UnitReport, type UnitReportRow } from './unit-report';

interface ViewRequest {
  period: Period;
  activity: ActivityFilter;
}

export interface TrustOverview {
  trust: UnitReportRow | null;
  specialties: UnitReport;
  monthly: SeriesPoint[];
}

/** The trust (or the caller's part of it): headline figures, every specialty, and the monthly series. */
export async function getTrustOverview(
  database: Database,
  scope: Scope,
  request: ViewRequest,
): Promise<TrustOverview> {
  // The two reports read the same consultants, per-consultant sums and benchmarks (for a trust-wide caller).
  database = sharingReads(database);
  const [trust, specialties, series] = await Promise.all([
    getUnitReport(database, scope, { level: 'trust', ...request }),
    getUnitReport(database, scope, { level: 'specialty', ...request }),
    getSeries(database, scope, { level: 'trust', bucket: 'month', ...request }),
  ]);
  return { trust: trust.rows[0] ?? null, specialties, monthly: series[0]?.points ?? [] };
}

export interface SpecialtyView {
  specialty: UnitReportRow;
  consultants: UnitReport;
  weekly: SeriesPoint[];
}

/**
 * One specialty: its totals, its consultants' table and its weekly series. Null when it is outside the caller's
 * scope. Consultants' own weekly series are not part of it (no page draws them, and they were most of its bytes
 * and time): GET /api/metrics/series gives them.
 */
export async function getSpecialtyView(
  database: Database,
  scope: Scope,
  request: ViewRequest & { specialtyId: number },
): Promise<SpecialtyView | null> {
  database = sharingReads(database);
  const unit = { level: 'specialty', id: request.specialtyId } as const;
  const [specialty, consultants, weekly] = await Promise.all([
    getUnitReport(database, scope, { level: 'specialty', within: unit, ...request }),
    getUnitReport(database, scope, { level: 'consultant', within: unit, ...request }),
    getSeries(database, scope, { level: 'specialty', bucket: 'week', unit, ...request }),
  ]);
  const row = specialty.rows[0];
  if (!row) return null;
  return { specialty: row, consultants, weekly: weekly[0]?.points ?? [] };
}

export interface ConsultantView {
  consultant: UnitReportRow;
  report: UnitReport;
  weekly: SeriesPoint[];
  sessions: LedgerEntry[];
}

/** One consultant: metrics, weekly series and every ledger session. Null when outside the caller's scope. */
export async function getConsultantView(
  database: Database,
  scope: Scope,
  request: ViewRequest & { consultantId: number },
): Promise<ConsultantView | null> {
  database = sharingReads(database);
  const unit = { level: 'consultant', id: request.consultantId } as const;
  const [report, weekly, sessions] = await Promise.all([
    getUnitReport(database, scope, { level: 'consultant', within: unit, ...request }),
    getSeries(database, scope, { level: 'consultant', bucket: 'week', unit, ...request }),
    getLedgerEntries(database, scope, request),
  ]);
  const row = report.rows[0];
  if (!row) return null;
  return { consultant: row, report, weekly: weekly[0]?.points ?? [], sessions };
}
