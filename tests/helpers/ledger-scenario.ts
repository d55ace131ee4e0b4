/**
 * Helpers for the hand-built ledger scenarios (tests/integration/ledger-scenarios*.test.ts): canonical CSV rows for
 * each import kind, an import that must commit, the ledger read back as short readable lines, and report rows
 * compared with hand-computed numbers. Nothing here computes an expected value: the tests write them literally.
 */
import { expect } from 'vitest';
import type { ImportResult } from '@/lib/server/ingest/import-file';
import { refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import { queryRows } from '@/lib/server/metrics/query';
import type { UnitLevel } from '@/lib/server/metrics/scope-sql';
import { getUnitReport, type UnitReport, type UnitReportRow } from '@/lib/server/metrics/unit-report';
import type { ImportKindSlug } from '@/lib/shared/import-formats';
import { trustWideScope } from '@/lib/shared/scope';
import { consultantRow, csvOf, importCsv } from './import-helpers';
import type { TestDatabase } from './test-database';

type CsvRow = Record<string, string | number>;

/** A new organisation (trust) with default parameters, or the overrides given. */
export async function createOrganisation(
  db: TestDatabase,
  code: string,
  parameters: { benchmarkMinHeldSessions?: number; noticeThresholdDays?: number } = {},
): Promise<number> {
  const organisation = await db.prisma.organisation.create({
    data: { code, name: `Scenario ${code}`, parameters: { create: parameters } },
  });
  return organisation.id;
}

/** Imports rows through the real pipeline (CSV → importFile → ledger refresh); the import must commit. */
export async function importRows(
  db: TestDatabase,
  organisationId: number,
  kind: ImportKindSlug,
  rows: CsvRow[],
): Promise<ImportResult> {
  const result = await importCsv(db, organisationId, kind, csvOf(kind, rows));
  if (result.status !== 'committed') {
    throw new Error(`${kind} import ${result.status}: ${JSON.stringify(result.errors)}`);
  }
  return result;
}

export const OPHTHALMOLOGY = { specialty_code: '130', specialty_name: 'Ophthalmology' };
export const UROLOGY = { specialty_code: '101', specialty_name: 'Urology' };

/** A consultant row (division SURG); Ophthalmology unless another specialty is given. */
export function consultant(gmc: string, specialty = OPHTHALMOLOGY): CsvRow {
  return consultantRow(gmc, { ...specialty, division_code: 'SURG', division_name: 'Surgery' });
}

/** The internal id of a consultant. */
export async function consultantId(db: TestDatabase, organisationId: number, gmc: string): Promise<number> {
  const found = await db.prisma.consultant.findFirstOrThrow({ where: { organisationId, gmcNumber: gmc } });
  return found.id;
}

export interface PlanHeader {
  gmc: string;
  id: string;
  version?: number;
  status?: 'agreed' | 'draft';
  from: string;
  to?: string;
}

export interface PlanLine {
  type?: 'outpatient_clinic' | 'theatre_list' | 'endoscopy_list' | 'spa' | 'mdt';
  day?: 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri';
  period?: 'AM' | 'PM' | 'EVE';
  cycleWeeks?: number;
  cycleOffset?: number;
  annualSessions?: number;
  specialty?: string;
}

const SLOT_TIMES = {
  AM: ['09:00', '13:00'],
  PM: ['13:30', '17:30'],
  EVE: ['18:00', '21:00'],
} as const;

/** One job plan line (expected_weeks left to its default: 42 for clinics and lists). */
export function planLine(plan: PlanHeader, line: PlanLine): CsvRow {
  const [start, end] = line.period ? SLOT_TIMES[line.period] : ['', ''];
  return {
    gmc_number: plan.gmc,
    job_plan_id: plan.id,
    version: plan.version ?? 1,
    status: plan.status ?? 'agreed',
    agreed_on: plan.from,
    effective_from: plan.from,
    effective_to: plan.to ?? '',
    activity_type: line.type ?? 'outpatient_clinic',
    specialty_code: line.specialty ?? '130',
    day_of_week: line.day ?? '',
    period: line.period ?? '',
    start_time: start,
    end_time: end,
    cycle_weeks: line.cycleWeeks ?? '',
    cycle_offset: line.cycleOffset ?? '',
    annual_sessions: line.annualSessions ?? '',
    pa_value: 1,
  };
}

/** `{ attended: n }` for a held session, `{ cancelled: reason }` for a cancelled one. */
export type Happened = { attended: number } | { cancelled: string };

/** A clinic session row in the canonical format. */
export function clinic(
  id: string,
  gmc: string,
  date: string,
  period: 'AM' | 'PM' | 'EVE',
  happened: Happened,
  clinicCode = 'CLIN01',
): CsvRow {
  const attended = 'attended' in happened ? happened.attended : 0;
  const [start, end] = SLOT_TIMES[period];
  return {
    session_id: id,
    clinic_code: clinicCode,
    session_date: date,
    period,
    planned_start: start,
    planned_end: end,
    gmc_number: gmc,
    specialty_code: '130',
    status: 'attended' in happened ? 'held' : 'cancelled',
    cancel_reason: 'cancelled' in happened ? happened.cancelled : '',
    slots_new: 4,
    slots_fu: 8,
    booked: Math.max(12, attended),
    attended,
    dna: 0,
    late_not_seen: 0,
    patient_cancelled: 0,
    hospital_cancelled: 0,
    first_attendances: attended,
    follow_up_attendances: 0,
    additional: 'N',
  };
}

const LIST_TIMES = { AM: ['08:00', '12:00'], PM: ['13:00', '17:00'], ALL: ['08:00', '17:00'] } as const;

/** A theatre list row in the canonical format; `{ attended: n }` means n cases done. */
export function list(
  id: string,
  gmc: string,
  date: string,
  period: 'AM' | 'PM' | 'ALL',
  happened: Happened,
  theatre = 'TH01',
  specialty = '130',
): CsvRow {
  const cases = 'attended' in happened ? happened.attended : 0;
  const [start, end] = LIST_TIMES[period];
  return {
    list_id: id,
    theatre_code: theatre,
    list_date: date,
    period,
    planned_start: start,
    planned_end: end,
    gmc_number: gmc,
    specialty_code: specialty,
    list_type: 'theatre',
    status: 'attended' in happened ? 'held' : 'cancelled',
    cancel_reason: 'cancelled' in happened ? happened.cancelled : '',
    cases_booked: cases,
    cases_done: cases,
    additional: 'N',
  };
}

export interface LeaveOptions {
  startPeriod?: 'FULL' | 'AM' | 'PM';
  endPeriod?: 'FULL' | 'AM' | 'PM';
  requestedOn?: string;
  approvedOn?: string;
}

/** A leave row in the canonical format (full days unless periods are given). */
export function leave(
  gmc: string,
  start: string,
  end: string,
  type: 'annual' | 'study' | 'professional' | 'sick' | 'parental' | 'other',
  options: LeaveOptions = {},
): CsvRow {
  return {
    gmc_number: gmc,
    start_date: start,
    end_date: end,
    start_period: options.startPeriod ?? '',
    end_period: options.endPeriod ?? '',
    leave_type: type,
    requested_on: options.requestedOn ?? '',
    approved_on: options.approvedOn ?? '',
  };
}

export interface LedgerRow {
  id: string;
  gmc: string;
  date: string;
  period: string;
  category: string;
  outcome: string;
  location: string | null;
  cancelReason: string | null;
  noticeDays: number | null;
  patients: number;
  plannedMinutes: number | null;
}

/** Every ledger row of an organisation (optionally one consultant), in date, period, category, outcome order. */
export async function ledgerRows(
  db: TestDatabase,
  organisationId: number,
  gmc?: string,
): Promise<LedgerRow[]> {
  return queryRows<LedgerRow>(
    db,
    `SELECT l.id::text AS id, c.gmc_number AS gmc, to_char(l.session_date, 'YYYY-MM-DD') AS date,
            l.period::text AS period, l.category::text AS category, l.outcome::text AS outcome,
            COALESCE(cs.clinic_code, tl.theatre_code) AS location, l.cancel_reason AS "cancelReason",
            l.notice_days AS "noticeDays", l.patients::float8 AS patients,
            l.planned_minutes::float8 AS "plannedMinutes"
       FROM ledger_sessions l
       JOIN consultants c ON c.organisation_id = l.organisation_id AND c.id = l.consultant_id
       LEFT JOIN clinic_sessions cs ON cs.organisation_id = l.organisation_id AND cs.id = l.clinic_session_id
       LEFT JOIN theatre_lists tl ON tl.organisation_id = l.organisation_id AND tl.id = l.theatre_list_id
      WHERE l.organisation_id = $1 AND ($2::text IS NULL OR c.gmc_number = $2::text)
      ORDER BY c.gmc_number, l.session_date, l.period, l.category, l.outcome, l.patients`,
    [organisationId, gmc ?? null],
  );
}

/** One ledger row as a short line: "2026-03-03 AM clinic delivered". */
export function lineOf(row: LedgerRow): string {
  return `${row.date} ${row.period} ${row.category} ${row.outcome}`;
}

/** A consultant's ledger as short lines. */
export async function ledgerLines(db: TestDatabase, organisationId: number, gmc: string): Promise<string[]> {
  return (await ledgerRows(db, organisationId, gmc)).map(lineOf);
}

/** Everything in an organisation's ledger except the row ids, as sorted text (to compare two builds). */
export async function ledgerContent(db: TestDatabase, organisationId: number): Promise<string[]> {
  const rows = await ledgerRows(db, organisationId);
  return rows.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort();
}

/** The monthly rollup of an organisation as sorted text: it must agree with the ledger however it was built. */
async function monthlySumsContent(db: TestDatabase, organisationId: number): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM ledger_monthly_sums WHERE organisation_id = ${organisationId}`;
  return rows
    .map(
      (row) =>
        `monthly ${JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? Number(value) : value))}`,
    )
    .sort();
}

/**
 * The ledger as the imports left it (incremental refreshes) must equal a full rebuild from the same data.
 * Returns both, so that a test can show what differs.
 */
export async function incrementalAndFullLedger(
  db: TestDatabase,
  organisationId: number,
): Promise<{ incremental: string[]; full: string[] }> {
  const incremental = [
    ...(await ledgerContent(db, organisationId)),
    ...(await monthlySumsContent(db, organisationId)),
  ];
  await refreshLedger(db, organisationId);
  const full = [
    ...(await ledgerContent(db, organisationId)),
    ...(await monthlySumsContent(db, organisationId)),
  ];
  return { incremental, full };
}

/** getUnitReport with a trust-wide scope. */
export function unitReport(
  db: TestDatabase,
  organisationId: number,
  level: UnitLevel,
  period: Period,
  activity: ActivityFilter = 'all',
): Promise<UnitReport> {
  return getUnitReport(db, trustWideScope(organisationId), { level, period, activity });
}

/** The report row with this key (GMC number, specialty code, division code or organisation code). */
export function rowOf(report: UnitReport, key: string): UnitReportRow {
  const row = report.rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`No ${report.level} row ${key} in ${report.rows.map((r) => r.key).join(', ')}`);
  return row;
}

type Expected = { [key: string]: number | null | string | Expected };

/**
 * Compares the listed fields of a report row (nested objects such as lost.* too) with hand-computed values:
 * numbers to 9 decimal places, null exactly.
 */
export function expectMetrics(actual: unknown, expected: Expected, path = ''): void {
  for (const [key, value] of Object.entries(expected)) {
    const field = `${path}${key}`;
    const got = (actual as Record<string, unknown>)[key];
    if (value === null || typeof value === 'string') {
      expect(got, field).toBe(value);
    } else if (typeof value === 'number') {
      expect(typeof got, `${field} is a number`).toBe('number');
      expect(got as number, field).toBeCloseTo(value, 9);
    } else {
      expectMetrics(got, value, `${field}.`);
    }
  }
}
