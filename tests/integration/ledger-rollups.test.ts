/**
 * The ledger's rollups (ledger_monthly_sums, ledger_weekly_sums): the sums and plan expectations the dashboards read
 * for whole months and weeks. They must equal a full rebuild however the imports arrived (extracts extending the
 * coverage mid-week and mid-month, a new job plan version, leave), and the series read from them must equal the plan
 * worked out by hand, at the period's ragged edges as in the whole buckets between them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import { queryRows } from '@/lib/server/metrics/query';
import { getSeries } from '@/lib/server/metrics/series';
import { trustWideScope } from '@/lib/shared/scope';
import {
  clinic,
  consultant,
  createOrganisation,
  importRows,
  leave,
  list,
  planLine,
} from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** Both rollups of an organisation as sorted text. */
async function rollups(organisationId: number): Promise<string[]> {
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
  return rows.map((row) => JSON.stringify({ ...row, month: undefined, week: undefined })).sort();
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
