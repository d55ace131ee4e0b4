/**
 * The hand-built ledger scenarios (issue 4, point 5), part 1: how job plans, bank holidays, leave, cancellations
 * and extracts settle into one outcome per planned session. Every scenario imports small CSV files through the real
 * pipeline (which refreshes the ledger after each import) into an organisation of its own, and checks answers
 * worked out by hand from the metric dictionary (PRODUCT.md) and LEDGER_RULES (lib/shared/metrics.ts).
 *
 * Calendar used (2026): Mondays in March 2, 9, 16, 23, 30; in April 6 (Easter Monday), 13, 20, 27; May 4 is the
 * Early May bank holiday; June 1 is a Monday. The ledger covers, per category, the first to the last date of that
 * category's extracts, so each scenario's extracts start and end on the dates noted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLedgerEntries } from '@/lib/server/metrics/ledger-entries';
import { queryRows } from '@/lib/server/metrics/query';
import { trustWideScope } from '@/lib/shared/scope';
import {
  clinic,
  consultant,
  consultantId,
  createOrganisation,
  expectMetrics,
  importRows,
  incrementalAndFullLedger,
  leave,
  ledgerLines,
  ledgerRows,
  list,
  planLine,
  rowOf,
  unitReport,
} from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('fortnightly lines: weeks counted from the Monday of the week of effective_from', () => {
  const B1 = '5200001';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNB');
    await importRows(db, org, 'consultants', [consultant(B1)]);
    // Effective from Wednesday 2026-03-04: the cycle is anchored on Monday 2026-03-02 (week 0).
    const plan = { gmc: B1, id: 'JP-B1', from: '2026-03-04' };
    await importRows(db, org, 'job-plans', [
      planLine(plan, { day: 'Mon', period: 'AM', cycleWeeks: 2, cycleOffset: 0 }),
      planLine(plan, { day: 'Mon', period: 'PM', cycleWeeks: 2, cycleOffset: 1 }),
    ]);
    // Clinic coverage: 2026-03-02 … 2026-04-24.
    await importRows(db, org, 'clinic-sessions', [
      clinic('B-0302', B1, '2026-03-02', 'AM', { attended: 5 }),
      clinic('B-0309', B1, '2026-03-09', 'PM', { attended: 6 }),
      clinic('B-0316', B1, '2026-03-16', 'AM', { attended: 7 }),
      clinic('B-0330A', B1, '2026-03-30', 'AM', { attended: 8 }),
      clinic('B-0330P', B1, '2026-03-30', 'PM', { attended: 9 }),
      clinic('B-0406', B1, '2026-04-06', 'PM', { attended: 4 }),
      clinic('B-0413', B1, '2026-04-13', 'AM', { cancelled: 'Clinic room refurbishment' }),
      clinic('B-0420', B1, '2026-04-20', 'PM', { attended: 6 }),
      clinic('B-0424', B1, '2026-04-24', 'AM', { attended: 3 }),
    ]);
  });

  it('plans offset 0 in weeks 0, 2, 4, 6 and offset 1 in weeks 1, 3, 5, 7, inside the effective range, not on Easter Monday', async () => {
    // Mondays and their week numbers from 2026-03-02: 03-02 w0, 03-09 w1, 03-16 w2, 03-23 w3, 03-30 w4,
    // 04-06 w5 (bank holiday), 04-13 w6, 04-20 w7.
    // AM (offset 0): 03-02 (before effective_from 03-04: not planned), 03-16, 03-30, 04-13.
    // PM (offset 1): 03-09, 03-23, 04-06 (Easter Monday: not planned), 04-20.
    // (Anchored on the Wednesday instead, 03-09 would be week 0 and 03-16 week 1: AM and PM would swap.)
    expect(await ledgerLines(db, org, B1)).toEqual([
      '2026-03-02 AM clinic additional', // held before the plan starts
      '2026-03-09 PM clinic delivered',
      '2026-03-16 AM clinic delivered',
      '2026-03-23 PM clinic not_scheduled',
      '2026-03-30 AM clinic delivered',
      '2026-03-30 PM clinic additional', // PM line is off in week 4
      '2026-04-06 PM clinic additional', // held on Easter Monday
      '2026-04-13 AM clinic hospital_cancelled',
      '2026-04-20 PM clinic delivered',
      '2026-04-24 AM clinic additional',
    ]);
  });

  it('reports expected gross as 1/2 session a week per line', async () => {
    const report = await unitReport(
      db,
      org,
      'consultant',
      { from: '2026-03-02', to: '2026-04-24' },
      'clinic',
    );
    // Days of the plan inside coverage: 03-04 … 04-24 = 28 + 24 = 52.
    // Gross = 2 lines × 0.5 × 42 weeks × 52 / 365 = 2184 / 365.
    expectMetrics(rowOf(report, B1), {
      plannedSessions: 6,
      expectedNet: 6,
      expectedGross: 2184 / 365,
      delivered: 4,
      additional: 4,
      fulfilmentNet: 4 / 6,
      fulfilmentGross: (4 * 365) / 2184,
      totalDelivery: 8 / 6,
      lost: {
        leaveAdequateNotice: 0,
        leaveShortNotice: 0,
        sickness: 0,
        hospitalCancelled: 1,
        notScheduled: 1,
      },
      lostSessions: 2,
      heldSessions: 8,
      patients: 48, // 5 + 6 + 7 + 8 + 9 + 4 + 6 + 3
      casesPerSession: 6, // 48 / 8
    });
    expect(report.weeks).toBeCloseTo(54 / 7, 9); // 03-02 … 04-24 = 30 + 24 days
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

describe('bank holidays, and two held lists in one slot', () => {
  const C1 = '5300001';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNC');
    await importRows(db, org, 'consultants', [consultant(C1)]);
    await importRows(db, org, 'job-plans', [
      planLine(
        { gmc: C1, id: 'JP-C1', from: '2026-01-05' },
        { type: 'theatre_list', day: 'Mon', period: 'AM' },
      ),
    ]);
    // List coverage: 2026-04-01 … 2026-05-08.
    await importRows(db, org, 'theatre-lists', [
      list('C-0401', C1, '2026-04-01', 'AM', { attended: 3 }),
      list('C-0406', C1, '2026-04-06', 'AM', { attended: 4 }),
      list('C-0413-1', C1, '2026-04-13', 'AM', { attended: 5 }, 'TH01'),
      list('C-0413-2', C1, '2026-04-13', 'AM', { attended: 2 }, 'TH02'),
      list('C-0427', C1, '2026-04-27', 'AM', { attended: 5 }),
      list('C-0504', C1, '2026-05-04', 'AM', { attended: 4 }),
      list('C-0508', C1, '2026-05-08', 'AM', { attended: 2 }),
    ]);
  });

  it('plans no session on Easter Monday or the Early May bank holiday; lists held on them are additional', async () => {
    // Mondays 04-06 (bank holiday), 04-13, 04-20, 04-27, 05-04 (bank holiday): 3 planned.
    expect(await ledgerLines(db, org, C1)).toEqual([
      '2026-04-01 AM list additional',
      '2026-04-06 AM list additional',
      '2026-04-13 AM list delivered',
      '2026-04-13 AM list additional', // a second held list in the same slot, another theatre
      '2026-04-20 AM list not_scheduled',
      '2026-04-27 AM list delivered',
      '2026-05-04 AM list additional',
      '2026-05-08 AM list additional',
    ]);
  });

  it('reports the bank holiday lists as additional and gross by calendar days', async () => {
    const report = await unitReport(db, org, 'consultant', { from: '2026-04-01', to: '2026-05-08' }, 'list');
    // Days 04-01 … 05-08 = 30 + 8 = 38; gross = 1 × 42 × 38 / 365 = 1596 / 365 (bank holidays are not removed).
    expectMetrics(rowOf(report, C1), {
      plannedSessions: 3,
      expectedNet: 3,
      expectedGross: 1596 / 365,
      delivered: 2,
      additional: 5,
      fulfilmentNet: 2 / 3,
      totalDelivery: 7 / 3,
      lost: { hospitalCancelled: 0, notScheduled: 1 },
      heldSessions: 7,
      patients: 25, // 3 + 4 + 5 + 2 + 5 + 4 + 2
      casesPerSession: 25 / 7,
    });
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

describe('annualised lines: credited from unplanned held sessions of the same category', () => {
  const D1 = '5400001';
  const D2 = '5400002';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCND');
    await importRows(db, org, 'consultants', [consultant(D1), consultant(D2)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: D1, id: 'JP-D1', from: '2026-01-05' }, { type: 'theatre_list', annualSessions: 73 }),
      planLine({ gmc: D1, id: 'JP-D1', from: '2026-01-05' }, { day: 'Tue', period: 'AM' }),
      planLine({ gmc: D2, id: 'JP-D2', from: '2026-01-05' }, { type: 'theatre_list', annualSessions: 73 }),
    ]);
    // Clinic coverage 2026-03-03 … 2026-03-10 (8 days).
    await importRows(db, org, 'clinic-sessions', [
      clinic('D-C0303', D1, '2026-03-03', 'AM', { attended: 10 }),
      clinic('D-C0305', D1, '2026-03-05', 'AM', { attended: 6 }),
      clinic('D-C0310', D1, '2026-03-10', 'AM', { attended: 10 }),
    ]);
    // List coverage 2026-03-02 … 2026-03-31 (30 days). D1 holds 8 lists of 4 cases, D2 2 lists of 5.
    const d1Dates = ['03-02', '03-04', '03-09', '03-11', '03-16', '03-18', '03-23', '03-31'];
    await importRows(db, org, 'theatre-lists', [
      ...d1Dates.map((date) => list(`D1-${date}`, D1, `2026-${date}`, 'AM', { attended: 4 })),
      list('D2-03-10', D2, '2026-03-10', 'AM', { attended: 5 }),
      list('D2-03-24', D2, '2026-03-24', 'AM', { attended: 5 }),
    ]);
  });

  it('records the unplanned lists as additional in the ledger (the credit is settled in the metrics)', async () => {
    expect(await ledgerLines(db, org, D1)).toEqual([
      '2026-03-02 AM list additional',
      '2026-03-03 AM clinic delivered',
      '2026-03-04 AM list additional',
      '2026-03-05 AM clinic additional',
      '2026-03-09 AM list additional',
      '2026-03-10 AM clinic delivered',
      '2026-03-11 AM list additional',
      '2026-03-16 AM list additional',
      '2026-03-18 AM list additional',
      '2026-03-23 AM list additional',
      '2026-03-31 AM list additional',
    ]);
  });

  it('credits held lists up to annual × days / 365 per consultant; the rest is additional', async () => {
    const march = { from: '2026-03-01', to: '2026-03-31' };
    const lists = await unitReport(db, org, 'consultant', march, 'list');
    // Expectation = 73 × 30 / 365 = 6 for each consultant (lists cover 03-02 … 03-31 = 30 days).
    // D1 held 8 unplanned lists: 6 credited (delivered), 2 additional.
    expectMetrics(rowOf(lists, D1), {
      plannedSessions: 0,
      expectedNet: 6,
      expectedGross: 6,
      delivered: 6,
      additional: 2,
      fulfilmentNet: 1,
      fulfilmentGross: 1,
      totalDelivery: 8 / 6,
      heldSessions: 8,
      patients: 32,
      casesPerSession: 4,
    });
    // D2 held 2: both credited, none additional.
    expectMetrics(rowOf(lists, D2), {
      plannedSessions: 0,
      expectedNet: 6,
      expectedGross: 6,
      delivered: 2,
      additional: 0,
      fulfilmentNet: 2 / 6,
      totalDelivery: 2 / 6,
      heldSessions: 2,
      patients: 10,
    });
    // The specialty adds the consultants' settled credit (6 + 2), not a pooled min(10, 12) = 10.
    const specialty = await unitReport(db, org, 'specialty', march, 'list');
    expectMetrics(rowOf(specialty, '130'), {
      expectedNet: 12,
      expectedGross: 12,
      delivered: 8,
      additional: 2,
      fulfilmentNet: 8 / 12,
      totalDelivery: 10 / 12,
      heldSessions: 10,
      patients: 42,
    });
  });

  it('does not credit a held clinic to an annualised list line', async () => {
    const all = await unitReport(db, org, 'consultant', { from: '2026-03-01', to: '2026-03-31' }, 'all');
    // Clinic: Tuesdays 03-03, 03-10 planned and delivered; Thursday 03-05 additional.
    // Clinic gross = 1 × 42 × 8 / 365 = 336 / 365; list gross = 73 × 30 / 365 = 6.
    expectMetrics(rowOf(all, D1), {
      plannedSessions: 2,
      expectedNet: 8, // 2 planned + 6 annualised
      expectedGross: 6 + 336 / 365,
      delivered: 8, // 2 clinics + 6 credited lists
      additional: 3, // 1 clinic + 2 lists
      fulfilmentNet: 1,
      totalDelivery: 11 / 8,
      heldSessions: 11,
      patients: 58, // 32 list cases + 26 clinic patients
    });
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

describe('leave: half days, notice, sickness, overlaps, and sessions held or cancelled during leave', () => {
  const E1 = '5500001';
  const E2 = '5500002';
  const E3 = '5500003';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNE');
    await importRows(db, org, 'consultants', [consultant(E1), consultant(E2), consultant(E3)]);
    const e1 = { gmc: E1, id: 'JP-E1', from: '2026-01-05' };
    const e2 = { gmc: E2, id: 'JP-E2', from: '2026-01-05' };
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const;
    await importRows(db, org, 'job-plans', [
      // E1: a clinic every weekday morning and afternoon (10 lines).
      ...days.flatMap((day) => [planLine(e1, { day, period: 'AM' }), planLine(e1, { day, period: 'PM' })]),
      // E2: Monday morning, afternoon and evening clinics.
      planLine(e2, { day: 'Mon', period: 'AM' }),
      planLine(e2, { day: 'Mon', period: 'PM' }),
      planLine(e2, { day: 'Mon', period: 'EVE' }),
      // E3: Monday morning clinic.
      planLine({ gmc: E3, id: 'JP-E3', from: '2026-01-05' }, { day: 'Mon', period: 'AM' }),
    ]);
    // Clinic coverage 2026-06-01 … 2026-06-12 (12 days).
    await importRows(db, org, 'clinic-sessions', [
      clinic('E-0601P', E1, '2026-06-01', 'PM', { attended: 10 }),
      clinic('E-0602A', E1, '2026-06-02', 'AM', { attended: 10 }),
      clinic('E-0603A', E1, '2026-06-03', 'AM', { attended: 10 }),
      clinic('E-0605P', E1, '2026-06-05', 'PM', { attended: 10 }),
      clinic('E-0611A', E1, '2026-06-11', 'AM', { attended: 10 }),
      clinic('E-0611P', E1, '2026-06-11', 'PM', { cancelled: 'Consultant on leave' }),
      clinic('E-0612A', E1, '2026-06-12', 'AM', { cancelled: 'Room unavailable' }),
      clinic('E-0612P', E1, '2026-06-12', 'PM', { attended: 10 }),
      clinic('E2-0601A', E2, '2026-06-01', 'AM', { attended: 7 }),
      clinic('E2-0608E', E2, '2026-06-08', 'EVE', { attended: 5 }),
    ]);
    await importRows(db, org, 'leave', [
      // Morning only, requested 61 days before (04-01 → 06-01).
      leave(E1, '2026-06-01', '2026-06-01', 'annual', {
        startPeriod: 'AM',
        endPeriod: 'AM',
        requestedOn: '2026-04-01',
      }),
      // Afternoon only, requested 8 days before (05-25 → 06-02).
      leave(E1, '2026-06-02', '2026-06-02', 'annual', {
        startPeriod: 'PM',
        endPeriod: 'PM',
        requestedOn: '2026-05-25',
      }),
      // Wednesday PM to Friday AM; no request date, approved 04-23: 41 days before 06-03, 42 before 06-04,
      // 43 before 06-05 (threshold 42: 41 is short notice, 42 adequate).
      leave(E1, '2026-06-03', '2026-06-05', 'study', {
        startPeriod: 'PM',
        endPeriod: 'AM',
        approvedOn: '2026-04-23',
      }),
      // Full day, neither date known: adequate.
      leave(E1, '2026-06-08', '2026-06-08', 'professional'),
      // Sick Tuesday and Wednesday; annual leave booked long ago (01-01 → 06-10 = 160 days) overlaps Wednesday.
      leave(E1, '2026-06-09', '2026-06-10', 'sick'),
      leave(E1, '2026-06-10', '2026-06-10', 'annual', { requestedOn: '2026-01-01' }),
      // Full day requested 10 days before (06-01 → 06-11); the morning clinic was held anyway.
      leave(E1, '2026-06-11', '2026-06-11', 'annual', { requestedOn: '2026-06-01' }),
      // E2: from Monday 06-01 PM to Monday 06-08 PM, no dates known.
      leave(E2, '2026-06-01', '2026-06-08', 'annual', { startPeriod: 'PM', endPeriod: 'PM' }),
      // E3: parental leave on 06-01; "other" leave on 06-08 requested 7 days before.
      leave(E3, '2026-06-01', '2026-06-01', 'parental'),
      leave(E3, '2026-06-08', '2026-06-08', 'other', { requestedOn: '2026-06-01' }),
    ]);
  });

  it('gives every planned session of E1 one outcome, with the notice in days', async () => {
    const rows = await ledgerRows(db, org, E1);
    expect(rows.map((row) => `${row.date} ${row.period} ${row.outcome} ${row.noticeDays}`)).toEqual([
      '2026-06-01 AM leave_adequate_notice 61',
      '2026-06-01 PM delivered null',
      '2026-06-02 AM delivered null',
      '2026-06-02 PM leave_short_notice 8',
      '2026-06-03 AM delivered null',
      '2026-06-03 PM leave_short_notice 41',
      '2026-06-04 AM leave_adequate_notice 42',
      '2026-06-04 PM leave_adequate_notice 42',
      '2026-06-05 AM leave_adequate_notice 43',
      '2026-06-05 PM delivered null',
      '2026-06-08 AM leave_adequate_notice null',
      '2026-06-08 PM leave_adequate_notice null',
      '2026-06-09 AM sickness null',
      '2026-06-09 PM sickness null',
      '2026-06-10 AM leave_adequate_notice 160', // overlapping leave: adequate notice wins over sickness
      '2026-06-10 PM leave_adequate_notice 160',
      '2026-06-11 AM delivered null', // held during leave
      '2026-06-11 PM leave_short_notice 10', // cancelled inside leave: leave, not a hospital cancellation
      '2026-06-12 AM hospital_cancelled null',
      '2026-06-12 PM delivered null',
    ]);
  });

  it('keeps the reason of a hospital cancellation, and none for a session cancelled inside leave', async () => {
    const entries = await getLedgerEntries(db, trustWideScope(org), {
      consultantId: await consultantId(db, org, E1),
      period: { from: '2026-06-11', to: '2026-06-12' },
      activity: 'clinic',
    });
    expect(entries).toEqual([
      expect.objectContaining({ date: '2026-06-11', period: 'AM', outcome: 'delivered', patients: 10 }),
      expect.objectContaining({
        date: '2026-06-11',
        period: 'PM',
        outcome: 'leave_short_notice',
        cancelReason: null,
        noticeDays: 10,
      }),
      expect.objectContaining({
        date: '2026-06-12',
        period: 'AM',
        outcome: 'hospital_cancelled',
        cancelReason: 'Room unavailable',
        location: 'CLIN01',
        activityType: 'outpatient_clinic',
      }),
      expect.objectContaining({ date: '2026-06-12', period: 'PM', outcome: 'delivered', patients: 10 }),
    ]);
  });

  it('covers afternoon and evening on the first day of a leave starting PM, morning and afternoon on a last day ending PM', async () => {
    // E2's Mondays: 06-01 (leave starts PM) and 06-08 (leave ends PM).
    expect(await ledgerLines(db, org, E2)).toEqual([
      '2026-06-01 AM clinic delivered',
      '2026-06-01 PM clinic leave_adequate_notice',
      '2026-06-01 EVE clinic leave_adequate_notice',
      '2026-06-08 AM clinic leave_adequate_notice',
      '2026-06-08 PM clinic leave_adequate_notice',
      '2026-06-08 EVE clinic delivered',
    ]);
  });

  it('counts parental leave as sickness (unplanned absence) and “other” leave as leave', async () => {
    expect(await ledgerLines(db, org, E3)).toEqual([
      '2026-06-01 AM clinic sickness',
      '2026-06-08 AM clinic leave_short_notice',
    ]);
  });

  it('reports expected net as planned less leave and sickness', async () => {
    const report = await unitReport(
      db,
      org,
      'consultant',
      { from: '2026-06-01', to: '2026-06-12' },
      'clinic',
    );
    // E1: 10 lines × 10 weekdays = 20 planned (no bank holiday). Leave adequate 8, short 3, sickness 2.
    // Expected net = 20 − 8 − 3 − 2 = 7. Gross = 10 lines × 42 × 12 / 365 = 5040 / 365.
    expectMetrics(rowOf(report, E1), {
      plannedSessions: 20,
      expectedNet: 7,
      expectedGross: 5040 / 365,
      delivered: 6,
      additional: 0,
      fulfilmentNet: 6 / 7,
      fulfilmentGross: (6 * 365) / 5040,
      totalDelivery: 6 / 7,
      lost: {
        leaveAdequateNotice: 8,
        leaveShortNotice: 3,
        sickness: 2,
        hospitalCancelled: 1,
        notScheduled: 0,
      },
      lostSessions: 1,
      heldSessions: 6,
      patients: 60,
      casesPerSession: 10,
    });
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

describe('a job plan changing mid-period', () => {
  const F1 = '5700001';
  const F2 = '5700002';
  const F3 = '5700003';
  let org: number;

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNF');
    await importRows(db, org, 'consultants', [consultant(F1), consultant(F2), consultant(F3)]);
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: F1, id: 'JP-F1', version: 1, from: '2026-01-05' }, { day: 'Tue', period: 'AM' }),
      planLine({ gmc: F2, id: 'JP-F2', version: 1, from: '2026-01-05' }, { day: 'Tue', period: 'AM' }),
      // F3 has only a draft plan: Thursday AM.
      planLine({ gmc: F3, id: 'JP-F3', status: 'draft', from: '2026-01-05' }, { day: 'Thu', period: 'AM' }),
    ]);
    // Clinic coverage 2026-03-03 … 2026-03-26 (24 days). F1 holds every Tuesday and Thursday morning.
    const f1Dates = ['03-03', '03-05', '03-10', '03-12', '03-17', '03-19', '03-24', '03-26'];
    await importRows(db, org, 'clinic-sessions', [
      ...f1Dates.map((date) => clinic(`F1-${date}`, F1, `2026-${date}`, 'AM', { attended: 8 })),
      clinic('F2-03-10', F2, '2026-03-10', 'AM', { attended: 8 }, 'CLIN09'),
      clinic('F3-03-19', F3, '2026-03-19', 'AM', { attended: 8 }, 'CLIN07'),
    ]);
  });

  it('before the change: Tuesdays are planned, Thursdays additional', async () => {
    expect(await ledgerLines(db, org, F1)).toEqual([
      '2026-03-03 AM clinic delivered',
      '2026-03-05 AM clinic additional',
      '2026-03-10 AM clinic delivered',
      '2026-03-12 AM clinic additional',
      '2026-03-17 AM clinic delivered',
      '2026-03-19 AM clinic additional',
      '2026-03-24 AM clinic delivered',
      '2026-03-26 AM clinic additional',
    ]);
  });

  it('version 2 (Thursday from 03-16) ends version 1 on 03-15 and re-judges only that consultant', async () => {
    const f2Before = await ledgerRows(db, org, F2);
    const result = await importRows(db, org, 'job-plans', [
      planLine({ gmc: F1, id: 'JP-F1', version: 2, from: '2026-03-16' }, { day: 'Thu', period: 'AM' }),
    ]);
    expect(result.ledger?.scope).toEqual({ consultants: 1, dates: null });
    expect(await ledgerLines(db, org, F1)).toEqual([
      '2026-03-03 AM clinic delivered', // v1 (Tuesday)
      '2026-03-05 AM clinic additional',
      '2026-03-10 AM clinic delivered', // v1
      '2026-03-12 AM clinic additional',
      '2026-03-17 AM clinic additional', // v1 ended on 03-15
      '2026-03-19 AM clinic delivered', // v2 (Thursday)
      '2026-03-24 AM clinic additional',
      '2026-03-26 AM clinic delivered', // v2
    ]);
    const lines = await queryRows<{ version: number; from: string; to: string | null }>(
      db,
      `SELECT jp.version, to_char(pl.effective_from, 'YYYY-MM-DD') AS "from",
              to_char(pl.effective_to, 'YYYY-MM-DD') AS "to"
         FROM ledger_plan_lines pl JOIN job_plans jp ON jp.id = pl.job_plan_id
         JOIN consultants c ON c.id = pl.consultant_id
        WHERE pl.organisation_id = $1 AND c.gmc_number = $2 ORDER BY jp.version`,
      [org, F1],
    );
    expect(lines).toEqual([
      { version: 1, from: '2026-01-05', to: '2026-03-15' },
      { version: 2, from: '2026-03-16', to: null },
    ]);
    // F2's ledger rows are untouched: the same rows, same ids.
    expect(await ledgerRows(db, org, F2)).toEqual(f2Before);
    expect(f2Before.map((row) => `${row.date} ${row.outcome}`)).toEqual([
      '2026-03-03 not_scheduled',
      '2026-03-10 delivered',
      '2026-03-17 not_scheduled',
      '2026-03-24 not_scheduled',
    ]);
  });

  it('prorates gross expectation over each version’s days', async () => {
    const report = await unitReport(
      db,
      org,
      'consultant',
      { from: '2026-03-03', to: '2026-03-26' },
      'clinic',
    );
    // v1 in force 03-03 … 03-15 (13 days), v2 03-16 … 03-26 (11 days): 42 × 13/365 + 42 × 11/365 = 1008/365.
    expectMetrics(rowOf(report, F1), {
      plannedSessions: 4,
      expectedNet: 4,
      expectedGross: 1008 / 365,
      delivered: 4,
      additional: 4,
      fulfilmentNet: 1,
      fulfilmentGross: (4 * 365) / 1008,
      totalDelivery: 2,
      heldSessions: 8,
      patients: 64,
    });
  });

  it('plans a consultant with only a draft plan from the draft', async () => {
    // Thursdays in coverage: 03-05, 03-12, 03-19, 03-26.
    expect(await ledgerLines(db, org, F3)).toEqual([
      '2026-03-05 AM clinic not_scheduled',
      '2026-03-12 AM clinic not_scheduled',
      '2026-03-19 AM clinic delivered',
      '2026-03-26 AM clinic not_scheduled',
    ]);
  });

  it('ignores a draft version when the consultant has an agreed plan', async () => {
    const before = await ledgerRows(db, org, F2);
    await importRows(db, org, 'job-plans', [
      planLine(
        { gmc: F2, id: 'JP-F2', version: 2, status: 'draft', from: '2026-03-16' },
        { day: 'Wed', period: 'AM' },
      ),
    ]);
    expect((await ledgerRows(db, org, F2)).map((row) => `${row.date} ${row.outcome}`)).toEqual(
      before.map((row) => `${row.date} ${row.outcome}`),
    );
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});

describe('a consultant with no job plan, and sessions of an unknown consultant', () => {
  const G1 = '5800001';
  const UNKNOWN = '5999999';
  let org: number;
  const march = { from: '2026-03-01', to: '2026-03-31' };

  beforeAll(async () => {
    org = await createOrganisation(db, 'SCNG');
    await importRows(db, org, 'consultants', [consultant(G1)]);
  });

  it('counts held sessions without a plan as additional, and leaves unknown consultants out of the ledger', async () => {
    // Clinic coverage 2026-03-03 … 2026-03-18 (the unknown consultant's sessions count towards it).
    const result = await importRows(db, org, 'clinic-sessions', [
      clinic('G-0303', G1, '2026-03-03', 'AM', { attended: 10 }),
      clinic('G-0310', G1, '2026-03-10', 'AM', { attended: 8 }),
      clinic('U-0304', UNKNOWN, '2026-03-04', 'AM', { attended: 7 }),
      clinic('U-0311', UNKNOWN, '2026-03-11', 'AM', { attended: 9 }),
      clinic('U-0318', UNKNOWN, '2026-03-18', 'AM', { cancelled: 'Locum unavailable' }),
    ]);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'gmc_number', value: UNKNOWN })]);
    expect((await ledgerRows(db, org)).map((row) => `${row.gmc} ${row.date} ${row.outcome}`)).toEqual([
      '5800001 2026-03-03 additional',
      '5800001 2026-03-10 additional',
    ]);

    const report = await unitReport(db, org, 'consultant', march);
    expectMetrics(rowOf(report, G1), {
      plannedSessions: 0,
      expectedNet: 0,
      expectedGross: 0,
      delivered: 0,
      additional: 2,
      fulfilmentNet: null,
      fulfilmentGross: null,
      totalDelivery: null,
      heldSessions: 2,
      patients: 18,
      casesPerSession: 9,
      opportunityPerWeek: { fulfilment: 0, productivity: 0, total: 0 },
    });
  });

  it('picks the consultant up once imported, refreshing only them', async () => {
    const g1Before = await ledgerRows(db, org, G1);
    const result = await importRows(db, org, 'consultants', [consultant(UNKNOWN)]);
    expect(result.ledger?.scope).toEqual({ consultants: 1, dates: null });
    expect(await ledgerLines(db, org, UNKNOWN)).toEqual([
      '2026-03-04 AM clinic additional',
      '2026-03-11 AM clinic additional',
    ]);
    expect(await ledgerRows(db, org, G1)).toEqual(g1Before);

    // Their job plan arrives: Wednesdays 03-04, 03-11, 03-18 inside the coverage.
    await importRows(db, org, 'job-plans', [
      planLine({ gmc: UNKNOWN, id: 'JP-U', from: '2026-03-02' }, { day: 'Wed', period: 'AM' }),
    ]);
    const rows = await ledgerRows(db, org, UNKNOWN);
    expect(rows.map((row) => `${row.date} ${row.outcome} ${row.cancelReason}`)).toEqual([
      '2026-03-04 delivered null',
      '2026-03-11 delivered null',
      '2026-03-18 hospital_cancelled Locum unavailable',
    ]);
    expect(await ledgerRows(db, org, G1)).toEqual(g1Before);
  });

  it('leaves an incremental ledger equal to a full rebuild', async () => {
    const { incremental, full } = await incrementalAndFullLedger(db, org);
    expect(incremental).toEqual(full);
  });
});
