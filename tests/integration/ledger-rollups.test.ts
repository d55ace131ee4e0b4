/**
 * The ledger's rollups (ledger_monthly_sums, ledger_weekly_sums) and their group sums per specialty and division
 * (ledger_*_group_sums): the sums and plan expectations the dashboards read for whole months and weeks. They must
 * equal a full rebuild however the imports arrived (extracts extending the coverage mid-week and mid-month, a new
 * job plan version, leave, a consultant moving specialty), the series read from them must equal the plan worked out
 * by hand, at the period's ragged edges as in the whole buckets between them, and a unit's series read from the
 * group sums must equal its consultants' series added up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import { type Bucket, getLedgerSums, type LedgerSumsRow } from '@/lib/server/metrics/ledger-sums';
import type { ActivityFilter } from '@/lib/server/metrics/period';
import { queryRows } from '@/lib/server/metrics/query';
import type { UnitLevel } from '@/lib/server/metrics/scope-sql';
import { getSeries } from '@/lib/server/metrics/series';
import { type Scope, trustWideScope } from '@/lib/shared/scope';
import {
  clinic,
  consultant,
  createOrganisation,
  importRows,
  leave,
  list,
  planLine,
  UROLOGY,
} from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** Both rollups of an organisation, and their group sums, as sorted text. */
async function rollups(organisationId: number): Promise<string[]> {
  const groups = await queryRows<Record<string, unknown>>(
    db,
    `SELECT 'weekly groups' AS rollup, to_char(week, 'YYYY-MM-DD') AS bucket, g.*
       FROM ledger_weekly_group_sums g WHERE organisation_id = $1
     UNION ALL
     SELECT 'monthly groups', to_char(month, 'YYYY-MM-DD'), g.*
       FROM ledger_monthly_group_sums g WHERE organisation_id = $1`,
    [organisationId],
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    `SELECT 'monthly' AS rollup, to_char(month, 'YYYY-MM-DD') AS bucket, m.*
       FROM ledger_monthly_sums m WHERE organisation_id = $1
     UNION ALL
     SELECT 'weekly', to_char(week, 'YYYY-MM-DD'), w.organisation_id, w.consultant_id, w.category, w.week,
            ${'planned, delivered_slots, leave_adequate_notice, leave_short_notice, sickness, hospital_cancelled, not_scheduled, unmatched_held, patients, clinic_patients, slots, booked, dna, late_not_seen, held_planned_minutes, touch_minutes, touch_minutes_capped, utilisation_planned_minutes, timed_starts, late_start_minutes, late_starts_15, late_starts_30, timed_finishes, early_finish_minutes, early_finishes_15, early_finishes_30, expected_gross_slots, annualised_expectation'
              .split(', ')
              .map((column) => `w.${column}`)
              .join(', ')}
       FROM ledger_weekly_sums w WHERE organisation_id = $1`,
    [organisationId],
  );
  return [...rows, ...groups]
    .map((row) => JSON.stringify({ ...row, month: undefined, week: undefined }))
    .sort();
}

/** The rollups as the imports left them, then after a full rebuild. */
async function incrementalAndFull(organisationId: number) {
  const incremental = await rollups(organisationId);
  await refreshLedger(db, organisationId);
  return { incremental, full: await rollups(organisationId) };
}

describe('rollups after incremental imports', () => {
  const R1 = '5900001';
  const R2 = '5900002';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNR');
    await importRows(db, org, 'consultants', [consultant(R1), consultant(R2)]);
    // R1: a weekly Monday AM clinic from Wednesday 2026-03-04, and 20 annualised lists a year.
    const plan = { gmc: R1, id: 'JP-R1', from: '2026-03-04' };
    await importRows(db, org, 'job-plans', [
      planLine(plan, { day: 'Mon', period: 'AM' }),
      planLine(plan, { type: 'theatre_list', annualSessions: 20 }),
    ]);
    // R2: a fortnightly Tuesday PM list.
    await importRows(db, org, 'job-plans', [
      planLine(
        { gmc: R2, id: 'JP-R2', from: '2026-03-02' },
        { type: 'theatre_list', day: 'Tue', period: 'PM', cycleWeeks: 2, cycleOffset: 0 },
      ),
    ]);
    // Clinic coverage 2026-03-02 … 2026-03-18 (a Wednesday), list coverage 2026-03-03 … 2026-03-17.
    await importRows(db, org, 'clinic-sessions', [
      clinic('R-0302', R1, '2026-03-02', 'AM', { attended: 5 }),
      clinic('R-0316', R1, '2026-03-16', 'AM', { attended: 7 }),
      clinic('R-0318', R2, '2026-03-18', 'PM', { attended: 3 }),
    ]);
    await importRows(db, org, 'theatre-lists', [
      list('L-0303', R2, '2026-03-03', 'PM', { attended: 4 }),
      list('L-0310', R1, '2026-03-10', 'AM', { attended: 6 }),
      list('L-0317', R2, '2026-03-17', 'PM', { cancelled: 'Surgeon unavailable' }),
    ]);
  });

  it('hold each whole week and month of the plan as worked out by hand', async () => {
    const rows = await queryRows<{ bucket: string; expected: number }>(
      db,
      `SELECT to_char(w.week, 'YYYY-MM-DD') AS bucket, w.expected_gross_slots AS expected
         FROM ledger_weekly_sums w JOIN consultants c ON c.id = w.consultant_id
        WHERE w.organisation_id = $1 AND c.gmc_number = $2 AND w.category = 'clinic'
        UNION ALL
       SELECT to_char(m.month, 'YYYY-MM-DD'), m.expected_gross_slots
         FROM ledger_monthly_sums m JOIN consultants c ON c.id = m.consultant_id
        WHERE m.organisation_id = $1 AND c.gmc_number = $2 AND m.category = 'clinic'
        ORDER BY 1`,
      [org, R1],
    );
    // In force from 03-04, covered to 03-18: 5 days of the week of 03-02, 7 of 03-09, 3 of 03-16; 15 of March.
    expect(rows).toEqual([
      { bucket: '2026-03-01', expected: (42 * 15) / 365 },
      { bucket: '2026-03-02', expected: (42 * 5) / 365 },
      { bucket: '2026-03-09', expected: (42 * 7) / 365 },
      { bucket: '2026-03-16', expected: (42 * 3) / 365 },
    ]);
  });

  it('equal a full rebuild after extracts extend the coverage mid-week and mid-month', async () => {
    // Clinics now to Tuesday 2026-04-07, lists to Thursday 2026-04-09.
    await importRows(db, org, 'clinic-sessions', [
      clinic('R-0323', R1, '2026-03-23', 'AM', { attended: 8 }),
      clinic('R-0407', R1, '2026-04-07', 'PM', { attended: 2 }),
    ]);
    await importRows(db, org, 'theatre-lists', [
      list('L-0331', R2, '2026-03-31', 'PM', { attended: 5 }),
      list('L-0409', R1, '2026-04-09', 'ALL', { attended: 9 }),
    ]);
    const { incremental, full } = await incrementalAndFull(org);
    expect(incremental).toEqual(full);
    // The full rebuild replaced every row: the planner has statistics of every table the dashboards read.
    const unanalysed = await queryRows<{ relname: string }>(
      db,
      `SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'ledger\\_%' AND reltuples < 0
          AND relname NOT IN ('ledger_coverage', 'ledger_refresh_requests') ORDER BY relname`,
      [],
    );
    expect(unanalysed).toEqual([]);
  });

  it('equal a full rebuild after a new job plan version and leave', async () => {
    // Version 2 from Wednesday 2026-03-25: Monday PM instead of AM.
    const plan = { gmc: R1, id: 'JP-R1', version: 2, from: '2026-03-25' };
    await importRows(db, org, 'job-plans', [
      planLine(plan, { day: 'Mon', period: 'PM' }),
      planLine(plan, { type: 'theatre_list', annualSessions: 30 }),
    ]);
    await importRows(db, org, 'leave', [leave(R2, '2026-03-30', '2026-04-03', 'annual')]);
    const { incremental, full } = await incrementalAndFull(org);
    expect(incremental).toEqual(full);
  });

  it('give weekly and monthly series equal to the plan, at the edges as between them', async () => {
    const scope = trustWideScope(org);
    // Wednesday 03-11 to Wednesday 04-01: a part-week, two whole weeks, a part-week; a part-month either side.
    const period = { from: '2026-03-11', to: '2026-04-01' };
    const weekly = await getSeries(db, scope, { level: 'trust', bucket: 'week', period, activity: 'clinic' });
    const monthly = await getSeries(db, scope, {
      level: 'trust',
      bucket: 'month',
      period,
      activity: 'clinic',
    });
    // R1's clinic line: version 1 (in force to 03-24), then version 2: one session a week throughout, 42 weeks.
    const expected = (days: number) => (42 * days) / 365;
    expect(weekly[0]?.points.map((point) => [point.from, point.expectedGross])).toEqual([
      ['2026-03-11', expected(5)],
      ['2026-03-16', expected(7)],
      ['2026-03-23', expected(2) + expected(5)],
      ['2026-03-30', expected(3)],
    ]);
    expect(monthly[0]?.points.map((point) => [point.from, point.expectedGross])).toEqual([
      ['2026-03-11', expected(14) + expected(7)],
      ['2026-04-01', expected(1)],
    ]);
  });
});

describe('group sums behind unit-level series', () => {
  const A = '5910001';
  const B = '5910002';
  const C = '5910003';
  let org: number;
  let scope: Scope;

  beforeAll(async () => {
    org = await createOrganisation(db, 'GRPS');
    scope = trustWideScope(org);
    await importRows(db, org, 'consultants', [consultant(A), consultant(B), consultant(C, UROLOGY)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: A, id: 'JP-A', from: '2026-03-02' }, { day: 'Mon', period: 'AM' }),
      // B: 10 annualised lists a year, so that extra lists are credited only up to the pro-rata expectation.
      planLine({ gmc: B, id: 'JP-B', from: '2026-03-02' }, { type: 'theatre_list', annualSessions: 10 }),
      planLine({ gmc: C, id: 'JP-C', from: '2026-03-02' }, { day: 'Tue', period: 'PM' }),
    ]);
    await importRows(db, org, 'clinic-sessions', [
      clinic('G-A-0302', A, '2026-03-02', 'AM', { attended: 5 }),
      clinic('G-A-0316', A, '2026-03-16', 'AM', { attended: 6 }),
      clinic('G-C-0303', C, '2026-03-03', 'PM', { attended: 4 }),
      clinic('G-C-0324', C, '2026-03-24', 'PM', { attended: 7 }),
      clinic('G-A-0406', A, '2026-04-06', 'AM', { attended: 3 }),
    ]);
    await importRows(db, org, 'theatre-lists', [
      list('G-B-0304', B, '2026-03-04', 'AM', { attended: 4 }),
      list('G-B-0305', B, '2026-03-05', 'PM', { attended: 3 }),
      list('G-B-0318', B, '2026-03-18', 'ALL', { attended: 9 }),
      list('G-B-0408', B, '2026-04-08', 'AM', { attended: 2 }),
    ]);
  });

  /** Each consultant's rows added up to the unit that the consultants table now puts them in. */
  async function summedFromConsultants(level: UnitLevel, bucket: Bucket, activity: ActivityFilter) {
    const period = { from: '2026-03-04', to: '2026-04-08' };
    const units = await queryRows<{ id: number; unit: number }>(
      db,
      `SELECT id, ${{ trust: 'organisation_id', division: 'division_id', specialty: 'specialty_id', consultant: 'id' }[level]} AS unit
         FROM consultants WHERE organisation_id = $1`,
      [org],
    );
    const unitOf = new Map(units.map((row) => [row.id, row.unit]));
    const perConsultant = await getLedgerSums(db, scope, { level: 'consultant', period, activity, bucket });
    const totals = new Map<string, Record<string, number | string>>();
    for (const row of perConsultant) {
      const key = `${unitOf.get(row.unitId)}|${row.category}|${row.bucket}`;
      const total = totals.get(key) ?? {
        unitId: unitOf.get(row.unitId) as number,
        category: row.category,
        bucket: row.bucket,
      };
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number' && column !== 'unitId')
          total[column] = ((total[column] as number) ?? 0) + value;
      }
      totals.set(key, total);
    }
    const read = await getLedgerSums(db, scope, { level, period, activity, bucket });
    return { expected: rounded([...totals.values()]), read: rounded(read) };
  }

  function rounded(rows: readonly (LedgerSumsRow | Record<string, number | string>)[]) {
    return rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, value]) => [
                key,
                typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value,
              ]),
          ),
        ),
      )
      .sort();
  }

  const cases = (['trust', 'division', 'specialty'] as const).flatMap((level) =>
    (['week', 'month'] as const).flatMap((bucket) =>
      (['all', 'list'] as const).map((activity) => ({ level, bucket, activity })),
    ),
  );

  it.each(cases)(
    'equal the consultants added up: $level by $bucket, $activity',
    async ({ level, bucket, activity }) => {
      const { expected, read } = await summedFromConsultants(level, bucket, activity);
      expect(read.length).toBeGreaterThan(0);
      expect(read).toEqual(expected);
    },
  );

  it('follow a consultant who moves specialty, as a full rebuild does', async () => {
    const ophthalmologyBefore = await summedFromConsultants('specialty', 'week', 'list');
    await importRows(db, org, 'consultants', [consultant(B, UROLOGY)]);
    const { incremental, full } = await incrementalAndFull(org);
    expect(incremental).toEqual(full);
    const after = await summedFromConsultants('specialty', 'week', 'list');
    expect(after.read).toEqual(after.expected);
    // B's lists were Ophthalmology's and are Urology's now.
    expect(after.read).not.toEqual(ophthalmologyBefore.read);
  });
});
